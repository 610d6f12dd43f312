package io.github.recoveryaction.github;

import java.util.Set;

/**
 * How the working tree differs from {@code HEAD}, with paths relative to the workspace ({@code /}-separated).
 *
 * @param changed tracked files whose content differs from {@code HEAD} (staged or not) and that exist
 * @param deleted files in {@code HEAD} or the index that are gone from the working tree
 * @param untracked files git does not track and does not ignore
 * @param conflicting paths with unresolved merge conflicts
 * @param state {@code SAFE} when no merge, rebase, cherry-pick or bisect is in progress, else JGit's state name
 */
public record WorkingTreeStatus(Set<String> changed, Set<String> deleted, Set<String> untracked,
        Set<String> conflicting, String state) {

    public WorkingTreeStatus {
        changed = Set.copyOf(changed);
        deleted = Set.copyOf(deleted);
        untracked = Set.copyOf(untracked);
        conflicting = Set.copyOf(conflicting);
    }

    /** Uncommitted changes to tracked files (untracked files alone do not make a tree dirty). */
    public boolean dirty() {
        return !changed.isEmpty() || !deleted.isEmpty();
    }
}
