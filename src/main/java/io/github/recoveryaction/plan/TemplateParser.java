package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.recoveryaction.classify.FailureType;

/** Reads and checks one entry of a plan file's {@code templates} list. */
final class TemplateParser {

    private static final Set<String> TEMPLATE_KEYS = Set.of("id", "actions", "escalation");
    private static final Set<String> ACTION_KEYS = Set.of("strategy", "recommended", "lanes", "description",
            "commands", "estimated-minutes", "success-criteria", "rollback-steps");
    private static final Set<String> ESCALATION_KEYS = Set.of("description", "steps", "commands");
    private static final String DEFAULT_KEY = "default";

    private TemplateParser() {
    }

    static PlanTemplate parse(String file, YamlField entry) {
        entry.requireMapping();
        String id = entry.require("id").text();
        FailureType type = FailureType.findById(id).orElseThrow(() -> entry.child("id").error(
                "must be a failure type id (" + FailureType.knownIds() + "), got '" + id + "'"));
        YamlField t = entry.within(file + ": template " + id);
        t.requireOnlyKeys(TEMPLATE_KEYS);
        List<ActionTemplate> actions = new ArrayList<>();
        for (YamlField a : t.require("actions").items()) {
            actions.add(action(a));
        }
        EscalationTemplate escalation = escalation(t.require("escalation"));
        PlanTemplate template = new PlanTemplate(type, file, actions, escalation);
        checkLanes(t, template);
        return template;
    }

    private static ActionTemplate action(YamlField a) {
        a.requireOnlyKeys(ACTION_KEYS);
        String sid = a.require("strategy").text();
        Strategy strategy = Strategy.findById(sid).orElseThrow(() -> a.child("strategy").error(
                "must be one of " + Strategy.knownIds() + ", got '" + sid + "'"));
        Set<Lane> lanes = a.find("lanes").map(TemplateParser::lanes).orElse(EnumSet.allOf(Lane.class));
        ActionTemplate action = new ActionTemplate(strategy,
                a.find("recommended").map(YamlField::bool).orElse(false),
                lanes,
                byLane(a.require("description"), TextParser::prose),
                a.find("commands").map(f -> byLane(f, c -> TextParser.commandList(c, true))).orElse(ByLane.none()),
                byLane(a.require("estimated-minutes"), m -> m.wholeNumber(0, 10_000)),
                a.find("success-criteria").map(f -> byLane(f, TextParser::proseList)).orElse(ByLane.none()),
                a.find("rollback-steps").map(f -> byLane(f, TextParser::proseList)).orElse(ByLane.none()));
        for (Lane lane : lanes) {
            TextTemplate d = action.description().find(lane)
                    .orElseThrow(() -> a.child("description").error("has no text for lane " + lane.id()));
            if (!d.alwaysRenders()) {
                throw a.child("description").error("needs a last fallback that uses only {{failure-type}} or "
                        + "{{lane}}, so that it renders without extracted details");
            }
            action.estimatedMinutes().find(lane)
                    .orElseThrow(() -> a.child("estimated-minutes").error("has no value for lane " + lane.id()));
        }
        return action;
    }

    private static EscalationTemplate escalation(YamlField e) {
        e.requireOnlyKeys(ESCALATION_KEYS);
        ByLane<TextTemplate> description = byLane(e.require("description"), TextParser::prose);
        for (Lane lane : Lane.values()) {
            TextTemplate d = description.find(lane)
                    .orElseThrow(() -> e.child("description").error("has no text for lane " + lane.id()));
            if (!d.alwaysRenders()) {
                throw e.child("description").error("needs a last fallback without extracted details");
            }
        }
        return new EscalationTemplate(description,
                e.find("steps").map(f -> byLane(f, TextParser::proseList)).orElse(ByLane.none()),
                e.find("commands").map(f -> byLane(f, c -> TextParser.commandList(c, true))).orElse(ByLane.none()));
    }

    private static void checkLanes(YamlField t, PlanTemplate template) {
        for (Lane lane : Lane.values()) {
            List<ActionTemplate> offered = template.actionsFor(lane);
            if (offered.isEmpty()) {
                throw t.child("actions").error("offers no action for lane " + lane.id());
            }
            if (offered.stream().filter(ActionTemplate::recommended).count() > 1) {
                throw t.child("actions").error("recommends more than one action for lane " + lane.id());
            }
        }
    }

    private static Set<Lane> lanes(YamlField f) {
        Set<Lane> lanes = EnumSet.noneOf(Lane.class);
        for (YamlField item : f.items()) {
            String id = item.text();
            lanes.add(Lane.findById(id).orElseThrow(() -> item.error("must be one of " + Lane.knownIds() + ", got '"
                    + id + "'")));
        }
        if (lanes.isEmpty()) {
            throw f.error("must name at least one lane");
        }
        return lanes;
    }

    /** A value for all lanes, or a mapping of lane ids (and {@code default}) to values. */
    static <T> ByLane<T> byLane(YamlField f, Function<YamlField, T> parse) {
        if (!f.node().isObject()) {
            return ByLane.all(parse.apply(f));
        }
        Map<Lane, T> values = new EnumMap<>(Lane.class);
        T fallback = null;
        for (String key : f.keys()) {
            YamlField child = f.child(key);
            if (key.equals(DEFAULT_KEY)) {
                fallback = parse.apply(child);
                continue;
            }
            Lane lane = Lane.findById(key).orElseThrow(() -> child.error("is not a lane (use " + Lane.knownIds()
                    + " or default)"));
            values.put(lane, parse.apply(child));
        }
        for (Lane lane : Lane.values()) {
            if (fallback != null) {
                values.putIfAbsent(lane, fallback);
            }
        }
        return new ByLane<>(values);
    }
}
