package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.github.recoveryaction.github.GitRepository;

/**
 * Removes what a build recreates (the configured cache paths, or the detected ecosystems' defaults), checkpoints
 * older than a limit, and leftovers of interrupted checkpoints and restores. Anything containing a file git tracks
 * is kept.
 */
public final class WorkspaceCleaner {

    /** A restore may still be using a younger staging folder. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final WorkspacePaths workspace;
    private final Clock clock;

    public WorkspaceCleaner(WorkspacePaths workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /**
     * @param cacheGlobs configured cleanup paths; empty for the ecosystem defaults
     * @param localStore for partial files left by interrupted checkpoints, when the local store is used
     */
    public CleanupReport clean(List<String> cacheGlobs, CheckpointStore store,
            Optional<LocalDirectoryCheckpointStore> localStore,
            Duration olderThan, boolean dryRun) {
        List<CleanupReport.Removal> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Optional<GitRepository> git = GitRepository.find(workspace.root());
        try {
            for (String path : new CleanupCandidates(workspace).find(cacheGlobs, CleanupDefaults.load())) {
                if (git.isPresent() && git.get().tracksAnythingUnder(path)) {
                    kept.add(path + ": contains files tracked by git");
                    continue;
                }
                removed.add(remove(workspace.resolve(path), path, "cache", dryRun));
            }
        } finally {
            git.ifPresent(GitRepository::close);
        }
        Instant limit = clock.instant().minus(olderThan);
        for (Checkpoint c : store.list()) {
            if (c.createdAt().isBefore(limit)) {
                if (!dryRun) {
                    store.delete(c);
                }
                removed.add(new CleanupReport.Removal(c.id(), "checkpoint", c.archiveBytes()));
            }
        }
        for (Path leftover : leftovers(localStore)) {
            removed.add(remove(leftover, workspace.relativize(leftover), "leftover", dryRun));
        }
        return new CleanupReport(dryRun, removed, kept);
    }

    private List<Path> leftovers(Optional<LocalDirectoryCheckpointStore> localStore) {
        List<Path> leftovers = new ArrayList<>();
        localStore.ifPresent(s -> leftovers.addAll(s.listLeftovers()));
        Instant limit = clock.instant().minus(LEFTOVER_AGE);
        try (DirectoryStream<Path> staging = Files.newDirectoryStream(workspace.root(), StagingFolder.PREFIX + "*")) {
            for (Path p : staging) {
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(limit)) {
                    leftovers.add(p);
                }
            }
        } catch (IOException e) {
            // no workspace root to look in: nothing left over
        }
        return leftovers;
    }

    private static CleanupReport.Removal remove(Path path, String relative, String kind, boolean dryRun) {
        long bytes = size(path);
        if (!dryRun) {
            try {
                StagingFolder.deleteTree(path);
            } catch (RuntimeException e) {
                throw new CheckpointException("cannot remove " + relative + ": " + e.getMessage(), e);
            }
        }
        return new CleanupReport.Removal(relative, kind, bytes);
    }

    static long size(Path path) {
        AtomicLong total = new AtomicLong();
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total.addAndGet(attrs.size());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a size is informative only
        }
        return total.get();
    }
}
