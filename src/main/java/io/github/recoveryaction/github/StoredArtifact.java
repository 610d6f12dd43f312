package io.github.recoveryaction.github;

import java.time.Instant;
import java.util.Optional;

/**
 * A finalized workflow artifact of the current run, as the REST API or the results service lists it.
 *
 * @param id the REST artifact id ({@code database_id} in the results service)
 * @param size bytes of the uploaded blob
 * @param digest {@code sha256:<hex>} of the blob, when the service reports it
 * @param backendIds the run and job that uploaded it (results-service listings only), for a signed download URL
 */
public record StoredArtifact(long id, String name, long size, Instant createdAt, Optional<String> digest,
        Optional<BackendIds> backendIds) {
}
