package io.github.recoveryaction.classify.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The named capture groups a rule pattern may use; each feeds one field of the classification's details. Rules are
 * ours, so an unknown group name is a validation error rather than silently ignored data.
 */
public enum Capture {
    TEST("test"),
    FILE("file"),
    LINE("line"),
    COLUMN("column"),
    MESSAGE("message"),
    DEPENDENCY("dependency"),
    COMMAND("command"),
    EXIT_CODE("exitCode"),
    LIMIT_MINUTES("limitMinutes"),
    LIMIT_SECONDS("limitSeconds");

    private final String group;

    Capture(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Capture> findByGroup(String group) {
        return Arrays.stream(values()).filter(c -> c.group.equals(group)).findFirst();
    }

    public static Set<String> groupNames() {
        return Arrays.stream(values()).map(Capture::group).collect(Collectors.toCollection(TreeSet::new));
    }
}
