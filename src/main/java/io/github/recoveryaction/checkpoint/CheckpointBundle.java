package io.github.recoveryaction.checkpoint;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A checkpoint as one workflow artifact: a zip (stored, not deflated: the archive is compressed already) whose
 * first entry is the manifest, so a listing can read a checkpoint's manifest without downloading its archive, and
 * whose second entry is the archive. Readers also accept the bundle wrapped in one more zip, in case the artifact
 * service zips what was uploaded (see {@code spec/github-runtime.md}, UNCONFIRMED 3).
 */
public final class CheckpointBundle {

    static final String MANIFEST_ENTRY = "checkpoint.json";
    static final String ARCHIVE_ENTRY = "checkpoint.tar.zst";
    /** A manifest lists every captured path; far beyond this something else is in the artifact. */
    private static final long MAX_MANIFEST_BYTES = 256L << 20;
    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

    private CheckpointBundle() {
    }

    public static void write(OutputStream target, byte[] manifest, Path archive) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target);
        zip.setMethod(ZipOutputStream.STORED);
        zip.putNextEntry(storedEntry(MANIFEST_ENTRY, manifest.length, crc(manifest)));
        zip.write(manifest);
        zip.closeEntry();
        zip.putNextEntry(storedEntry(ARCHIVE_ENTRY, Files.size(archive), crc(archive)));
        Files.copy(archive, zip);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** Reads only as far as the manifest. */
    public static Checkpoint readManifest(String source, InputStream bundle) throws IOException {
        ZipInputStream zip = openZip(source, bundle);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (isManifest(entry)) {
                return CheckpointCodec.read(source, new ByteArrayInputStream(readBounded(source, zip)));
            }
            if (entry.getName().endsWith(".zip")) {
                return readManifest(source, zip);
            }
        }
        throw new CheckpointException("artifact " + source + " holds no " + MANIFEST_ENTRY + "; it is not a checkpoint");
    }

    /**
     * What {@link #unpack} found.
     *
     * @param bundleHash {@code sha256:} of the downloaded file
     * @param wrapped whether the bundle came wrapped in another zip (its hash is then not the uploaded one's)
     */
    public record Unpacked(Checkpoint manifest, String archiveHash, String bundleHash, boolean wrapped) {
    }

    /** Copies the archive out of a downloaded bundle, hashing both the bundle and the archive on the way. */
    public static Unpacked unpack(String source, Path bundle, Path archiveTarget) throws IOException {
        MessageDigest bundleDigest = StateHash.sha256();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(bundle), 1 << 20),
                bundleDigest)) {
            Unpacked unpacked = unpack(source, in, archiveTarget);
            in.transferTo(OutputStream.nullOutputStream());
            return new Unpacked(unpacked.manifest(), unpacked.archiveHash(),
                    "sha256:" + HexFormat.of().formatHex(bundleDigest.digest()), unpacked.wrapped());
        }
    }

    private static Unpacked unpack(String source, InputStream in, Path archiveTarget) throws IOException {
        ZipInputStream zip = openZip(source, in);
        Optional<Checkpoint> manifest = Optional.empty();
        Optional<String> archiveHash = Optional.empty();
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (isManifest(entry)) {
                manifest = Optional.of(CheckpointCodec.read(source, new ByteArrayInputStream(
                        readBounded(source, zip))));
            } else if (entry.getName().endsWith("/" + ARCHIVE_ENTRY) || entry.getName().equals(ARCHIVE_ENTRY)) {
                MessageDigest digest = StateHash.sha256();
                try (OutputStream out = Files.newOutputStream(archiveTarget)) {
                    new DigestInputStream(zip, digest).transferTo(out);
                }
                archiveHash = Optional.of("sha256:" + HexFormat.of().formatHex(digest.digest()));
            } else if (entry.getName().endsWith(".zip")) {
                Unpacked inner = unpack(source, new NonClosing(zip), archiveTarget);
                return new Unpacked(inner.manifest(), inner.archiveHash(), "", true);
            }
        }
        if (manifest.isEmpty() || archiveHash.isEmpty()) {
            throw new CheckpointException("artifact " + source + " lacks its " + (manifest.isEmpty() ? MANIFEST_ENTRY
                    : ARCHIVE_ENTRY) + "; it is damaged or not a checkpoint");
        }
        return new Unpacked(manifest.get(), archiveHash.get(), "", false);
    }

    private static ZipInputStream openZip(String source, InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (!Arrays.equals(magic, ZIP_MAGIC)) {
            throw new CheckpointException("artifact " + source + " is not a zip as checkpoint artifacts are"
                    + (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                            ? " (it is a bare zstd archive without its manifest)"
                            : ""));
        }
        return new ZipInputStream(buffered);
    }

    private static boolean isManifest(ZipEntry entry) {
        return entry.getName().equals(MANIFEST_ENTRY) || entry.getName().endsWith("/" + MANIFEST_ENTRY);
    }

    private static byte[] readBounded(String source, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 << 10];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_MANIFEST_BYTES) {
                throw new CheckpointException("artifact " + source + " has a manifest above " + MAX_MANIFEST_BYTES
                        + " bytes; it is not a checkpoint manifest");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ZipEntry storedEntry(String name, long size, long crc) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        return entry;
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /** A nested zip is read from its parent's entry; closing it must not close the parent. */
    private static final class NonClosing extends FilterInputStream {

        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the parent stream is closed by its owner
        }
    }
}
