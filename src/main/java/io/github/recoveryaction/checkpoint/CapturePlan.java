package io.github.recoveryaction.checkpoint;

import java.util.List;

/**
 * What a checkpoint will contain.
 *
 * @param paths workspace-relative paths to archive (files, links, directories), sorted so that a directory comes
 *        before what it contains
 * @param deleted tracked files the step deleted
 * @param warnings paths left out and why (links pointing out of the workspace, sockets, devices)
 */
public record CapturePlan(List<CapturedPath> paths, List<String> deleted, List<String> warnings) {

    public CapturePlan {
        paths = List.copyOf(paths);
        deleted = List.copyOf(deleted);
        warnings = List.copyOf(warnings);
    }
}
