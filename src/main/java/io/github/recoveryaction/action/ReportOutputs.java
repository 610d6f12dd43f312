package io.github.recoveryaction.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.report.ClassificationJson;
import io.github.recoveryaction.rerun.RerunOutcome;
import io.github.recoveryaction.rerun.RerunReport;

/**
 * The step outputs of {@code recovery report}, named as in {@code action.yml}. Single-valued outputs describe the
 * first failed job; {@code failures-json} lists all. Outputs of a passing attempt are empty strings, except
 * {@code recovered}.
 */
final class ReportOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportOutputs() {
    }

    static Map<String, String> of(Report report, String summary, Optional<String> commentUrl,
            Optional<Integer> pullRequest) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<PlannedFailure> primary = report.primary();
        Optional<Classification> c = primary.map(p -> p.failure().classification());
        out.put("failure-type", c.map(x -> x.failureType().id()).orElse(""));
        out.put("failed-job", primary.map(p -> p.failure().jobName()).orElse(""));
        out.put("failed-step", primary.flatMap(p -> p.failure().stepName()).orElse(""));
        out.put("failed-step-number", primary.flatMap(p -> p.failure().failedStep())
                .map(s -> String.valueOf(s.number())).orElse(""));
        out.put("rule", c.map(Classification::rule).orElse(""));
        out.put("confidence", c.map(x -> String.format(Locale.ROOT, "%.2f", x.confidence())).orElse(""));
        out.put("lane", primary.map(p -> p.plan().lane()).orElse(""));
        out.put("recommended-strategy", primary.flatMap(p -> p.plan().recommendedStrategy()).orElse(""));
        out.put("plan-json", primary.map(p -> p.plan().json()).orElse(""));
        out.put("classification-json", primary.map(p -> classificationJson(p.failure()).toString()).orElse(""));
        out.put("failures-json", failuresJson(report));
        out.put("resume-after", primary.flatMap(p -> p.failure().failedStep()).filter(s -> s.number() > 1)
                .map(s -> String.valueOf(s.number() - 1)).orElse(""));
        out.put("recovered", String.valueOf(report.recovered()));
        out.put("cancelled", String.valueOf(report.cancelled()));
        out.put("mode", report.mode().id());
        out.put("pull-request", pullRequest.map(String::valueOf).orElse(""));
        out.put("comment-url", commentUrl.orElse(""));
        out.put("summary-markdown", summary);
        return out;
    }

    /**
     * The contract's classification ({@code step.number} counts the log's {@code Run} steps) with
     * {@code step.jobStepNumber}, the number people see in the report, the log viewer and {@code failed-step-number}.
     */
    private static ObjectNode classificationJson(JobFailure failure) {
        ObjectNode node = ClassificationJson.toNode(failure.classification());
        if (node.get("step") instanceof ObjectNode step) {
            failure.failedStep().ifPresent(s -> step.put("jobStepNumber", s.number()));
        }
        return node;
    }

    /**
     * {@code rerun} ({@code true} only when GitHub accepted the re-run), {@code rerun-reason}, {@code rerun-jobs} and
     * {@code flaky-tests} (JSON arrays).
     */
    static Map<String, String> rerun(RerunReport rerun) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("rerun", String.valueOf(rerun.outcome().filter(RerunOutcome::rerun).isPresent()));
        out.put("rerun-reason", rerun.outcome().map(RerunOutcome::reason).orElse(""));
        out.put("rerun-jobs", array(rerun.outcome().map(RerunOutcome::jobs).orElse(List.of())));
        out.put("flaky-tests", array(rerun.flakyTests()));
        return out;
    }

    private static String array(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    private static String failuresJson(Report report) {
        ArrayNode array = JSON.createArrayNode();
        for (PlannedFailure p : report.failures()) {
            var node = array.addObject();
            node.put("job", p.failure().jobName());
            p.failure().job().ifPresent(job -> node.put("jobId", job.id()));
            node.set("classification", classificationJson(p.failure()));
            node.put("lane", p.plan().lane());
            p.plan().recommendedStrategy().ifPresent(s -> node.put("recommendedStrategy", s));
        }
        return array.toString();
    }
}
