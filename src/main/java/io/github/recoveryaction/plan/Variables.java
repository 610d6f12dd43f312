package io.github.recoveryaction.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The known placeholder values for one plan. In commands, values are shell-quoted unless they are ready commands
 * themselves; in prose they are inserted as they are (log text was already stripped of backticks and controls).
 */
public final class Variables {

    /** Where a text is used. */
    public enum Context {
        PROSE,
        COMMAND
    }

    private final Map<String, String> values;

    private Variables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> find(String name, Context context) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        boolean ready = Placeholder.findById(name).map(p -> p.kind() == Placeholder.Kind.COMMAND).orElse(false);
        return Optional.of(context == Context.COMMAND && !ready ? ShellQuote.quote(value) : value);
    }

    /** Collects values; {@code put} ignores empty values so that absent stays absent. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        public Builder put(Placeholder p, String value) {
            if (value != null && !value.isBlank()) {
                values.put(p.id(), value);
            }
            return this;
        }

        public Builder put(Placeholder p, Optional<String> value) {
            value.ifPresent(v -> put(p, v));
            return this;
        }

        public Variables build() {
            return new Variables(values);
        }
    }
}
