package io.github.recoveryaction.rerun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.github.ArtifactEntries;
import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.StoredArtifact;

/**
 * Keeps the {@link FlakyTestLedger} as a workflow artifact named {@value #NAME}: read from the newest such artifact
 * of the repository (one listing and one download), written as an artifact of the run the action runs in. Anything
 * that goes wrong is a warning: the ledger only ever adds re-runs, so losing it costs nothing but those.
 */
public final class ArtifactLedgerStore {

    public static final String NAME = "recovery-flaky-tests";
    static final String FILE = "flaky-tests.json";
    private static final long MAX_BYTES = 1 << 20;

    /** Uploads an artifact of the current run. */
    @FunctionalInterface
    public interface Upload {
        void upload(String name, byte[] zip);
    }

    private final GitHubGateway github;
    private final Optional<Upload> upload;
    private final Consumer<String> warnings;
    private FlakyTestLedger loaded;

    public ArtifactLedgerStore(GitHubGateway github, Optional<Upload> upload, Consumer<String> warnings) {
        this.github = github;
        this.upload = upload;
        this.warnings = warnings;
    }

    /** The newest ledger of the repository, read once; empty when there is none yet or it cannot be read. */
    public FlakyTestLedger load() {
        if (loaded == null) {
            loaded = read();
        }
        return loaded;
    }

    /** Stores {@code ledger} as this run's artifact; without the runner's artifact service it is a warning. */
    public void save(FlakyTestLedger ledger) {
        if (upload.isEmpty()) {
            warnings.accept("Could not record the flaky tests: the runner gave no artifact service "
                    + "(ACTIONS_RUNTIME_TOKEN), so rerun-flaky-tests cannot remember them.");
            return;
        }
        try {
            upload.get().upload(NAME, zip(ledger.toJson()));
            loaded = ledger;
        } catch (ToolException e) {
            warnings.accept("Could not record the flaky tests as artifact " + NAME + ": " + e.getMessage());
        }
    }

    private FlakyTestLedger read() {
        try {
            List<StoredArtifact> newest = github.listArtifactsNamed(NAME, 1);
            if (newest.isEmpty()) {
                return FlakyTestLedger.EMPTY;
            }
            Optional<InputStream> zip = github.openArtifact(newest.get(0).id());
            if (zip.isEmpty()) {
                return FlakyTestLedger.EMPTY;
            }
            AtomicReference<FlakyTestLedger> found = new AtomicReference<>(FlakyTestLedger.EMPTY);
            try (InputStream in = zip.get()) {
                new ArtifactEntries(name -> name.endsWith(FILE), MAX_BYTES).read(in,
                        (name, content) -> found.set(FlakyTestLedger.read(new ByteArrayInputStream(content))));
            }
            return found.get();
        } catch (GitHubAccessException | IOException e) {
            warnings.accept("Could not read the flaky tests recorded earlier (artifact " + NAME + "): "
                    + e.getMessage());
            return FlakyTestLedger.EMPTY;
        }
    }

    static byte[] zip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(FILE));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
