package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.notFound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/**
 * Job logs for {@link FakeGitHubApi}: the API answers with a 302 to a signed-URL-like path under {@code /_storage/},
 * which refuses (and reports) an {@code Authorization} header, as blob storage does.
 */
final class FakeJobLogs {

    private final FakeHttpServer server;
    private final Runnable storageSawAuthorization;
    private final Map<Long, String> logs = new HashMap<>();

    FakeJobLogs(FakeHttpServer server, String repository, Runnable storageSawAuthorization) {
        this.server = server;
        this.storageSawAuthorization = storageSawAuthorization;
        server.route("GET", "/repos/" + repository + "/actions/jobs/(\\d+)/logs", this::redirectToLog);
        server.route("GET", "/_storage/logs/(\\d+)", this::serveLog);
    }

    synchronized void add(long jobId, String text) {
        logs.put(jobId, text);
    }

    private synchronized Response redirectToLog(RecordedRequest r, List<String> g) {
        long id = Long.parseLong(g.get(0));
        if (!logs.containsKey(id)) {
            return notFound();
        }
        return Response.redirect(server.url("/_storage/logs/" + id + "?sig=abc&se=2026-11-26T10%3A10%3A00Z"));
    }

    private synchronized Response serveLog(RecordedRequest r, List<String> g) {
        if (r.header("Authorization") != null) {
            storageSawAuthorization.run();
            return Response.text(400, "signed URLs take no Authorization header");
        }
        return Response.text(200, logs.get(Long.parseLong(g.get(0))));
    }
}
