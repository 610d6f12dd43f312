package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StateHashTest {

    private static final List<FileEntry> ENTRIES = List.of(FileEntry.file("b.txt", 0644, 1, "ab"),
            FileEntry.file("a.txt", 0755, 2, "cd"), FileEntry.symlink("l", "a.txt"), FileEntry.directory("d", 0700));

    @Test
    void followsTheDocumentedFormat() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String expected = "a.txt\0file\0000755\0cd\0" + "b.txt\0file\0000644\0ab\0" + "d\0dir\0000700\0\0"
                + "l\0symlink\0000777\0a.txt\0" + "commit\0c0ffee\0";

        assertThat(StateHash.of(ENTRIES, Optional.of("c0ffee"))).isEqualTo("sha256:"
                + HexFormat.of().formatHex(digest.digest(expected.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void dependsOnContentModeAndCommitButNotOnOrder() {
        List<FileEntry> reversed = new ArrayList<>(ENTRIES);
        Collections.reverse(reversed);
        String hash = StateHash.of(ENTRIES, Optional.of("c0ffee"));

        assertThat(StateHash.of(reversed, Optional.of("c0ffee"))).isEqualTo(hash);
        assertThat(StateHash.of(ENTRIES, Optional.of("beef"))).isNotEqualTo(hash);
        assertThat(StateHash.of(ENTRIES, Optional.empty())).isNotEqualTo(hash);
        List<FileEntry> changedMode = new ArrayList<>(ENTRIES);
        changedMode.set(0, FileEntry.file("b.txt", 0600, 1, "ab"));
        assertThat(StateHash.of(changedMode, Optional.of("c0ffee"))).isNotEqualTo(hash);
    }

    @Test
    void sortsByCodePointLikeUtf8Bytes() {
        List<String> paths = new ArrayList<>(List.of("a/b", "a-c", "a", "\uD83D\uDE00", "\uFFFD", "Z"));
        paths.sort(StateHash.PATH_ORDER);

        assertThat(paths).containsExactly("Z", "a", "a-c", "a/b", "\uFFFD", "\uD83D\uDE00");
    }
}
