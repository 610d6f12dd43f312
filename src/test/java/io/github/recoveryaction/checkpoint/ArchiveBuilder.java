package io.github.recoveryaction.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

/**
 * Hand-made checkpoint archives, hostile ones included, with a manifest that agrees with them (an attacker who can
 * write the archive can write the manifest too).
 */
final class ArchiveBuilder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;
    private final ZstdOutputStreamNoFinalizer zstd;
    private final List<FileEntry> manifest = new ArrayList<>();
    private int cutTo = -1;

    ArchiveBuilder() {
        try {
            zstd = new ZstdOutputStreamNoFinalizer(bytes, 1);
            tar = new TarArchiveOutputStream(zstd, TarConstants.DEFAULT_BLKSIZE, "UTF-8");
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ArchiveBuilder file(String name, String content) {
        return file(new TarArchiveEntry(name, TarConstants.LF_NORMAL, true), content);
    }

    ArchiveBuilder file(TarArchiveEntry entry, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        entry.setSize(data.length);
        entry.setMode(0100644);
        put(entry, data);
        manifest.add(FileEntry.file(stripSlash(entry.getName()), 0644, data.length, sha256(data)));
        return this;
    }

    ArchiveBuilder directory(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
        entry.setMode(040755);
        put(entry, new byte[0]);
        manifest.add(FileEntry.directory(name, 0755));
        return this;
    }

    ArchiveBuilder symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        put(entry, new byte[0]);
        manifest.add(FileEntry.symlink(name, target));
        return this;
    }

    ArchiveBuilder hardLink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
        entry.setLinkName(target);
        put(entry, new byte[0]);
        manifest.add(FileEntry.file(name, 0644, 0, sha256(new byte[0])));
        return this;
    }

    ArchiveBuilder device(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_CHR);
        entry.setDevMajor(1);
        entry.setDevMinor(3);
        put(entry, new byte[0]);
        manifest.add(FileEntry.file(name, 0644, 0, sha256(new byte[0])));
        return this;
    }

    /** An entry whose header declares {@code size} bytes; the archive ends right after the header. */
    ArchiveBuilder declaredOnly(String name, long size) {
        try {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
            entry.setSize(size);
            entry.setMode(0100644);
            tar.putArchiveEntry(entry);
            manifest.add(FileEntry.file(name, 0644, size, "0".repeat(64)));
            tar.flush();
            zstd.close();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps only the first {@code fraction} of the compressed bytes. */
    ArchiveBuilder truncatedTo(double fraction) {
        finish();
        cutTo = (int) (bytes.size() * fraction);
        return this;
    }

    byte[] archive() {
        finish();
        byte[] all = bytes.toByteArray();
        return cutTo >= 0 ? Arrays.copyOf(all, cutTo) : all;
    }

    /** Writes archive and agreeing manifest into a local store folder; returns the manifest. */
    Checkpoint storeIn(Path storeDirectory, String id) throws IOException {
        byte[] archive = archive();
        Checkpoint c = new Checkpoint(Checkpoint.SCHEMA_VERSION, id, "standard", 2, "Build", true, Optional.empty(),
                Optional.empty(), Optional.empty(), false, StateHash.of(manifest, Optional.empty()),
                "sha256:" + sha256(archive), archive.length, 0, Instant.parse("2026-11-26T10:00:00Z"),
                CheckpointMetrics.NONE, Optional.empty(), manifest);
        Files.createDirectories(storeDirectory);
        Files.write(storeDirectory.resolve(id + ".tar.zst"), archive);
        Files.write(storeDirectory.resolve(id + ".json"), CheckpointCodec.write(c));
        return c;
    }

    private boolean finished;

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            tar.close();
        } catch (IOException | IllegalStateException e) {
            // declaredOnly closed the compressor already
        }
    }

    private void put(TarArchiveEntry entry, byte[] data) {
        try {
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripSlash(String name) {
        return name;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
