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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
        // git status is the slowest part of selecting: it runs while the store is listed, the globs are walked and
        // what they match is archived; what it adds is archived last
        FutureTask<GitState> gitState = new FutureTask<>(() -> GitState.read(workspace.root()));
        Thread.ofPlatform().daemon().name("checkpoint-git-status").start(gitState);
        StoreContents contents = new StoreContents(store);
        if (contents.manifest(id).isPresent() || contents.damaged(id).isPresent()) {
            throw new CheckpointException("a checkpoint with id '" + id + "' already exists in " + store.describe()
                    + "; choose another --checkpoint-id");
        }
        PathGlobs globs = PathGlobs.of(request.globs(),
                Optional.of(RepositoryPaths.of(workspace.root(), Optional.empty())));
        CaptureSelector selector = new CaptureSelector(workspace);
        CapturePlan globbed = selector.globbed(globs);
        List<CapturePlan> fromStatus = new ArrayList<>(1);
        Path archive = store.newArchiveFile(id);
        ArchiveResult result;
        try (OutputStream out = new BufferedOutputStream(NewFiles.newOutputStream(archive), 1 << 20)) {
            result = writer.write(workspace, globbed.paths(), () -> {
                fromStatus.add(selector.fromStatus(join(gitState).status(), globbed));
                return fromStatus.get(0).paths();
            }, new ContentIndex(chain(contents, request)), out);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(archive);
            throw e instanceof CheckpointException ce ? ce
                    : new CheckpointException("cannot write the archive " + archive + ": " + e.getMessage(), e);
        }
        CapturePlan added = fromStatus.get(0);
        GitState git = join(gitState);
        Optional<String> commit = git.commit();
        Optional<String> branch = git.branch();
        Optional<WorkingTreeStatus> status = git.status();
        List<FileEntry> fileList = new ArrayList<>(result.entries());
        added.deleted().forEach(p -> fileList.add(FileEntry.deleted(p)));
        fileList.sort(Comparator.comparing(FileEntry::path, StateHash.PATH_ORDER));
        CheckpointMetrics metrics = usage.finish(clock.instant(), request.jobStartedAt()
                .map(t -> OptionalLong.of(t.toEpochMilli())).orElse(OptionalLong.empty()));
        Checkpoint checkpoint = new Checkpoint(Checkpoint.SCHEMA_VERSION, id, request.lane(), request.stepNumber(),
                request.stepName(), request.success(), request.errorMessage(), commit, branch,
                status.map(WorkingTreeStatus::dirty).orElse(false), StateHash.of(fileList, commit), result.archiveHash(),
                result.archiveBytes(), result.bytes(), createdAt, metrics, request.job(), fileList, result.pieces());
        try {
            store.save(checkpoint, archive);
        } finally {
            deleteQuietly(archive);
        }
        List<String> warnings = new ArrayList<>(globbed.warnings());
        warnings.addAll(added.warnings());
        List<String> captured = new ArrayList<>(globbed.paths().size() + added.paths().size());
        globbed.paths().forEach(p -> captured.add(p.path()));
        added.paths().forEach(p -> captured.add(p.path()));
        globs.unmatched(captured).forEach(g -> warnings.add("path: no file matches '" + g + "'"));
        return new Created(checkpoint, warnings);
    }

    /**
     * The checkpoints whose archives a new one may take content from: the newest intact one of the same job and
     * attempt and the pieces it reads. A chain that holds more than {@value #MAX_CHAIN_FACTOR} times the content its
     * newest checkpoint needs is mostly stale; a full checkpoint then starts a new chain, so a restore never reads
     * much more than that.
     */
    static List<Checkpoint> chain(StoreContents contents, CheckpointRequest request) {
        Optional<Checkpoint> base = contents.intact().stream().filter(c -> c.job().equals(request.job())).findFirst();
        if (base.isEmpty()) {
            return List.of();
        }
        List<Checkpoint> chain = new ArrayList<>();
        chain.add(base.get());
        chain.addAll(contents.pieces(base.get()));
        long stored = chain.stream().mapToLong(Checkpoint::storedBytes).sum();
        return stored > MAX_CHAIN_FACTOR * Math.max(base.get().bytes(), 1) ? List.of() : chain;
    }

    static final int MAX_CHAIN_FACTOR = 2;

    /** What a checkpoint records of the repository. */
    private record GitState(Optional<String> commit, Optional<String> branch, Optional<WorkingTreeStatus> status) {

        static GitState read(Path root) {
            Optional<GitRepository> found = GitRepository.find(root);
            if (found.isEmpty()) {
                return new GitState(Optional.empty(), Optional.empty(), Optional.empty());
            }
            try (GitRepository git = found.get()) {
                return new GitState(git.head(), git.branch(), Optional.of(git.status()));
            }
        }
    }

    private static GitState join(FutureTask<GitState> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("interrupted while reading the git status", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new CheckpointException("cannot read the git status: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover partial archive is listed and removed by 'recovery cleanup'
        }
    }
}
