package io.github.recoveryaction.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.recoveryaction.github.GitRepository;
import io.github.recoveryaction.workspace.FileOwnership;

/**
 * Restores a checkpoint in an order that keeps the workspace intact on any failure: verify the archive and the
 * manifest against their hashes, check the commit, extract into a staging folder inside the workspace (same file
 * system), and only then move the entries into place, undoing every move if one fails.
 */
public final class CheckpointRestorer {

    private final WorkspacePaths workspace;
    private final ExtractionLimits limits;

    public CheckpointRestorer(WorkspacePaths workspace, ExtractionLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    /**
     * @param id a checkpoint id or {@code latest}
     * @param force restore a checkpoint made on another commit
     * @return {@link RestoreResult#NOTHING} when {@code latest} finds no checkpoint
     */
    public RestoreResult restore(CheckpointStore store, String id, boolean force) {
        Optional<Checkpoint> found = id.equals(CheckpointIds.LATEST) ? store.findLatest() : store.find(id);
        if (found.isEmpty()) {
            if (id.equals(CheckpointIds.LATEST)) {
                return RestoreResult.NOTHING;
            }
            throw new CheckpointException("checkpoint '" + id + "' is not in " + store.describe()
                    + "; 'recovery list' shows the ones there are");
        }
        Checkpoint checkpoint = found.get();
        requireSameCommit(checkpoint, force);
        try (StagingFolder staging = StagingFolder.create(workspace)) {
            FetchedArchive archive = store.fetch(checkpoint, staging.scratch());
            ArchiveHashes.requireIntact(checkpoint, archive.verifiedHash().orElseGet(() -> ArchiveHashes.of(archive.file())));
            ExtractedArchive extracted = extract(checkpoint, archive.file(), staging.files());
            List<String> deletions = checkpoint.fileList().stream().filter(e -> e.type() == EntryType.DELETED)
                    .map(FileEntry::path).toList();
            new WorkspaceSwap(workspace, staging.files(), staging.aside()).apply(extracted, deletions);
            claimRestored(extracted);
            int written = (int) extracted.entries().stream().filter(e -> e.type() != EntryType.DIRECTORY).count();
            return new RestoreResult(Optional.of(checkpoint), written + deletions.size(), checkpoint.bytes(),
                    checkpoint.stepNumber());
        }
    }

    /**
     * What a restore put into the workspace, and the folders it made for it, belong to the workspace's owner, with the
     * modes they were saved with.
     */
    private void claimRestored(ExtractedArchive extracted) {
        FileOwnership ownership = FileOwnership.ofWorkspace(workspace.root());
        if (!ownership.changesOwners()) {
            return;
        }
        Set<Path> claimed = new HashSet<>();
        for (FileEntry entry : extracted.entries()) {
            for (Path p = workspace.resolve(entry.path()); !p.equals(workspace.root()) && claimed.add(p); p = p
                    .getParent()) {
                ownership.claim(p);
            }
        }
    }

    private ExtractedArchive extract(Checkpoint checkpoint, Path archive, Path into) {
        Map<String, FileEntry> expected = new HashMap<>();
        checkpoint.fileList().forEach(e -> expected.put(e.path(), e));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 20)) {
            return new SafeExtractor(workspace, limits).extract(checkpoint.id(), in, expected, into);
        } catch (IOException e) {
            throw new CheckpointException("cannot read the archive of checkpoint " + checkpoint.id() + ": "
                    + e.getMessage(), e);
        }
    }

    private void requireSameCommit(Checkpoint checkpoint, boolean force) {
        Optional<String> head = Optional.empty();
        Optional<GitRepository> git = GitRepository.find(workspace.root());
        if (git.isPresent()) {
            try (GitRepository repository = git.get()) {
                head = repository.head();
            }
        }
        if (!force && !checkpoint.commit().equals(head)) {
            throw new CheckpointException("checkpoint " + checkpoint.id() + " was made on commit "
                    + checkpoint.commit().map(CheckpointRestorer::shortId).orElse("(none)") + " but the workspace is at "
                    + head.map(CheckpointRestorer::shortId).orElse("(no commit)")
                    + "; restore it anyway with --force");
        }
    }

    private static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
