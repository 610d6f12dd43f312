package io.github.recoveryaction.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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

    /**
     * Code point order, which equals the byte order of UTF-8, so any language can reproduce the sort. It differs
     * from {@link String#compareTo} only where a surrogate pair meets a character above U+D7FF.
     */
    public static final Comparator<String> PATH_ORDER = StateHash::compareCodePoints;

    private StateHash() {
    }

    public static String of(Collection<FileEntry> entries, Optional<String> commit) {
        List<FileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(FileEntry::path, PATH_ORDER));
        MessageDigest digest = sha256();
        for (FileEntry e : sorted) {
            String content = e.sha256().or(e::linkTarget).orElse("");
            update(digest, e.path(), e.type().id(), octal(e.mode()), content);
        }
        update(digest, "commit", commit.orElse(""));
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** Four octal digits, as {@code %04o} would print them, without the formatter's cost per entry. */
    static String octal(int mode) {
        char[] digits = { (char) ('0' + (mode >> 9 & 7)), (char) ('0' + (mode >> 6 & 7)), (char) ('0' + (mode >> 3 & 7)),
                (char) ('0' + (mode & 7)) };
        return new String(digits);
    }

    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
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
