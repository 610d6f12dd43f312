package io.github.recoveryaction.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.recoveryaction.InvalidInputException;

/**
 * A strict view of one mapping in a YAML configuration file: typed getters that name the file and the dotted key
 * path when a value is wrong, and a check that rejects keys nobody reads (typos must not pass silently).
 */
public final class ConfigNode {

    private final String file;
    private final String path;
    private final JsonNode node;

    public ConfigNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw errorAt(path.isEmpty() ? "top level" : path, "must be a mapping");
        }
    }

    public String file() {
        return file;
    }

    public void requireOnlyKeys(Set<String> allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw errorAt(key(key), "is not a known key (known: " + String.join(", ", allowed.stream().sorted().toList())
                        + ")");
            }
        }
    }

    public Optional<ConfigNode> findSection(String key) {
        JsonNode child = child(key);
        return child == null ? Optional.empty() : Optional.of(new ConfigNode(file, key(key), child));
    }

    public Optional<String> findString(String key) {
        JsonNode child = child(key);
        if (child == null) {
            return Optional.empty();
        }
        if (!child.isValueNode()) {
            throw errorAt(key(key), "must be a string");
        }
        return Optional.of(child.asText());
    }

    public Optional<Integer> findInt(String key, int min, int max) {
        JsonNode child = child(key);
        if (child == null) {
            return Optional.empty();
        }
        if (!child.canConvertToInt() || !child.isIntegralNumber() && !child.asText().matches("-?\\d+")) {
            throw errorAt(key(key), "must be a whole number, got '" + child.asText() + "'");
        }
        int value = child.isIntegralNumber() ? child.intValue() : Integer.parseInt(child.asText());
        if (value < min || value > max) {
            throw errorAt(key(key), "must be between " + min + " and " + max + ", got " + value);
        }
        return Optional.of(value);
    }

    public Optional<Boolean> findBoolean(String key) {
        JsonNode child = child(key);
        if (child == null) {
            return Optional.empty();
        }
        String text = child.asText();
        if (!child.isBoolean() && !text.equals("true") && !text.equals("false")) {
            throw errorAt(key(key), "must be true or false, got '" + text + "'");
        }
        return Optional.of(Boolean.parseBoolean(text));
    }

    public Optional<Duration> findDuration(String key) {
        return findString(key).map(text -> DurationText.parse(text)
                .orElseThrow(() -> errorAt(key(key), "must be a duration like 90s, 30m, 2h or 7d, got '" + text + "'")));
    }

    public <E extends Enum<E>> Optional<E> findEnum(String key, Map<String, E> byName) {
        return findString(key).map(text -> {
            E value = byName.get(text);
            if (value == null) {
                throw errorAt(key(key), "must be one of " + String.join(", ", byName.keySet().stream().sorted().toList())
                        + ", got '" + text + "'");
            }
            return value;
        });
    }

    public List<String> stringList(String key) {
        JsonNode child = child(key);
        if (child == null) {
            return List.of();
        }
        if (child.isValueNode()) {
            return List.of(child.asText());
        }
        if (!child.isArray()) {
            throw errorAt(key(key), "must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : child) {
            if (!item.isValueNode() || item.isNull()) {
                throw errorAt(key(key), "must be a list of strings");
            }
            values.add(item.asText());
        }
        return List.copyOf(values);
    }

    /** An error about {@code key} of this mapping, naming the file and the key's full path. */
    public InvalidInputException error(String key, String problem) {
        return errorAt(key(key), problem);
    }

    private InvalidInputException errorAt(String keyPath, String problem) {
        return new InvalidInputException(file + ": " + keyPath + " " + problem);
    }

    private JsonNode child(String key) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode child = node.get(key);
        return child == null || child.isNull() ? null : child;
    }

    private String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
