package io.github.recoveryaction.github;

import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient reads of proto3-JSON responses: GitHub's results service answers with snake_case names, the {@code act}
 * emulator with lowerCamelCase, and {@code int64} values may come as strings or numbers.
 */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode field(JsonNode node, String snakeName) {
        JsonNode v = node.get(snakeName);
        if (v == null || v.isNull()) {
            v = node.get(camel(snakeName));
        }
        return v == null || v.isNull() ? null : v;
    }

    static Optional<String> text(JsonNode node, String snakeName) {
        JsonNode v = field(node, snakeName);
        return v == null || !v.isValueNode() ? Optional.empty() : Optional.of(v.asText());
    }

    static OptionalLong int64(JsonNode node, String snakeName) {
        JsonNode v = field(node, snakeName);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber()) {
            return OptionalLong.of(v.asLong());
        }
        try {
            return OptionalLong.of(Long.parseLong(v.asText().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static boolean bool(JsonNode node, String snakeName) {
        JsonNode v = field(node, snakeName);
        return v != null && (v.asBoolean() || "true".equalsIgnoreCase(v.asText()));
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
