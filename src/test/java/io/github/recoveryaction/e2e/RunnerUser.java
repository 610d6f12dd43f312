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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runner's user, who owns the workspace and the temp folder and runs the job's other steps: uid 1001, gid 121 on
 * GitHub-hosted runners. When the tests run as root (as CI does), files are given to that user and commands run as
 * that user through {@code setpriv}; otherwise the tests' own user plays the part (on a GitHub runner it is uid 1001).
 */
record RunnerUser(int uid, int gid, boolean impersonated) {

    static final int HOSTED_UID = 1001;
    static final int HOSTED_GID = 121;

    static RunnerUser detect(Path scratch) {
        try {
            Path probe = Files.createTempFile(scratch, "owner", ".probe");
            int uid = (int) Files.getAttribute(probe, "unix:uid");
            int gid = (int) Files.getAttribute(probe, "unix:gid");
            Files.delete(probe);
            return uid == 0 ? new RunnerUser(HOSTED_UID, HOSTED_GID, true) : new RunnerUser(uid, gid, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives {@code tree} to this user, as the runner's own steps (checkout, a build) leave their files. */
    void own(Path tree) {
        if (!impersonated) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.toList()) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a shell script as this user, as a later {@code run:} step would; fails the test when it fails. */
    String run(String script, Path directory) {
        List<String> command = new ArrayList<>();
        if (impersonated) {
            command.addAll(List.of("setpriv", "--reuid", Integer.toString(uid), "--regid", Integer.toString(gid),
                    "--clear-groups"));
        }
        command.addAll(List.of("sh", "-euc", script));
        Processes.Result result = Processes.run(command, directory, Map.of());
        assertThat(result.exitCode()).as("as uid %d in %s: %s%n%s", uid, directory, script, result.output()).isZero();
        return result.output();
    }

    /**
     * Everything under {@code tree} belongs to this user and is writable by them: files owner-readable and -writable,
     * folders also searchable.
     */
    void assertOwnsEverythingIn(Path tree) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.toList()) {
                int owner = (int) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                int group = (int) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                boolean owned = owner == uid && group == gid;
                boolean usable = Files.isSymbolicLink(p) || usable(p);
                if (!owned || !usable) {
                    problems.add("%s (uid %d, gid %d, %s)".formatted(tree.relativize(p), owner, group,
                            Files.isSymbolicLink(p) ? "link"
                                    : PosixFilePermissions.toString(Files.getPosixFilePermissions(p))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problems).as("entries of %s that uid %d, gid %d cannot change or delete", tree, uid, gid).isEmpty();
    }

    private static boolean usable(Path p) throws IOException {
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        return modes.contains(PosixFilePermission.OWNER_READ) && modes.contains(PosixFilePermission.OWNER_WRITE)
                && (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        || modes.contains(PosixFilePermission.OWNER_EXECUTE));
    }
}
