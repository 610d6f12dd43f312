package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.notFound;

import java.util.ArrayList;
import java.util.List;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/** {@code rerun-failed-jobs} for {@link FakeGitHubApi}: records accepted requests, or refuses them with a 403. */
final class FakeReruns {

    private final FakeRuns runs;
    private final List<Long> requests = new ArrayList<>();
    private volatile String refusal;

    FakeReruns(FakeHttpServer server, String repository, FakeRuns runs) {
        this.runs = runs;
        server.route("POST", "/repos/" + repository + "/actions/runs/(\\d+)/rerun-failed-jobs", this::rerunFailedJobs);
    }

    void refuse(String message) {
        this.refusal = message;
    }

    synchronized List<Long> requests() {
        return List.copyOf(requests);
    }

    private synchronized Response rerunFailedJobs(RecordedRequest r, List<String> g) {
        long id = Long.parseLong(g.get(0));
        if (runs.find(id).isEmpty()) {
            return notFound();
        }
        if (refusal != null) {
            return Response.json(403, "{\"message\":\"" + refusal + "\",\"documentation_url\":"
                    + "\"https://docs.github.com/rest/actions/workflow-runs#re-run-failed-jobs-from-a-workflow-run\","
                    + "\"status\":\"403\"}");
        }
        requests.add(id);
        return Response.empty(201);
    }
}
