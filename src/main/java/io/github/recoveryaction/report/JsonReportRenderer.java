package io.github.recoveryaction.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.plan.RecoveryAction;
import io.github.recoveryaction.plan.RecoveryPlan;

/**
 * The JSON the tool prints ({@code spec/cli-contract.md}): a plan as {@code {"failureType","lane","actions",…}},
 * and a report as the classification's JSON plus a {@code plan} object. Redacted; one object per line.
 */
public final class JsonReportRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Redactor redactor;

    public JsonReportRenderer(Redactor redactor) {
        this.redactor = redactor;
    }

    /** One report as one line of JSON. */
    public String render(FailureReport report) {
        FailureReport safe = report.redacted(redactor);
        ObjectNode node = ClassificationJson.toNode(safe.classification());
        safe.links().ifPresent(l -> {
            ObjectNode links = node.putObject("links").put("run", l.runUrl().toString());
            l.findStepUrl().ifPresent(u -> links.put("step", u.toString()));
        });
        node.set("plan", planNode(safe.plan()));
        return write(node);
    }

    /** A plan alone as one line of JSON. */
    public String renderPlan(RecoveryPlan plan) {
        return write(planNode(FailureReport.redactPlan(plan, redactor)));
    }

    /** The plan's JSON tree; the caller redacts. */
    static ObjectNode planNode(RecoveryPlan plan) {
        ObjectNode node = NODES.objectNode();
        node.put("failureType", plan.failureType().id());
        node.put("lane", plan.lane().id());
        plan.laneReason().ifPresent(r -> node.put("laneReason", r));
        var actions = node.putArray("actions");
        for (RecoveryAction a : plan.actions()) {
            ObjectNode action = actions.addObject();
            action.put("strategy", a.strategy().id());
            action.put("recommended", a.recommended());
            action.put("description", a.description());
            a.commands().forEach(action.putArray("commands")::add);
            action.put("estimatedMinutes", a.estimatedMinutes());
            a.successCriteria().forEach(action.putArray("successCriteria")::add);
            a.rollbackSteps().forEach(action.putArray("rollbackSteps")::add);
        }
        ObjectNode escalation = node.putObject("escalation");
        escalation.put("description", plan.escalation().description());
        plan.escalation().steps().forEach(escalation.putArray("steps")::add);
        plan.escalation().commands().forEach(escalation.putArray("commands")::add);
        return node;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
