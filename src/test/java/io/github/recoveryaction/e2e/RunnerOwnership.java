package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who owns the job's files: the runner's user (uid {@value EmulatedRunner#RUNNER_UID}) owns the workspace and
 * {@code RUNNER_TEMP}; the container runs as root. Gives files to that user as the job's own steps leave them, and
 * asserts that the user can still change and delete what a step left.
 */
final class RunnerOwnership {

    private RunnerOwnership() {
    }

    /** True when files can be given to the runner's user (the tests run as root, as CI does). */
    static boolean canChangeOwners() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Writes a file as one of the job's own steps would (they run as the runner's user): created folders and the file
     * get the owner of the nearest existing folder above them.
     */
    static void writeOwned(Path file, String content) {
        Path absolute = file.toAbsolutePath();
        Path existing = absolute.getParent();
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        EmulatedRunner.write(absolute, content);
        if (canChangeOwners()) {
            int[] owner = owner(existing);
            for (Path p = absolute; !p.equals(existing); p = p.getParent()) {
                chown(p, owner[0], owner[1]);
            }
        }
    }

    /** Gives {@code tree} to the runner's user, as the runner's own steps (checkout) leave it. */
    static void giveToRunnerUser(Path tree) {
        if (!canChangeOwners()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.forEach(p -> chown(p, EmulatedRunner.RUNNER_UID, EmulatedRunner.RUNNER_GID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertUsableByRunnerUser(Path tree) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.forEach(p -> problem(tree, p).ifPresent(problems::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problems).as("paths in " + tree + " the runner's user (uid " + EmulatedRunner.RUNNER_UID + ") cannot change")
                .isEmpty();
    }

    private static Optional<String> problem(Path tree, Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                int[] owner = owner(p);
                return canChangeOwners() && owner[0] != EmulatedRunner.RUNNER_UID ? Optional.of(describe(tree, p, owner, null))
                        : Optional.empty();
            }
            int[] owner = owner(p);
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            // the owner may change or delete any file (git's objects are r--r--r--) if the folders let them
            boolean writable = !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    || modes.containsAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE));
            boolean owned = !canChangeOwners()
                    || owner[0] == EmulatedRunner.RUNNER_UID && owner[1] == EmulatedRunner.RUNNER_GID;
            return owned && writable ? Optional.empty() : Optional.of(describe(tree, p, owner, modes));
        } catch (IOException e) {
            return Optional.of(tree.relativize(p) + ": " + e.getMessage());
        }
    }

    private static String describe(Path tree, Path p, int[] owner, Set<PosixFilePermission> modes) {
        return tree.relativize(p) + " (uid " + owner[0] + ", gid " + owner[1]
                + (modes == null ? "" : ", " + PosixFilePermissions.toString(modes)) + ")";
    }

    private static int[] owner(Path p) {
        try {
            return new int[] { (int) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                    (int) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS) };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chown(Path p, int uid, int gid) {
        try {
            Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
