package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A strict view of one node of a plan file. Every error is one line naming the file, the template or ecosystem,
 * and the field path, e.g. {@code plans.yml: template timeout: actions[1].estimated-minutes must be ...}.
 */
final class YamlField {

    private final String where;
    private final String path;
    private final JsonNode node;

    YamlField(String where, String path, JsonNode node) {
        this.where = where;
        this.path = path;
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    YamlField within(String newWhere) {
        return new YamlField(newWhere, "", node);
    }

    PlanValidationException error(String problem) {
        return new PlanValidationException(where + ": " + (path.isEmpty() ? "" : path + " ") + problem);
    }

    void requireMapping() {
        if (!node.isObject()) {
            throw error("must be a mapping");
        }
    }

    void requireOnlyKeys(Set<String> allowed) {
        requireMapping();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw child(key).error("is not a known key (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    Optional<YamlField> find(String key) {
        JsonNode child = node.get(key);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(child(key));
    }

    YamlField require(String key) {
        return find(key).orElseThrow(() -> child(key).error("is required"));
    }

    String text() {
        if (!node.isValueNode()) {
            throw error("must be a string");
        }
        return node.asText();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw error("must be true or false, got '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    int wholeNumber(int min, int max) {
        if (!node.isIntegralNumber() || node.intValue() < min || node.intValue() > max) {
            throw error("must be a whole number between " + min + " and " + max + ", got '" + node.asText() + "'");
        }
        return node.intValue();
    }

    List<YamlField> items() {
        if (!node.isArray()) {
            throw error("must be a list");
        }
        List<YamlField> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlField(where, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    List<String> keys() {
        requireMapping();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    YamlField child(String key) {
        return new YamlField(where, path.isEmpty() ? key : path + "." + key, node.get(key));
    }
}
