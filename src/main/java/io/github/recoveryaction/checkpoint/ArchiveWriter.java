package io.github.recoveryaction.checkpoint;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

/**
 * Streams workspace paths into a zstd-compressed POSIX tar in one pass: each file is read once, straight into the
 * buffer the compressor takes, and hashed on the way; the compressor's worker threads compress while the next files
 * are read. Against a {@link ContentIndex} of earlier checkpoints, a file whose content one of them already holds is
 * not archived again but listed with that checkpoint as its piece; only files whose size matches an earlier content
 * are hashed before they are archived, so a first checkpoint pays nothing for being incremental.
 */
public final class ArchiveWriter {

    /** zstd level 1, like {@code zstd -1}: checkpoints are written on the critical path of a job. */
    public static final int DEFAULT_LEVEL = 1;
    /** Bytes handed to the compressor per call: few native calls, and small files share one. */
    private static final int BUFFER = 1 << 20;

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
        return write(workspace, paths, ContentIndex.EMPTY, target);
    }

    public ArchiveResult write(WorkspacePaths workspace, List<CapturedPath> paths, ContentIndex earlier,
            OutputStream target) {
        return write(workspace, paths, List::of, earlier, target);
    }

    /**
     * Writes {@code paths}, then the paths {@code more} gives once those are written (what git status found, which
     * may still be running when the first ones are archived).
     */
    public ArchiveResult write(WorkspacePaths workspace, List<CapturedPath> paths, Supplier<List<CapturedPath>> more,
            ContentIndex earlier, OutputStream target) {
        HashingOutputStream hashed = new HashingOutputStream(target);
        Session session = new Session(earlier);
        // closed in reverse order: the tar stream drains into the compressor, whose frame drains into the file
        try (WriteBehindOutputStream archive = writeBehind(hashed, "checkpoint-archive-writer");
                ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(new NonClosing(archive), level);
                WriteBehindOutputStream toCompressor = writeBehind(zstd, "checkpoint-compressor")) {
            zstd.setChecksum(true);
            if (workers > 1) {
                zstd.setWorkers(workers);
            }
            TarWriter tar = new TarWriter(toCompressor, BUFFER);
            for (CapturedPath captured : paths) {
                session.add(tar, workspace.resolve(captured.path()), captured);
            }
            for (CapturedPath captured : more.get()) {
                session.add(tar, workspace.resolve(captured.path()), captured);
            }
            tar.finish();
        } catch (IOException e) {
            throw new CheckpointException("cannot write the checkpoint archive: " + e.getMessage(), e);
        }
        return new ArchiveResult(session.entries, session.bytes, hashed.hash(), hashed.count(),
                List.copyOf(session.pieces.values()));
    }

    /**
     * Each stage on a thread of its own: reading and hashing files here, feeding the compressor (whose workers
     * compress), hashing and writing the archive.
     */
    private static WriteBehindOutputStream writeBehind(OutputStream target, String threadName) {
        return new WriteBehindOutputStream(target, threadName, BUFFER, STAGE_DEPTH);
    }

    /** Chunks of {@value #BUFFER} bytes each stage may hold ahead of the next. */
    private static final int STAGE_DEPTH = 6;

    /** The state of one archive being written. */
    private static final class Session {

        private final ContentIndex earlier;
        private final MessageDigest digest = StateHash.sha256();
        private final byte[] scratch = new byte[BUFFER];
        private final List<FileEntry> entries = new ArrayList<>();
        private final Map<String, Piece> pieces = new LinkedHashMap<>();
        private long bytes;

        Session(ContentIndex earlier) {
            this.earlier = earlier;
        }

        void add(TarWriter tar, Path path, CapturedPath captured) throws IOException {
            String relative = captured.path();
            PosixFileAttributes attrs = captured.attributes();
            int mode = PosixModes.mode(attrs.permissions());
            long mtime = attrs.lastModifiedTime().toMillis();
            long seconds = attrs.lastModifiedTime().to(TimeUnit.SECONDS);
            if (attrs.isSymbolicLink()) {
                String target = Files.readSymbolicLink(path).toString();
                tar.symlink(relative, target, seconds);
                entries.add(FileEntry.symlink(relative, target));
            } else if (attrs.isDirectory()) {
                tar.directory(relative, mode, seconds);
                entries.add(FileEntry.directory(relative, mode).withMtime(mtime));
            } else {
                long size = attrs.size();
                FileEntry entry = earlier.mayHold(size) ? addKnownSize(tar, path, relative, mode, size, seconds)
                        : stream(tar, path, relative, mode, size, seconds);
                entries.add(entry.withMtime(mtime));
                bytes += size;
            }
        }

        /** Hashes first: the content may be in an earlier checkpoint. Small files are read once, into memory. */
        private FileEntry addKnownSize(TarWriter tar, Path path, String relative, int mode, long size, long seconds)
                throws IOException {
            if (size <= scratch.length) {
                try (FileChannel in = open(path)) {
                    readFully(in, ByteBuffer.wrap(scratch, 0, (int) size), relative, size);
                }
                digest.reset();
                digest.update(scratch, 0, (int) size);
                String sha = HexFormat.of().formatHex(digest.digest());
                Optional<FileEntry> known = fromPiece(relative, mode, size, sha);
                if (known.isPresent()) {
                    return known.get();
                }
                tar.file(relative, mode, size, seconds);
                tar.write(scratch, 0, (int) size);
                tar.endEntry(size);
                return FileEntry.file(relative, mode, size, sha);
            }
            String sha = hash(path, relative, size);
            Optional<FileEntry> known = fromPiece(relative, mode, size, sha);
            if (known.isPresent()) {
                return known.get();
            }
            FileEntry streamed = stream(tar, path, relative, mode, size, seconds);
            if (!streamed.sha256().orElseThrow().equals(sha)) {
                throw changedWhileArchived(relative);
            }
            return streamed;
        }

        private Optional<FileEntry> fromPiece(String relative, int mode, long size, String sha) {
            return earlier.holder(sha).map(id -> {
                pieces.computeIfAbsent(id, earlier::piece);
                return FileEntry.file(relative, mode, size, sha).inPiece(id);
            });
        }

        /** Reads the file straight into the tar buffer, hashing each chunk there. */
        private FileEntry stream(TarWriter tar, Path path, String relative, int mode, long size, long seconds)
                throws IOException {
            tar.file(relative, mode, size, seconds);
            digest.reset();
            try (FileChannel in = open(path)) {
                long left = size;
                while (left > 0) {
                    int room = tar.reserve((int) Math.min(left, BUFFER));
                    int want = (int) Math.min(left, room);
                    int offset = tar.offset();
                    int n = in.read(ByteBuffer.wrap(tar.buffer(), offset, want));
                    if (n < 0) {
                        throw shrank(relative, size, size - left);
                    }
                    digest.update(tar.buffer(), offset, n);
                    tar.commit(n);
                    left -= n;
                }
            }
            tar.endEntry(size);
            return FileEntry.file(relative, mode, size, HexFormat.of().formatHex(digest.digest()));
        }

        private String hash(Path path, String relative, long size) throws IOException {
            digest.reset();
            try (FileChannel in = open(path)) {
                long left = size;
                while (left > 0) {
                    int n = in.read(ByteBuffer.wrap(scratch, 0, (int) Math.min(left, scratch.length)));
                    if (n < 0) {
                        throw shrank(relative, size, size - left);
                    }
                    digest.update(scratch, 0, n);
                    left -= n;
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private static void readFully(FileChannel in, ByteBuffer into, String relative, long size) throws IOException {
            while (into.hasRemaining()) {
                if (in.read(into) < 0) {
                    throw shrank(relative, size, into.position());
                }
            }
        }

        private static FileChannel open(Path path) throws IOException {
            return FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }

        private static CheckpointException shrank(String relative, long size, long read) {
            return new CheckpointException(relative + " shrank while it was archived (" + size + " bytes expected, "
                    + read + " read); run the checkpoint when the step has finished writing it");
        }

        private static CheckpointException changedWhileArchived(String relative) {
            return new CheckpointException(relative + " changed while it was archived; run the checkpoint when the "
                    + "step has finished writing it");
        }
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
