package io.github.recoveryaction.checkpoint;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Permission bits as tar and manifests store them ({@code 0755}) and as {@code java.nio} sets them. */
final class PosixModes {

    private static final PosixFilePermission[] BY_BIT = PosixFilePermission.values();

    private PosixModes() {
    }

    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BY_BIT.length; i++) {
            if ((mode & 1 << (8 - i)) != 0) {
                set.add(BY_BIT[i]);
            }
        }
        return set;
    }
}
