package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.StoredArtifact;
import io.github.recoveryaction.github.WorkflowArtifacts;

/**
 * Checkpoints as artifacts of the workflow run, one {@link CheckpointBundle} per checkpoint, named per job and
 * attempt ({@link ArtifactNames}). Artifacts belong to the run, so a re-run sees the checkpoints of earlier attempts:
 * {@code latest} is the newest successful one of an earlier attempt of this job.
 */
public final class ArtifactCheckpointStore implements CheckpointStore {

    /** Manifests read per listing at most (two requests each); runs keep far fewer checkpoints per job. */
    private static final int MAX_MANIFESTS = 100;

    private final WorkflowArtifacts artifacts;
    private final ArtifactNames names;
    private final int attempt;
    private final Optional<Instant> expiresAt;
    private final Path scratch;
    private final String description;
    private final Map<String, StoredArtifact> byCheckpointId = new HashMap<>();
    private List<Checkpoint> listed;
    private List<DamagedCheckpoint> damaged;

    /**
     * @param attempt the current attempt ({@code GITHUB_RUN_ATTEMPT})
     * @param expiresAt when new checkpoints expire; empty for the repository's default retention
     * @param scratch a folder for archives before upload
     */
    public ArtifactCheckpointStore(WorkflowArtifacts artifacts, ArtifactNames names, int attempt,
            Optional<Instant> expiresAt, Path scratch, String description) {
        this.artifacts = artifacts;
        this.names = names;
        this.attempt = attempt;
        this.expiresAt = expiresAt;
        this.scratch = scratch;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Path newArchiveFile(String id) {
        try {
            NewFiles.createDirectories(scratch);
            return NewFiles.createTempFile(scratch, "recovery-" + id + "-", ".tar.zst.partial");
        } catch (IOException e) {
            throw new CheckpointException("cannot create a file for the archive in " + scratch + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Checkpoint checkpoint, Path archive) {
        String name = names.name(attempt, checkpoint.id());
        byte[] manifest = CheckpointCodec.write(checkpoint);
        try {
            artifacts.upload(name, expiresAt, out -> CheckpointBundle.write(out, manifest, archive));
        } catch (GitHubAccessException e) {
            if (e.status() == 409) {
                throw new CheckpointException("artifact " + name + " already exists in this run; choose another "
                        + "--checkpoint-id", e);
            }
            throw e;
        } finally {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                // a temporary file of the runner's temp folder; the runner clears it after the job
            }
        }
    }

    @Override
    public List<Checkpoint> list() {
        listing();
        return listed;
    }

    @Override
    public List<DamagedCheckpoint> damaged() {
        listing();
        return damaged;
    }

    /** Reads the manifests once per command; a damaged one is kept apart instead of failing the listing. */
    private void listing() {
        if (listed != null) {
            return;
        }
        listed = new ArrayList<>();
        damaged = new ArrayList<>();
        for (Candidate c : candidates()) {
            if (listed.size() + damaged.size() >= MAX_MANIFESTS) {
                break;
            }
            try {
                listed.add(manifest(c));
            } catch (CheckpointException e) {
                damaged.add(DamagedCheckpoint.unreadable(c.parsed().checkpointId(), c.artifact().createdAt(),
                        OptionalInt.of(c.parsed().attempt()), e));
            }
        }
    }

    @Override
    public Optional<Checkpoint> find(String id) {
        return candidates().stream().filter(c -> c.parsed().checkpointId().equals(id)).findFirst().map(this::manifest);
    }

    /** The newest successful checkpoint of an earlier attempt; only their manifests are read. */
    @Override
    public Optional<Checkpoint> findLatest() {
        for (Candidate c : candidates()) {
            if (c.parsed().attempt() < attempt) {
                Checkpoint checkpoint = manifest(c);
                if (checkpoint.success()) {
                    return Optional.of(checkpoint);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean latestMayPick(OptionalInt writtenBy) {
        return writtenBy.isPresent() && writtenBy.getAsInt() < attempt;
    }

    @Override
    public FetchedArchive fetch(Checkpoint checkpoint, Path into) {
        StoredArtifact artifact = artifactOf(checkpoint);
        Path bundle = into.resolve(checkpoint.id() + ".zip");
        Path archive = into.resolve(checkpoint.id() + ".tar.zst");
        artifacts.download(artifact, bundle);
        CheckpointBundle.Unpacked unpacked;
        try {
            unpacked = CheckpointBundle.unpack(artifact.name(), bundle, archive);
            Files.deleteIfExists(bundle);
        } catch (IOException e) {
            throw new CheckpointException("the download of artifact " + artifact.name() + " is corrupt or truncated: "
                    + e.getMessage() + "; nothing was restored", e);
        }
        if (artifact.digest().isPresent() && !unpacked.wrapped() && !artifact.digest().get().equals(unpacked.bundleHash())) {
            throw new CheckpointException("the download of artifact " + artifact.name() + " hashes to "
                    + unpacked.bundleHash() + " but GitHub recorded " + artifact.digest().get()
                    + "; it is corrupt, nothing was restored");
        }
        if (!unpacked.manifest().archiveHash().equals(checkpoint.archiveHash())) {
            throw new CheckpointException("artifact " + artifact.name() + " changed since it was listed; nothing was "
                    + "restored");
        }
        return new FetchedArchive(archive, Optional.of(unpacked.archiveHash()));
    }

    @Override
    public void delete(Checkpoint checkpoint) {
        artifacts.delete(artifactOf(checkpoint));
    }

    private record Candidate(StoredArtifact artifact, ArtifactNames.Parsed parsed) {
    }

    /** This job's checkpoint artifacts, newest first, one per name (re-uploads across attempts keep the newest). */
    private List<Candidate> candidates() {
        Map<String, Candidate> byName = new LinkedHashMap<>();
        for (StoredArtifact a : artifacts.list()) {
            names.parse(a.name()).ifPresent(parsed -> byName.merge(a.name(), new Candidate(a, parsed),
                    (x, y) -> x.artifact().id() >= y.artifact().id() ? x : y));
        }
        List<Candidate> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing((Candidate c) -> c.artifact().createdAt())
                .thenComparingInt(c -> c.parsed().attempt()).thenComparingLong(c -> c.artifact().id()).reversed());
        return sorted;
    }

    private Checkpoint manifest(Candidate c) {
        try (InputStream in = artifacts.open(c.artifact())) {
            Checkpoint checkpoint = CheckpointBundle.readManifest(c.artifact().name(), in);
            byCheckpointId.put(checkpoint.id(), c.artifact());
            return checkpoint;
        } catch (IOException e) {
            throw new CheckpointException("cannot read the manifest of artifact " + c.artifact().name()
                    + ", the download is corrupt or truncated (" + e.getMessage() + "); nothing was restored", e);
        }
    }

    private StoredArtifact artifactOf(Checkpoint checkpoint) {
        StoredArtifact artifact = byCheckpointId.get(checkpoint.id());
        if (artifact == null) {
            find(checkpoint.id());
            artifact = byCheckpointId.get(checkpoint.id());
        }
        if (artifact == null) {
            throw new CheckpointException("checkpoint " + checkpoint.id() + " is not among the artifacts of this run");
        }
        return artifact;
    }
}
