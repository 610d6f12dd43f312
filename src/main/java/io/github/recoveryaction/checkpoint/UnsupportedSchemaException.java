package io.github.recoveryaction.checkpoint;

/** A manifest of a newer schema than this release reads: not damage, but nothing to restore with this release. */
final class UnsupportedSchemaException extends CheckpointException {

    UnsupportedSchemaException(String message) {
        super(message);
    }
}
