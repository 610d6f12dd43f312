package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.github.GitRepository;
import io.github.recoveryaction.github.WorkingTreeStatus;

/**
 * Checks that a workspace is fit for checkpoints and that every stored checkpoint would restore: the workspace is
 * writable with room to spare, the critical files are there, the git repository is readable and not mid-merge, the
 * configuration is valid, and each archive still hashes to its manifest.
 */
public final class CheckpointValidator {

    /** Below this a checkpoint or restore of a typical build is likely to fail half-way. */
    static final long MIN_FREE_BYTES = 512L << 20;

    private final WorkspacePaths workspace;

    public CheckpointValidator(WorkspacePaths workspace) {
        this.workspace = workspace;
    }

    /**
     * @param configProblem why the configuration could not be loaded, if it could not
     * @param criticalFiles workspace-relative files that must exist
     * @param localStore the local store when it is the one in use
     */
    public ValidationReport validate(Optional<String> configProblem, List<String> criticalFiles, CheckpointStore store,
            Optional<LocalDirectoryCheckpointStore> localStore) {
        List<ValidationReport.Check> checks = new ArrayList<>();
        checks.add(workspaceCheck());
        boolean configured = Files.exists(workspace.resolve(".github/recovery.yml"));
        checks.add(new ValidationReport.Check("configuration", configProblem.isEmpty(), configProblem.orElse(
                configured ? ".github/recovery.yml is valid" : ".github/recovery.yml absent, defaults apply")));
        checks.add(criticalFilesCheck(criticalFiles));
        checks.addAll(gitChecks());
        checks.addAll(storeChecks(store));
        return new ValidationReport(checks);
    }

    private ValidationReport.Check workspaceCheck() {
        Path root = workspace.root();
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            return new ValidationReport.Check("workspace", false, root + " is not a writable directory");
        }
        try {
            long free = Files.getFileStore(root).getUsableSpace();
            return new ValidationReport.Check("workspace", free >= MIN_FREE_BYTES, root + " is writable, "
                    + Sizes.bytes(free) + " free" + (free >= MIN_FREE_BYTES ? ""
                            : " (less than "
                                    + Sizes.bytes(MIN_FREE_BYTES) + ": free space before checkpointing)"));
        } catch (IOException e) {
            return new ValidationReport.Check("workspace", false, "cannot read the free space of " + root);
        }
    }

    private ValidationReport.Check criticalFilesCheck(List<String> criticalFiles) {
        if (criticalFiles.isEmpty()) {
            return new ValidationReport.Check("critical-files", true, "none configured (checkpoints.critical-files)");
        }
        List<String> missing = criticalFiles.stream().filter(f -> !Files.exists(workspace.resolve(f))).toList();
        return new ValidationReport.Check("critical-files", missing.isEmpty(), missing.isEmpty()
                ? criticalFiles.size() + " present"
                : "missing: " + String.join(", ", missing));
    }

    private List<ValidationReport.Check> gitChecks() {
        Optional<GitRepository> found;
        try {
            found = GitRepository.find(workspace.root());
        } catch (ToolException e) {
            return List.of(new ValidationReport.Check("git-repository", false, e.getMessage()));
        }
        if (found.isEmpty()) {
            return List.of(new ValidationReport.Check("git-repository", false,
                    "not a git repository: checkpoints will carry no commit"));
        }
        try (GitRepository git = found.get()) {
            Optional<String> head = git.head();
            WorkingTreeStatus status = git.status();
            boolean safe = status.state().equals("SAFE") && status.conflicting().isEmpty();
            return List.of(
                    new ValidationReport.Check("git-repository", head.isPresent(), head.map(h -> "HEAD at "
                            + h.substring(0, 12) + git.branch().map(b -> " on " + b).orElse(" (detached)"))
                            .orElse("no commit yet")),
                    new ValidationReport.Check("working-tree", safe, (safe ? ""
                            : "state " + status.state() + ", "
                                    + status.conflicting().size() + " conflicting; ")
                            + status.changed().size() + " changed, "
                            + status.deleted().size() + " deleted, " + status.untracked().size() + " untracked"));
        } catch (ToolException e) {
            return List.of(new ValidationReport.Check("git-repository", false, e.getMessage()));
        }
    }

    private List<ValidationReport.Check> storeChecks(CheckpointStore store) {
        List<ValidationReport.Check> checks = new ArrayList<>();
        StoreContents contents;
        try {
            contents = new StoreContents(store);
        } catch (ToolException e) {
            return List.of(new ValidationReport.Check("store", false, store.describe() + ": " + e.getMessage()));
        }
        int count = contents.intact().size() + contents.damaged().size();
        checks.add(new ValidationReport.Check("store", true, store.describe() + ": " + count + " checkpoint"
                + (count == 1 ? "" : "s")));
        for (DamagedCheckpoint d : contents.damaged()) {
            checks.add(new ValidationReport.Check("checkpoint " + d.id(), false, d.describe()));
        }
        for (Checkpoint c : contents.intact()) {
            checks.add(archiveCheck(store, c));
        }
        return checks;
    }

    private ValidationReport.Check archiveCheck(CheckpointStore store, Checkpoint c) {
        try (StagingFolder scratch = StagingFolder.create(workspace)) {
            FetchedArchive archive = store.fetch(c, scratch.scratch());
            ArchiveHashes.requireIntact(c, archive.verifiedHash().orElseGet(() -> ArchiveHashes.of(archive.file())));
            return new ValidationReport.Check("checkpoint " + c.id(), true, "archive intact, " + c.files() + " files, "
                    + Sizes.bytes(c.archiveBytes()) + (c.incremental() ? ", incremental on "
                            + String.join(", ", c.pieces().stream().map(Piece::checkpointId).toList()) : ""));
        } catch (ToolException e) {
            return new ValidationReport.Check("checkpoint " + c.id(), false, e.getMessage());
        }
    }
}
