package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;

class WorkflowArtifactsTest {

    private static final String TWIRP = "/twirp/github.actions.results.api.v1.ArtifactService/";
    private static final String BLOB = "/blob/.*";

    private final ArtifactTestSupport run = new ArtifactTestSupport();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        run.close();
    }

    private static byte[] content(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + i / 7);
        }
        return data;
    }

    @Test
    void uploadsBlocksToTheSignedUrlAndFinalizesWithSizeAndHash() throws Exception {
        byte[] data = content(5000);

        long id = run.artifacts(1, false, 1024).upload("recovery-checkpoint-build-a1-x", Optional.empty(),
                out -> out.write(data));

        assertThat(run.server.requestLines()).filteredOn(l -> l.startsWith("PUT")).hasSize(6)
                .allSatisfy(l -> assertThat(l).contains("?sv=2023-11-03&se=2099-01-01&sr=b&sp=cw&sig=c2lnbmF0dXJl&comp="))
                .last().asString().endsWith("&comp=blocklist");
        assertThat(run.service.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.content()).isEqualTo(data);
            assertThat(a.attempt()).isEqualTo(1);
        });
        JsonNode create = json(request("CreateArtifact"));
        assertThat(create.path("workflow_run_backend_id").asText()).isEqualTo(FakeArtifactService.RUN_BACKEND_ID);
        assertThat(create.path("workflow_job_run_backend_id").asText()).isEqualTo(FakeArtifactService.jobBackendId(1));
        assertThat(create.path("version").asInt()).isEqualTo(4);
        JsonNode finalize = json(request("FinalizeArtifact"));
        assertThat(finalize.path("size").isTextual()).isTrue();
        assertThat(finalize.path("size").asText()).isEqualTo("5000");
        assertThat(finalize.path("hash").asText()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void retriesServerErrorsAndDroppedConnectionsOnEveryLeg() {
        run.server.failNext("POST", TWIRP + "CreateArtifact", 1, 500, Map.of())
                .failNext("PUT", BLOB, 1, 503, Map.of())
                .failNext("PUT", BLOB, 1, 0, Map.of())
                .failNext("POST", TWIRP + "FinalizeArtifact", 1, 0, Map.of());

        run.artifacts(1, false, 1024).upload("a", Optional.empty(), out -> out.write(content(3000)));

        assertThat(run.service.artifacts()).singleElement().satisfies(a -> assertThat(a.content()).hasSize(3000));
        assertThat(run.sleeps).hasSize(4);
        assertThat(run.log).allSatisfy(line -> assertThat(line).doesNotContain("sig=").doesNotContain("Bearer"));
    }

    @Test
    void aConnectionDroppedForGoodMidUploadLeavesNoFinalizedArtifact() {
        run.server.failNext("PUT", BLOB, 50, 0, Map.of());

        assertThatThrownBy(() -> run.artifacts(1, false, 1024).upload("partial", Optional.empty(),
                out -> out.write(content(10_000))))
                .isInstanceOf(GitHubAccessException.class)
                .hasMessageContaining("upload block");

        assertThat(run.server.requestLines()).noneMatch(l -> l.contains("FinalizeArtifact") || l.contains("blocklist"));
        assertThat(run.service.artifacts()).isEmpty();
        assertThat(run.artifacts(1, true, 1024).list()).isEmpty();
    }

    @Test
    void aWriterThatFailsLeavesNoArtifactEither() {
        assertThatThrownBy(() -> run.artifacts(1, false, 1024).upload("broken", Optional.empty(), out -> {
            out.write(content(4000));
            throw new IOException("disk read error");
        })).hasMessageContaining("disk read error");

        assertThat(run.service.artifacts()).isEmpty();
    }

    @Test
    void aTakenNameIsAConflict() {
        WorkflowArtifacts artifacts = run.artifacts(1, false, 1024);
        artifacts.upload("same", Optional.empty(), out -> out.write(1));

        assertThatThrownBy(() -> artifacts.upload("same", Optional.empty(), out -> out.write(2)))
                .isInstanceOfSatisfying(GitHubAccessException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("409").hasMessageContaining("already exists");
    }

    @Test
    void acceptsLowerCamelCaseAnswers() {
        run.service.answerInCamelCase();
        WorkflowArtifacts artifacts = run.artifacts(1, false, 1024);

        long id = artifacts.upload("camel", Optional.empty(), out -> out.write(content(10)));

        assertThat(id).isPositive();
        assertThat(artifacts.list()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("camel");
            assertThat(a.size()).isEqualTo(10);
        });
    }

    @Test
    void readsEarlierAttemptsThroughTheRestApiFollowingTheRedirectWithoutTheToken() throws Exception {
        run.artifacts(1, false, 1024).upload("from-attempt-1", Optional.empty(), out -> out.write(content(2048)));
        WorkflowArtifacts attempt2 = run.artifacts(2, true, 1024);

        List<StoredArtifact> listed = attempt2.list();
        assertThat(listed).singleElement().satisfies(a -> assertThat(a.digest()).isPresent());
        Path file = dir.resolve("a.zip");
        attempt2.download(listed.get(0), file);

        assertThat(Files.readAllBytes(file)).isEqualTo(content(2048));
        RecordedRequest storage = run.server.requests().stream().filter(r -> r.path().startsWith("/storage/"))
                .findFirst().orElseThrow();
        assertThat(storage.header("Authorization")).isNull();
        try (InputStream in = attempt2.open(listed.get(0))) {
            assertThat(in.readNBytes(4)).isEqualTo(new byte[] { 0, 31, 62, 93 });
        }
    }

    @Test
    void pagesThroughMoreThanOneHundredArtifacts() {
        WorkflowArtifacts artifacts = run.artifacts(1, true, 1024);
        for (int i = 0; i < 105; i++) {
            artifacts.upload("a" + i, Optional.empty(), out -> out.write(1));
        }

        assertThat(artifacts.list()).hasSize(105);
        assertThat(run.server.requestLines()).filteredOn(l -> l.contains("/actions/runs/4242/artifacts"))
                .containsExactly("GET /repos/octo/app/actions/runs/4242/artifacts?per_page=100&page=1",
                        "GET /repos/octo/app/actions/runs/4242/artifacts?per_page=100&page=2");
    }

    @Test
    void withoutATokenReadsThroughTheResultsServiceAndExplainsItsEarlierAttemptLimit() {
        run.artifacts(1, false, 1024).upload("old", Optional.empty(), out -> out.write(content(100)));
        run.service.signedUrlOnlyForCurrentAttempt(2);
        WorkflowArtifacts attempt2 = run.artifacts(2, false, 1024);

        List<StoredArtifact> listed = attempt2.list();

        assertThat(listed).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("old"));
        assertThatThrownBy(() -> attempt2.download(listed.get(0), dir.resolve("x")))
                .hasMessageContaining("pass a token with 'actions: read'");
    }

    @Test
    void withoutATokenDownloadsThroughTheResultsServiceWhenItAllows() throws Exception {
        run.artifacts(1, false, 1024).upload("mine", Optional.empty(), out -> out.write(content(100)));
        WorkflowArtifacts attempt1 = run.artifacts(1, false, 1024);

        Path file = dir.resolve("x");
        attempt1.download(attempt1.list().get(0), file);

        assertThat(Files.readAllBytes(file)).isEqualTo(content(100));
    }

    @Test
    void deletesThroughTheResultsServiceWithoutActionsWrite() {
        WorkflowArtifacts artifacts = run.artifacts(1, true, 1024);
        artifacts.upload("old", Optional.empty(), out -> out.write(1));

        artifacts.delete(artifacts.list().get(0));

        assertThat(run.service.artifacts()).isEmpty();
        assertThat(run.server.requestLines()).anyMatch(l -> l.endsWith("/DeleteArtifact"))
                .noneMatch(l -> l.startsWith("DELETE"));
    }

    private RecordedRequest request(String method) {
        return run.server.requests().stream().filter(r -> r.path().endsWith("/" + method)).findFirst().orElseThrow();
    }

    private static JsonNode json(RecordedRequest r) throws IOException {
        return new ObjectMapper().readTree(r.bodyText().getBytes(StandardCharsets.UTF_8));
    }
}
