package io.github.recoveryaction.checkpoint;

import java.nio.file.attribute.PosixFileAttributes;

/** A path selected for capture with the attributes read while selecting it, so it is not stat-ed twice. */
public record CapturedPath(String path, PosixFileAttributes attributes) {
}
