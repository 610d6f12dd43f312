package io.github.recoveryaction.plan;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The recovery strategies of {@code spec/failure-taxonomy.md}; {@link #id()} is public interface. */
public enum Strategy {
    RETRY("retry", "Retry"),
    RESUME("resume", "Resume"),
    SKIP("skip", "Skip"),
    ROLLBACK("rollback", "Roll back"),
    MANUAL("manual", "Fix by hand");

    private final String id;
    private final String label;

    Strategy(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** Short human label for reports. */
    public String label() {
        return label;
    }

    public static Optional<Strategy> findById(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(Strategy::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
