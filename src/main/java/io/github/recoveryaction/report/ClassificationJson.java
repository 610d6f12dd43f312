package io.github.recoveryaction.report;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.SourceLocation;
import io.github.recoveryaction.classify.StepRef;

/**
 * The JSON shape of a classification ({@code spec/cli-contract.md}): camelCase keys, {@code step} null for raw
 * logs, structured details under {@code details} with empty parts left out.
 */
public final class ClassificationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClassificationJson() {
    }

    public static ObjectNode toNode(Classification c) {
        ObjectNode node = NODES.objectNode();
        node.put("file", c.file());
        c.job().ifPresent(job -> node.put("job", job));
        if (c.failed()) {
            node.put("failureType", c.failureType().id());
        } else {
            node.putNull("failureType");
        }
        node.put("confidence", Math.round(c.confidence() * 100) / 100.0);
        step(node, c.step());
        evidence(node.putArray("evidence"), c.evidence());
        node.put("rule", c.rule());
        node.put("title", c.title());
        node.put("outcome", c.outcome().id());
        if (!c.details().isEmpty()) {
            node.set("details", details(c.details()));
        }
        c.novelty().ifPresent(n -> {
            ObjectNode baseline = node.putObject("baseline").put("newLines", n.newLines()).put("lines", n.lines())
                    .put("source", n.baseline());
            n.link().ifPresent(link -> baseline.put("url", link.toString()));
        });
        if (!c.otherFailedJobs().isEmpty()) {
            ArrayNode jobs = node.putArray("jobs");
            ObjectNode headline = job(jobs, c.job().orElse(""), c.failureType().id(), c.confidence(), c.step(), c.rule(),
                    c.evidence().stream().limit(3).toList());
            headline.put("role", "root-cause");
            for (Classification.JobVerdict j : c.otherFailedJobs()) {
                job(jobs, j.job(), j.failureType().id(), j.confidence(), j.step(), j.rule(), j.evidence())
                        .put("role", j.consequence() ? "consequence" : "failed");
            }
        }
        return node;
    }

    private static ObjectNode job(ArrayNode jobs, String name, String type, double confidence, Optional<StepRef> step,
            String rule, List<Evidence> evidence) {
        ObjectNode node = jobs.addObject();
        node.put("job", name);
        node.put("failureType", type);
        node.put("confidence", Math.round(confidence * 100) / 100.0);
        step(node, step);
        node.put("rule", rule);
        evidence(node.putArray("evidence"), evidence);
        return node;
    }

    private static void step(ObjectNode node, Optional<StepRef> step) {
        step.ifPresentOrElse(s -> {
            ObjectNode n = node.putObject("step");
            n.put("number", s.number());
            n.put("name", s.name());
            s.displayName().ifPresent(d -> n.put("displayName", d));
        }, () -> node.putNull("step"));
    }

    private static void evidence(ArrayNode array, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            array.addObject().put("line", e.line()).put("text", e.text());
        }
    }

    /** One line of JSON Lines output. */
    public static String toLine(Classification c) {
        try {
            return MAPPER.writeValueAsString(toNode(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static ObjectNode details(Details d) {
        ObjectNode node = NODES.objectNode();
        if (!d.failedTests().isEmpty()) {
            d.failedTests().forEach(node.putArray("failedTests")::add);
        }
        if (!d.locations().isEmpty()) {
            ArrayNode locations = node.putArray("locations");
            for (SourceLocation l : d.locations()) {
                ObjectNode loc = locations.addObject().put("file", l.file());
                l.line().ifPresent(v -> loc.put("line", v));
                l.column().ifPresent(v -> loc.put("column", v));
                if (!l.message().isEmpty()) {
                    loc.put("message", l.message());
                }
            }
        }
        if (!d.dependencies().isEmpty()) {
            d.dependencies().forEach(node.putArray("dependencies")::add);
        }
        d.command().ifPresent(v -> node.put("command", v));
        d.exitCode().ifPresent(v -> node.put("exitCode", v));
        d.timeLimit().ifPresent(v -> node.put("timeLimitSeconds", v.toSeconds()));
        d.stepDuration().ifPresent(v -> node.put("stepDurationSeconds", v.toSeconds()));
        return node;
    }
}
