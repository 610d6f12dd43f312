package io.github.recoveryaction.checkpoint;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code --store} choices. */
public enum StoreKind {
    /** {@code artifact} inside GitHub Actions when the runtime variables are there, else {@code local}. */
    AUTO("auto"),
    LOCAL("local"),
    ARTIFACT("artifact");

    private final String id;

    StoreKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<StoreKind> findById(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(StoreKind::id).collect(Collectors.joining(", "));
    }
}
