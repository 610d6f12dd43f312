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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        removed.addAll(oldCheckpoints(store, clock.instant().minus(olderThan), kept, dryRun));
        for (Path leftover : leftovers(localStore)) {
            removed.add(remove(leftover, workspace.relativize(leftover), "leftover", dryRun));
        }
        return new CleanupReport(dryRun, removed, kept);
    }

    /**
     * Checkpoints older than {@code limit}, except those whose archive a kept checkpoint still reads as a piece (and,
     * so that what is kept stays restorable, the pieces those read in turn).
     */
    private static List<CleanupReport.Removal> oldCheckpoints(CheckpointStore store, Instant limit, List<String> kept,
            boolean dryRun) {
        StoreContents contents = new StoreContents(store);
        List<Checkpoint> all = new ArrayList<>(contents.intact());
        contents.damaged().forEach(d -> contents.manifest(d.id()).ifPresent(all::add));
        Map<String, Checkpoint> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        Set<String> keep = new HashSet<>();
        Deque<Checkpoint> toVisit = new ArrayDeque<>(all.stream().filter(c -> !c.createdAt().isBefore(limit)).toList());
        while (!toVisit.isEmpty()) {
            Checkpoint c = toVisit.pop();
            if (keep.add(c.id())) {
                c.pieces().stream().map(p -> byId.get(p.checkpointId())).filter(Objects::nonNull).forEach(toVisit::push);
            }
        }
        List<CleanupReport.Removal> removed = new ArrayList<>();
        for (Checkpoint c : all) {
            if (!c.createdAt().isBefore(limit)) {
                continue;
            }
            if (keep.contains(c.id())) {
                kept.add("checkpoint " + c.id() + ": checkpoint " + String.join(", ", contents.neededBy(c.id()))
                        + " still reads its archive");
                continue;
            }
            if (!dryRun) {
                store.delete(c);
            }
            removed.add(new CleanupReport.Removal(c.id(), "checkpoint", c.archiveBytes()));
        }
        return removed;
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
