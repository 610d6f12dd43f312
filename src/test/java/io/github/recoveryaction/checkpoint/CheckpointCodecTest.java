package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class CheckpointCodecTest {

    private static final Checkpoint CHECKPOINT = new Checkpoint(1, "standard-step3-20261126_101530", "standard", 3,
            "Unit tests", false, Optional.of("2 tests failed"), Optional.of("a".repeat(40)), Optional.empty(), true,
            "sha256:" + "1".repeat(64), "sha256:" + "2".repeat(64), 1234, 5678, Instant.parse("2026-11-26T10:15:30Z"),
            new CheckpointMetrics(2100, 3400, 250_000_000, OptionalLong.of(600_000)),
            Optional.of(new JobAttempt("build", 4242, 2)),
            List.of(FileEntry.directory("target", 0755), FileEntry.file("target/a.jar", 0644, 5678, "f".repeat(64)),
                    FileEntry.symlink("target/latest", "a.jar"), FileEntry.deleted("README.md")));

    private static Checkpoint read(String json) {
        return CheckpointCodec.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void roundTripsEveryField() {
        Checkpoint back = read(new String(CheckpointCodec.write(CHECKPOINT), StandardCharsets.UTF_8));

        assertThat(back).isEqualTo(CHECKPOINT);
    }

    @Test
    void printsTheContractsCamelCaseShapeWithoutTheFileList() {
        String json = CheckpointCodec.toJsonLine(CheckpointCodec.summary(CHECKPOINT));

        assertThat(json).startsWith("{\"id\":\"standard-step3-20261126_101530\",\"stepNumber\":3,\"stepName\":\"Unit tests\","
                + "\"lane\":\"standard\",\"success\":false,\"errorMessage\":\"2 tests failed\",\"commit\":\"aaaa")
                .contains("\"branch\":null", "\"stateHash\":\"sha256:1111", "\"files\":4", "\"bytes\":5678",
                        "\"createdAt\":\"2026-11-26T10:15:30Z\"",
                        "\"metrics\":{\"wallMillis\":2100,\"cpuMillis\":3400,\"peakMemoryBytes\":250000000,"
                                + "\"jobElapsedMillis\":600000}",
                        "\"job\":{\"name\":\"build\",\"runId\":4242,\"attempt\":2}")
                .doesNotContain("fileList", "schemaVersion");
    }

    @Test
    void storesModesInOctalAndTheSchemaVersion() {
        String json = new String(CheckpointCodec.write(CHECKPOINT), StandardCharsets.UTF_8);

        assertThat(json).contains("\"schemaVersion\":1", "\"mode\":\"0755\"", "\"target\":\"a.jar\"",
                "\"type\":\"deleted\"");
    }

    @Test
    void refusesANewerSchemaVersion() {
        String json = new String(CheckpointCodec.write(CHECKPOINT), StandardCharsets.UTF_8)
                .replaceFirst("\"schemaVersion\":\\d+", "\"schemaVersion\":3");

        assertThatThrownBy(() -> read(json)).isInstanceOf(CheckpointException.class)
                .hasMessage("manifest test.json has schema version 3; this recovery reads versions 1 to 2 - restore it with "
                        + "the release that wrote it, or upgrade recovery-action");
    }

    @Test
    void ignoresUnknownKeysOfItsOwnVersion() {
        String json = new String(CheckpointCodec.write(CHECKPOINT), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1,", "\"schemaVersion\":1,\"addedLater\":{\"x\":1},");

        assertThat(read(json)).isEqualTo(CHECKPOINT);
    }

    @Test
    void namesTheManifestAndTheProblem() {
        assertThatThrownBy(() -> read("{\"schemaVersion\":1}")).hasMessage("manifest test.json has no text field 'id'");
        assertThatThrownBy(() -> read("[1]")).hasMessage("manifest test.json is not a JSON object");
        assertThatThrownBy(() -> read("{")).hasMessageStartingWith("manifest test.json is not valid JSON");
    }
}
