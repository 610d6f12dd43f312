package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** {@code sha256:} of archive files, the first check of every restore and of {@code recovery validate}. */
public final class ArchiveHashes {

    private ArchiveHashes() {
    }

    public static String of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint archive " + file + ": " + e.getMessage(), e);
        }
    }

    public static String of(InputStream in) throws IOException {
        MessageDigest digest = StateHash.sha256();
        byte[] buffer = new byte[1 << 20];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** Refuses a checkpoint whose archive or manifest does not hash to what its manifest says. */
    public static void requireIntact(Checkpoint checkpoint, String actualArchiveHash) {
        if (!checkpoint.archiveHash().equals(actualArchiveHash)) {
            throw ArchiveStream.damaged("checkpoint " + checkpoint.id(), actualArchiveHash, checkpoint.archiveHash());
        }
        String state = StateHash.of(checkpoint.fileList(), checkpoint.commit());
        if (!checkpoint.stateHash().equals(state)) {
            throw new CheckpointException("checkpoint " + checkpoint.id() + " is damaged: its file list hashes to " + state
                    + " but the manifest says " + checkpoint.stateHash() + "; nothing was restored");
        }
    }
}
