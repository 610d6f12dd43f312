package io.github.recoveryaction.github;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * What JGit sees of the machine: no environment, no system, user or JGit configuration, and fixed file-store
 * timestamp facts. Out of the box JGit runs the system {@code git} to find {@code /etc/gitconfig} and probes the file
 * system's timestamp resolution by writing files and waiting; both cost seconds in a fresh container and make
 * results depend on the machine. Only the repository's own {@code .git/config} counts.
 */
final class HermeticSystemReader extends SystemReader.Delegate {

    /**
     * Claimed for every file store instead of measuring it: JGit's own fallback (2 s) is coarse enough for any file
     * system, so files changed shortly before the index was written are compared by content, never missed.
     */
    static final Duration TIMESTAMP_RESOLUTION = FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION;
    static final Duration MIN_RACY_THRESHOLD = Duration.ofMillis(10);

    private static volatile boolean installed;

    private HermeticSystemReader(SystemReader delegate) {
        super(delegate);
    }

    /** Idempotent; JGit only offers a process-wide switch. */
    static synchronized void install() {
        if (!installed) {
            SystemReader.setInstance(new HermeticSystemReader(SystemReader.getInstance()));
            installed = true;
        }
    }

    @Override
    public String getenv(String variable) {
        return null;
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new EmptyConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return new EmptyConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return new EmptyConfig(parent, fs);
    }

    /** A configuration without a file that answers JGit's file-store questions so that it never measures. */
    private static final class EmptyConfig extends FileBasedConfig {

        EmptyConfig(Config parent, FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            // nothing to read: see the class comment
        }

        @Override
        public void save() {
            // JGit saves measured file-store facts here; they are fixed instead
        }

        @Override
        public boolean isOutdated() {
            return false;
        }

        @Override
        public long getTimeUnit(String section, String subsection, String name, long defaultValue, TimeUnit unit) {
            Duration fixed = fileStoreFact(section, name);
            return fixed == null ? super.getTimeUnit(section, subsection, name, defaultValue, unit)
                    : unit.convert(fixed.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public Long getTimeUnit(String section, String subsection, String name, TimeUnit unit) {
            Duration fixed = fileStoreFact(section, name);
            return fixed == null ? super.getTimeUnit(section, subsection, name, unit)
                    : Long.valueOf(unit.convert(fixed.toNanos(), TimeUnit.NANOSECONDS));
        }

        private static Duration fileStoreFact(String section, String name) {
            if (!"filesystem".equalsIgnoreCase(section)) {
                return null;
            }
            if ("timestampResolution".equalsIgnoreCase(name)) {
                return TIMESTAMP_RESOLUTION;
            }
            return "minRacyThreshold".equalsIgnoreCase(name) ? MIN_RACY_THRESHOLD : null;
        }
    }
}
