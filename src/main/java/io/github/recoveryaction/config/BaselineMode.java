package io.github.recoveryaction.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code baseline}: whether the report compares a failing job with the last passing run of the same job. */
public enum BaselineMode {
    /** Download the last passing run's log of the same job and prefer lines that are new. */
    AUTO,
    /** Classify the failing log alone. */
    OFF;

    static final Map<String, BaselineMode> BY_ID = Arrays.stream(values())
            .collect(Collectors.toMap(BaselineMode::id, Function.identity()));

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BaselineMode> findById(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
