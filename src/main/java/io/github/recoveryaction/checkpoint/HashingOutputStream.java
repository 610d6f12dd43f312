package io.github.recoveryaction.checkpoint;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Counts and SHA-256-hashes what passes through, so an archive is hashed while it is written. */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest digest = StateHash.sha256();
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    /** {@code sha256:<hex>} of everything written; call once, after the last write. */
    String hash() {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
