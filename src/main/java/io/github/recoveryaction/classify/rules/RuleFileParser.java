package io.github.recoveryaction.classify.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.recoveryaction.classify.FailureType;

/**
 * Turns the YAML tree of one rule file into rules, strictly: every problem is reported with the file, the rule id
 * and the field, because rules are our own data and a typo must never pass as a rule that silently never matches.
 */
final class RuleFileParser {

    static final Set<String> FILE_KEYS = Set.of("schema-version", "description", "rules", "disable");
    static final Set<String> RULE_KEYS = Set.of("id", "title", "failure-type", "priority", "confidence",
            "evidence-only", "step", "description", "match");
    static final Set<String> MATCHER_KEYS = Set.of("line", "window", "unless", "ignore-case");
    static final Set<String> WINDOW_KEYS = Set.of("first", "then", "within");
    static final int DEFAULT_WITHIN = 20;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** What one file contributes: rules to add or replace, and ids to switch off. */
    record Contents(List<Rule> rules, List<String> disabled) {
    }

    private final String file;

    RuleFileParser(String file) {
        this.file = file;
    }

    Contents parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new RuleValidationException(file, "", "", "must be a mapping with schema-version and rules");
        }
        requireKeys(root, FILE_KEYS, "");
        JsonNode version = root.get("schema-version");
        if (version == null || !version.canConvertToInt() || version.asInt() != 1) {
            throw new RuleValidationException(file, "", "schema-version", "must be 1");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        JsonNode list = root.get("rules");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new RuleValidationException(file, "", "rules", "must be a list of rules");
            }
            int position = 0;
            for (JsonNode node : list) {
                position++;
                Rule rule = rule(node, position);
                if (!ids.add(rule.id())) {
                    throw new RuleValidationException(file, rule.id(), "id", "is defined twice in this file");
                }
                rules.add(rule);
            }
        }
        List<String> disabled = new ArrayList<>();
        JsonNode off = root.get("disable");
        if (off != null && !off.isNull()) {
            if (!off.isArray()) {
                throw new RuleValidationException(file, "", "disable", "must be a list of rule ids");
            }
            off.forEach(n -> disabled.add(n.asText()));
        }
        return new Contents(rules, disabled);
    }

    private Rule rule(JsonNode node, int position) {
        if (!node.isObject()) {
            throw new RuleValidationException(file, "#" + position, "", "must be a mapping");
        }
        String id = text(node, "id", "#" + position).orElseThrow(
                () -> new RuleValidationException(file, "#" + position, "id", "is required"));
        if (!ID.matcher(id).matches()) {
            throw new RuleValidationException(file, id, "id",
                    "must be lowercase and dotted, ecosystem first, like maven.compilation-error");
        }
        requireKeys(node, RULE_KEYS, id);
        String title = text(node, "title", id)
                .orElseThrow(() -> new RuleValidationException(file, id, "title", "is required"));
        String typeId = text(node, "failure-type", id)
                .orElseThrow(() -> new RuleValidationException(file, id, "failure-type", "is required"));
        boolean evidenceOnly = bool(node, "evidence-only", id);
        boolean anyType = typeId.equals(Rule.ANY_TYPE);
        if (anyType && !evidenceOnly) {
            throw new RuleValidationException(file, id, "failure-type",
                    "'any' is only allowed with evidence-only: true (a deciding rule must name its type)");
        }
        FailureType type = anyType ? FailureType.UNKNOWN
                : FailureType.findById(typeId).orElseThrow(
                        () -> new RuleValidationException(file, id, "failure-type", "'" + typeId + "' is not one of "
                                + FailureType.knownIds() + " (or any, for evidence-only rules)"));
        int priority = number(node, "priority", id, 0, 1000).map(Double::intValue).orElse(Rule.defaultPriority(type));
        double confidence = number(node, "confidence", id, 0, 1).orElse(Rule.DEFAULT_CONFIDENCE);
        Optional<Pattern> step = text(node, "step", id).map(Glob::toPattern);
        JsonNode match = node.get("match");
        if (match == null || !match.isArray() || match.isEmpty()) {
            throw new RuleValidationException(file, id, "match", "must be a non-empty list of matchers");
        }
        List<Matcher> matchers = new ArrayList<>();
        int n = 0;
        for (JsonNode m : match) {
            matchers.add(matcher(m, id, "match[" + n++ + "]"));
        }
        return new Rule(id, title, type, priority, confidence, evidenceOnly, anyType, step, matchers,
                text(node, "description", id).orElse(""), file);
    }

    private Matcher matcher(JsonNode node, String id, String field) {
        if (!node.isObject()) {
            throw new RuleValidationException(file, id, field, "must be a mapping with 'line' or 'window'");
        }
        requireKeys(node, MATCHER_KEYS, id, field + ".");
        boolean ignoreCase = bool(node, "ignore-case", id);
        Optional<BoundedRegex> unless = text(node, "unless", id).map(p -> regex(p, id, field + ".unless", ignoreCase));
        boolean hasLine = node.has("line");
        boolean hasWindow = node.has("window");
        if (hasLine == hasWindow) {
            throw new RuleValidationException(file, id, field, "must have exactly one of 'line' or 'window'");
        }
        if (hasLine) {
            return new Matcher.Line(regex(requiredText(node, "line", id, field), id, field + ".line", ignoreCase),
                    unless);
        }
        JsonNode window = node.get("window");
        if (!window.isObject()) {
            throw new RuleValidationException(file, id, field + ".window", "must be a mapping with first, then, within");
        }
        requireKeys(window, WINDOW_KEYS, id, field + ".window.");
        BoundedRegex first = regex(requiredText(window, "first", id, field + ".window"), id, field + ".window.first",
                ignoreCase);
        JsonNode then = window.get("then");
        if (then == null || !then.isArray() || then.isEmpty()) {
            throw new RuleValidationException(file, id, field + ".window.then", "must be a non-empty list of patterns");
        }
        List<BoundedRegex> rest = new ArrayList<>();
        int k = 0;
        for (JsonNode p : then) {
            rest.add(regex(p.asText(), id, field + ".window.then[" + k++ + "]", ignoreCase));
        }
        int within = number(window, "within", id, 1, Matcher.Window.MAX_WITHIN).map(Double::intValue)
                .orElse(DEFAULT_WITHIN);
        return new Matcher.Window(first, rest, within, unless);
    }

    private BoundedRegex regex(String source, String id, String field, boolean ignoreCase) {
        if (source.isEmpty()) {
            throw new RuleValidationException(file, id, field, "must not be empty");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(LeadingRunGuard.apply(source),
                    ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new RuleValidationException(file, id, field,
                    "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
        List<Capture> captures = new ArrayList<>();
        java.util.regex.Matcher groups = NAMED_GROUP.matcher(source);
        while (groups.find()) {
            String name = groups.group(1);
            captures.add(Capture.findByGroup(name).orElseThrow(() -> new RuleValidationException(file, id, field,
                    "uses the capture group '" + name + "'; known groups: " + String.join(", ", Capture.groupNames()))));
        }
        return new BoundedRegex(source, pattern, RequiredLiterals.of(source), captures);
    }

    private void requireKeys(JsonNode node, Set<String> allowed, String id) {
        requireKeys(node, allowed, id, "");
    }

    private void requireKeys(JsonNode node, Set<String> allowed, String id, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new RuleValidationException(file, id, prefix + key,
                        "is not a known field (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private String requiredText(JsonNode node, String key, String id, String field) {
        return text(node, key, id).orElseThrow(() -> new RuleValidationException(file, id, field + "." + key,
                "is required"));
    }

    private Optional<String> text(JsonNode node, String key, String id) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new RuleValidationException(file, id, key, "must be a string");
        }
        return Optional.of(value.asText());
    }

    private Optional<Double> number(JsonNode node, String key, String id, double min, double max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new RuleValidationException(file, id, key, "must be a number from " + format(min) + " to "
                    + format(max) + ", got '" + value.asText() + "'");
        }
        return Optional.of(value.asDouble());
    }

    private boolean bool(JsonNode node, String key, String id) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new RuleValidationException(file, id, key, "must be true or false, got '" + value.asText() + "'");
        }
        return value.asBoolean();
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
