package io.github.recoveryaction.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Who owns what the program creates in the workspace and in {@code RUNNER_TEMP}. GitHub runs a container action as
 * root over a workspace that belongs to the runner's user (uid 1001 on hosted runners); files a root process creates
 * there stay root's, and the job's later steps, {@code git clean} and the next checkout cannot change or delete them.
 * Every writer therefore hands what it created to {@link #claim}: it then belongs to the workspace folder's owner.
 * The modes stay what they were written with (a user's process gives the same).
 * <p>
 * Claims change nothing when the program already runs as that owner (a workstation, a non-root container), and
 * stop at the first refusal (a process that may not change owners).
 */
public final class FileOwnership {

    /** Claims that change nothing. */
    public static final FileOwnership UNCHANGED = new FileOwnership(-1, -1);

    private final int uid;
    private final int gid;
    private volatile boolean enabled;

    private FileOwnership(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
        this.enabled = uid >= 0;
    }

    /**
     * Files claimed go to the owner of {@code workspace} (or of the nearest folder above it that exists), when this
     * process is someone else.
     */
    public static FileOwnership ofWorkspace(Path workspace) {
        Path folder = workspace.toAbsolutePath().normalize();
        while (folder.getParent() != null && !Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        try {
            int uid = (int) Files.getAttribute(folder, "unix:uid");
            int gid = (int) Files.getAttribute(folder, "unix:gid");
            return uid == processUid() ? UNCHANGED : new FileOwnership(uid, gid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no such folder yet, or no Unix owners on this file system: nothing to hand over
            return UNCHANGED;
        }
    }

    /** True when claims change owners. */
    public boolean changesOwners() {
        return enabled;
    }

    /** Gives {@code path} (a link itself, not its target) to the owner; returns it. */
    public Path claim(Path path) {
        if (!enabled) {
            return path;
        }
        try {
            if ((int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid
                    || (int) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS) != gid) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (NoSuchFileException e) {
            // gone already (a temporary file): nothing left to hand over
        } catch (IOException e) {
            // not permitted: this process cannot give files away, so later claims would fail the same way
            enabled = false;
        }
        return path;
    }

    /** Claims {@code path} and every folder between it and {@code base} (those that {@code createDirectories} made). */
    public Path claimUpTo(Path base, Path path) {
        Path stop = base.toAbsolutePath().normalize();
        for (Path p = path.toAbsolutePath().normalize(); p != null && p.startsWith(stop) && !p.equals(stop); p = p
                .getParent()) {
            claim(p);
        }
        return path;
    }

    /** Claims {@code root} and everything below it. */
    public void claimTree(Path root) {
        if (!enabled || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(this::claim);
        } catch (IOException | UncheckedIOException e) {
            // what could not be walked keeps its owner; the rest is handed over
        }
    }

    /** {@link Files#createDirectories}, claiming the folders it made below the first one that existed. */
    public Path createDirectories(Path dir) throws IOException {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir);
        return existing == null ? dir : claimUpTo(existing, dir);
    }

    private static int processUid() throws IOException {
        // /proc/self belongs to the process's effective user; without /proc nothing is handed over
        return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }
}
