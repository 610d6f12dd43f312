package io.github.recoveryaction.github;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeHttpServer;

/** A fake run on loopback and the runner variables of one of its attempts; retries wait for nothing. */
public final class ArtifactTestSupport implements AutoCloseable {

    public static final String REPOSITORY = "octo/app";
    public static final long RUN_ID = 4242;

    public final FakeHttpServer server = new FakeHttpServer();
    public final FakeArtifactService service = new FakeArtifactService(REPOSITORY, RUN_ID).register(server);
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final List<String> log = new CopyOnWriteArrayList<>();

    public RetryingHttpClient http() {
        return new RetryingHttpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                RetryPolicy.DEFAULT, sleeps::add, Clock.systemUTC(), log::add);
    }

    /** What the runner passes to a job of {@code attempt}; {@code withReadToken} adds GITHUB_TOKEN. */
    public Map<String, String> environment(int attempt, boolean withReadToken) {
        Map<String, String> env = new HashMap<>(Map.of(
                "GITHUB_ACTIONS", "true",
                "ACTIONS_RUNTIME_TOKEN", FakeArtifactService.runtimeToken(attempt),
                "ACTIONS_RESULTS_URL", server.url("/"),
                "GITHUB_RUN_ID", Long.toString(RUN_ID),
                "GITHUB_RUN_ATTEMPT", Integer.toString(attempt),
                "GITHUB_JOB", "build",
                "GITHUB_REPOSITORY", REPOSITORY,
                "GITHUB_API_URL", server.url("")));
        if (withReadToken) {
            env.put("GITHUB_TOKEN", FakeArtifactService.READ_TOKEN);
        }
        return env;
    }

    public WorkflowArtifacts artifacts(int attempt, boolean withReadToken, int blockSize) {
        return new WorkflowArtifacts(ArtifactRuntime.from(environment(attempt, withReadToken)), http(), log::add,
                blockSize);
    }

    @Override
    public void close() {
        server.close();
    }
}
