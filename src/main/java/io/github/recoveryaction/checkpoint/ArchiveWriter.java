package io.github.recoveryaction.checkpoint;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

/**
 * Streams workspace paths into a zstd-compressed POSIX tar: one read of each file feeds both its SHA-256 and the
 * compressor, whose worker threads compress while the next files are read. Nothing is copied to a temporary place
 * and no file is held in memory whole. Files, directories and links keep their permission bits and times.
 */
public final class ArchiveWriter {

    /** zstd level 1, like {@code zstd -1}: checkpoints are written on the critical path of a job. */
    public static final int DEFAULT_LEVEL = 1;
    /**
     * Bytes per tar block: commons-compress hands the compressor one block per call, so a large block keeps the
     * number of native calls low (1 MiB of padding compresses to nothing).
     */
    private static final int TAR_BLOCK = 1 << 20;
    private static final int READ_BUFFER = 1 << 20;

    private final int level;
    private final int workers;

    public ArchiveWriter(int level, int workers) {
        this.level = level;
        this.workers = workers;
    }

    public static ArchiveWriter withDefaults() {
        return new ArchiveWriter(DEFAULT_LEVEL, Runtime.getRuntime().availableProcessors());
    }

    /** Writes {@code paths} (parents before children) to {@code target}, which is not closed. */
    public ArchiveResult write(WorkspacePaths workspace, List<CapturedPath> paths, OutputStream target) {
        HashingOutputStream hashed = new HashingOutputStream(target);
        List<FileEntry> entries = new ArrayList<>(paths.size());
        long bytes = 0;
        byte[] buffer = new byte[READ_BUFFER];
        MessageDigest digest = StateHash.sha256();
        try (ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(new NonClosing(hashed), level)) {
            zstd.setChecksum(true);
            if (workers > 1) {
                zstd.setWorkers(workers);
            }
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd, TAR_BLOCK, "UTF-8")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                tar.setAddPaxHeadersForNonAsciiNames(true);
                for (CapturedPath captured : paths) {
                    FileEntry entry = writeEntry(tar, workspace.resolve(captured.path()), captured, buffer, digest);
                    entries.add(entry);
                    bytes += entry.size();
                }
                tar.finish();
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot write the checkpoint archive: " + e.getMessage(), e);
        }
        return new ArchiveResult(entries, bytes, hashed.hash(), hashed.count());
    }

    private FileEntry writeEntry(TarArchiveOutputStream tar, Path path, CapturedPath captured, byte[] buffer,
            MessageDigest digest) throws IOException {
        String relative = captured.path();
        PosixFileAttributes attrs = captured.attributes();
        int mode = PosixModes.mode(attrs.permissions());
        if (attrs.isSymbolicLink()) {
            String target = Files.readSymbolicLink(path).toString();
            TarArchiveEntry entry = new TarArchiveEntry(relative, TarConstants.LF_SYMLINK);
            entry.setLinkName(target);
            entry.setMode(0120777);
            entry.setModTime(attrs.lastModifiedTime());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return FileEntry.symlink(relative, target);
        }
        if (attrs.isDirectory()) {
            TarArchiveEntry entry = new TarArchiveEntry(relative + "/", TarConstants.LF_DIR);
            entry.setMode(040000 | mode);
            entry.setModTime(attrs.lastModifiedTime());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return FileEntry.directory(relative, mode);
        }
        long size = attrs.size();
        TarArchiveEntry entry = new TarArchiveEntry(relative, TarConstants.LF_NORMAL);
        entry.setMode(0100000 | mode);
        entry.setSize(size);
        entry.setModTime(attrs.lastModifiedTime());
        tar.putArchiveEntry(entry);
        digest.reset();
        long left = size;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new CheckpointException(relative + " shrank while it was archived (" + size + " bytes expected,"
                            + (size - left) + " read); run the checkpoint when the step has finished writing it");
                }
                digest.update(buffer, 0, n);
                tar.write(buffer, 0, n);
                left -= n;
            }
        }
        tar.closeArchiveEntry();
        return FileEntry.file(relative, mode, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** The caller owns the target stream; the compressor must only flush its frame into it. */
    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
