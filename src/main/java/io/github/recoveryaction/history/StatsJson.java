package io.github.recoveryaction.history;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.history.StatsReport.Count;
import io.github.recoveryaction.history.StatsReport.Flaky;

/** {@link StatsReport} as one JSON object with camelCase keys; durations in seconds. */
public final class StatsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatsJson() {
    }

    public static ObjectNode toNode(StatsReport r, StatsScope scope) {
        ObjectNode node = JSON.createObjectNode().put("repository", scope.repository()).put("window", scope.window());
        scope.workflow().ifPresent(w -> node.put("workflow", w));
        scope.branch().ifPresent(b -> node.put("branch", b));
        node.put("runs", r.runs()).put("failedRuns", r.failedRuns()).put("rerunRuns", r.rerunRuns())
                .put("failedJobs", r.failedJobs()).put("failedJobSeconds", r.failedJobTime().toSeconds())
                .put("rerunSeconds", r.rerunTime().toSeconds());
        counts(node.putArray("byType"), r.byType(), "failureType");
        counts(node.putArray("byJob"), r.byJob(), "job");
        counts(node.putArray("byRule"), r.byRule(), "rule");
        flaky(node.putArray("flakyTests"), r.flakyTests());
        flaky(node.putArray("flakyJobs"), r.flakyJobs());
        ObjectNode recovery = node.putObject("timeToRecovery").put("branch", r.recovery().branch())
                .put("incidents", r.recovery().incidents().size());
        r.recovery().median().ifPresent(d -> recovery.put("medianSeconds", d.toSeconds()));
        r.recovery().longest().ifPresent(d -> recovery.put("longestSeconds", d.toSeconds()));
        ArrayNode open = recovery.putArray("redSince");
        r.recovery().redSince().forEach(o -> open.addObject().put("workflow", o.workflow())
                .put("since", o.since().toString()).put("runId", o.runId()));
        counts(node.putArray("rootCauses"), r.rootCauses(), "line");
        ObjectNode scan = node.putObject("scan").put("requests", scope.requests()).put("fromCache", scope.fromCache())
                .put("matchingRuns", scope.matching());
        scope.stopped().ifPresent(s -> scan.put("stoppedEarly", s));
        return node;
    }

    public static String toLine(StatsReport r, StatsScope scope) {
        try {
            return JSON.writeValueAsString(toNode(r, scope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static void counts(ArrayNode array, List<Count> counts, String key) {
        counts.forEach(c -> array.addObject().put(key, c.key()).put("count", c.count()));
    }

    private static void flaky(ArrayNode array, List<Flaky> flaky) {
        flaky.forEach(f -> array.addObject().put("name", f.name()).put("job", f.job()).put("runs", f.times())
                .put("lastRunId", f.lastRunId()));
    }
}
