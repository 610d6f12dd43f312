package io.github.recoveryaction.checkpoint;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A checkpoint's archive as a local file.
 *
 * @param file the compressed archive
 * @param verifiedHash the {@code sha256:} computed while the store fetched it, so the caller need not read the file
 *        once more; empty when the caller has to hash it
 */
public record FetchedArchive(Path file, Optional<String> verifiedHash) {
}
