package io.github.recoveryaction.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.recoveryaction.github.GitRepository;
import io.github.recoveryaction.github.WorkingTreeStatus;
import io.github.recoveryaction.workspace.RepositoryPaths;

/**
 * Records a checkpoint: reads the git state, selects what to capture, streams it into an archive and hands archive
 * and manifest to the store.
 */
public final class CheckpointCreator {

    private final WorkspacePaths workspace;
    private final ArchiveWriter writer;
    private final Clock clock;

    public CheckpointCreator(WorkspacePaths workspace, ArchiveWriter writer, Clock clock) {
        this.workspace = workspace;
        this.writer = writer;
        this.clock = clock;
    }

    /** The checkpoint and what was left out, for the command's output. */
    public record Created(Checkpoint checkpoint, List<String> warnings) {
    }

    public Created create(CheckpointRequest request, CheckpointStore store) {
        ResourceUsage usage = new ResourceUsage();
        Instant createdAt = clock.instant();
        String id = CheckpointIds.requireValid(request.id()
                .orElseGet(() -> CheckpointIds.defaultId(request.lane(), request.stepNumber(), createdAt)));
        if (store.find(id).isPresent()) {
            throw new CheckpointException("a checkpoint with id '" + id + "' already exists in " + store.describe()
                    + "; choose another --checkpoint-id");
        }
        Optional<String> commit = Optional.empty();
        Optional<String> branch = Optional.empty();
        Optional<WorkingTreeStatus> status = Optional.empty();
        Optional<GitRepository> found = GitRepository.find(workspace.root());
        if (found.isPresent()) {
            try (GitRepository git = found.get()) {
                commit = git.head();
                branch = git.branch();
                status = Optional.of(git.status());
            }
        }
        PathGlobs globs = PathGlobs.of(request.globs(),
                Optional.of(RepositoryPaths.of(workspace.root(), Optional.empty())));
        CapturePlan plan = new CaptureSelector(workspace).select(status, globs);
        Path archive = store.newArchiveFile(id);
        ArchiveResult result;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 20)) {
            result = writer.write(workspace, plan.paths(), out);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(archive);
            throw e instanceof CheckpointException ce ? ce
                    : new CheckpointException("cannot write the archive " + archive + ": " + e.getMessage(), e);
        }
        List<FileEntry> fileList = new ArrayList<>(result.entries());
        plan.deleted().forEach(p -> fileList.add(FileEntry.deleted(p)));
        fileList.sort(Comparator.comparing(FileEntry::path, StateHash.PATH_ORDER));
        CheckpointMetrics metrics = usage.finish(clock.instant(), request.jobStartedAt()
                .map(t -> OptionalLong.of(t.toEpochMilli())).orElse(OptionalLong.empty()));
        Checkpoint checkpoint = new Checkpoint(Checkpoint.SCHEMA_VERSION, id, request.lane(), request.stepNumber(),
                request.stepName(), request.success(), request.errorMessage(), commit, branch,
                status.map(WorkingTreeStatus::dirty).orElse(false), StateHash.of(fileList, commit), result.archiveHash(),
                result.archiveBytes(), result.bytes(), createdAt, metrics, request.job(), fileList);
        try {
            store.save(checkpoint, archive);
        } finally {
            deleteQuietly(archive);
        }
        List<String> warnings = new ArrayList<>(plan.warnings());
        globs.unmatched(plan.paths().stream().map(CapturedPath::path).toList())
                .forEach(g -> warnings.add("path: no file matches '" + g + "'"));
        return new Created(checkpoint, warnings);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover partial archive is listed and removed by 'recovery cleanup'
        }
    }
}
