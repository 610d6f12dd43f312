package io.github.recoveryaction.checkpoint;

import java.util.Arrays;
import java.util.Optional;

/** What a captured path is; the ids are the {@code type} values of a manifest's file list. */
public enum EntryType {
    FILE("file"),
    DIRECTORY("dir"),
    SYMLINK("symlink"),
    /** A tracked file the step deleted; restoring the checkpoint deletes it again. */
    DELETED("deleted");

    private final String id;

    EntryType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<EntryType> findById(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
