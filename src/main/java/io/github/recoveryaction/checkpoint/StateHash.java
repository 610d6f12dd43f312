package io.github.recoveryaction.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The identity of a captured state: {@code sha256:} over every entry, sorted by path in code point order, as
 * {@code path NUL type NUL mode NUL content NUL} (content = the file's SHA-256 hex, a link's target, or nothing),
 * followed by {@code commit NUL <HEAD or nothing> NUL}. Two checkpoints with the same hash restore the same files
 * onto the same commit; docs/checkpoints.md spells the format for other implementations.
 */
public final class StateHash {

    /** Code point order equals the byte order of UTF-8, so any language can reproduce the sort. */
    public static final Comparator<String> PATH_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private StateHash() {
    }

    public static String of(Collection<FileEntry> entries, Optional<String> commit) {
        List<FileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(FileEntry::path, PATH_ORDER));
        MessageDigest digest = sha256();
        for (FileEntry e : sorted) {
            String content = e.sha256().or(e::linkTarget).orElse("");
            update(digest, e.path(), e.type().id(), String.format("%04o", e.mode()), content);
        }
        update(digest, "commit", commit.orElse(""));
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String... fields) {
        for (String field : fields) {
            digest.update(field.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }
}
