package io.github.recoveryaction.checkpoint;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

/**
 * One pass over a checkpoint archive: a reader thread reads the compressed file, hashes it and decompresses it a few
 * megabytes ahead, while the caller parses the tar and writes files, as {@code zstd -d | tar -x} overlaps two
 * processes. The hash is compared with the manifest's once the stream has ended ({@link #verify}), before anything
 * moves into the workspace: extraction only ever writes into the staging folder.
 */
final class ArchiveStream implements AutoCloseable {

    /** Decompressed bytes kept ahead of the writer: 8 chunks of 1 MiB. */
    private static final int READ_AHEAD_CHUNK = 1 << 20;
    private static final int READ_AHEAD_DEPTH = 8;
    private static final int TAR_BUFFER = 1 << 20;

    private final Path file;
    private final CountingDigest raw;
    private final ReadAheadInputStream decompressed;
    private final TarReader tar;

    private ArchiveStream(Path file, CountingDigest raw, ReadAheadInputStream decompressed) {
        this.file = file;
        this.raw = raw;
        this.decompressed = decompressed;
        this.tar = new TarReader(decompressed, TAR_BUFFER);
    }

    static ArchiveStream open(Path file) throws IOException {
        CountingDigest raw = new CountingDigest(Files.newInputStream(file));
        return new ArchiveStream(file, raw, new ReadAheadInputStream(new ZstdInputStreamNoFinalizer(raw),
                READ_AHEAD_CHUNK, READ_AHEAD_DEPTH));
    }

    TarReader tar() {
        return tar;
    }

    /**
     * Reads to the end of the stream (the zstd frame checksum is checked there) and compares the archive's hash and
     * size with what the manifest recorded.
     *
     * @param owner names the checkpoint in the message, e.g. "checkpoint c1" or "piece c1 of checkpoint c2"
     */
    void verify(String owner, String expectedHash, long expectedBytes) throws IOException {
        decompressed.transferTo(OutputStream.nullOutputStream());
        String actual = raw.hash();
        if (!actual.equals(expectedHash) || raw.count() != expectedBytes) {
            throw damaged(owner, actual, expectedHash);
        }
    }

    /**
     * After a failure: whether the archive file itself is damaged, read in full. A refused entry of an intact archive
     * is a refusal; the same error in an archive that fails its hash is damage.
     */
    Optional<CheckpointException> damage(String owner, String expectedHash) {
        String actual = ArchiveHashes.of(file);
        return actual.equals(expectedHash) ? Optional.empty() : Optional.of(damaged(owner, actual, expectedHash));
    }

    static CheckpointException damaged(String owner, String actual, String expected) {
        return new CheckpointException(owner + " is damaged: its archive hashes to " + actual + " but the manifest says "
                + expected + "; nothing was restored");
    }

    @Override
    public void close() {
        decompressed.close();
    }

    /** Hashes and counts the compressed bytes as the decompressor reads them. */
    private static final class CountingDigest extends FilterInputStream {

        private final MessageDigest digest = StateHash.sha256();
        private long count;

        CountingDigest(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        /** Once the decompressor has read to the end (it reads until the file ends, not just the frame). */
        String hash() {
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        }

        long count() {
            return count;
        }
    }
}
