package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointBundleTest {

    private static final Checkpoint MANIFEST = new Checkpoint(1, "c1", "standard", 2, "Build", true, Optional.empty(),
            Optional.empty(), Optional.empty(), false, "sha256:x", "sha256:y", 3, 3, Instant.parse("2026-11-26T10:00:00Z"),
            CheckpointMetrics.NONE, Optional.empty(), List.of());

    @TempDir
    Path dir;

    private byte[] bundle() throws Exception {
        Path archive = Files.write(dir.resolve("a.tar.zst"), new byte[] { 1, 2, 3 });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckpointBundle.write(out, CheckpointCodec.write(MANIFEST), archive);
        return out.toByteArray();
    }

    @Test
    void theManifestComesFirstSoAListingReadsOnlyThat() throws Exception {
        byte[] bundle = bundle();

        assertThat(CheckpointBundle.readManifest("a", new ByteArrayInputStream(bundle, 0, bundle.length - 40)))
                .isEqualTo(MANIFEST);
    }

    @Test
    void unpacksThePlainAndTheZippedForm() throws Exception {
        byte[] bundle = bundle();
        ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(wrapped)) {
            zip.putNextEntry(new ZipEntry("recovery-checkpoint-build-a1-c1.zip"));
            zip.write(bundle);
            zip.closeEntry();
        }

        for (byte[] download : List.of(bundle, wrapped.toByteArray())) {
            Path file = Files.write(dir.resolve("download.zip"), download);
            CheckpointBundle.Unpacked unpacked = CheckpointBundle.unpack("a", file, dir.resolve("out.tar.zst"));
            assertThat(unpacked.manifest()).isEqualTo(MANIFEST);
            assertThat(Files.readAllBytes(dir.resolve("out.tar.zst"))).containsExactly(1, 2, 3);
            assertThat(unpacked.archiveHash()).isEqualTo(ArchiveHashes.of(dir.resolve("a.tar.zst")));
            assertThat(unpacked.wrapped()).isEqualTo(download != bundle);
        }
    }

    @Test
    void saysWhatIsWrongWithSomethingElse() throws Exception {
        Path zstd = Files.write(dir.resolve("x"), new byte[] { 0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0 });
        assertThatThrownBy(() -> CheckpointBundle.unpack("x", zstd, dir.resolve("o")))
                .hasMessageContaining("bare zstd archive without its manifest");
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(other)) {
            zip.putNextEntry(new ZipEntry("report.html"));
            zip.write(1);
        }
        assertThatThrownBy(() -> CheckpointBundle.readManifest("y", new ByteArrayInputStream(other.toByteArray())))
                .hasMessageContaining("it is not a checkpoint");
    }
}
