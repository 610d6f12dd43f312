package io.github.recoveryaction.plan;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How heavy a workflow is; plans differ per lane (see {@code spec/failure-taxonomy.md}). */
public enum Lane {
    DOCS("docs"),
    STANDARD("standard"),
    HEAVY("heavy");

    private final String id;

    Lane(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Lane> findById(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(Lane::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
