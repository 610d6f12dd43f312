package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.github.GitRepository;

/**
 * Restores a checkpoint in an order that keeps the workspace intact on any failure: refuse a damaged checkpoint
 * (or, for {@code latest}, a damaged newest one) by name, check the commit, extract its archive and the content its
 * pieces hold into a staging folder inside the workspace (same file system) while hashing each archive, compare the
 * hashes with the manifests, and only then move the entries into place, undoing every move if one fails.
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
        StoreContents contents = new StoreContents(store);
        Optional<Checkpoint> found = id.equals(CheckpointIds.LATEST) ? latest(store, contents) : find(store, contents, id);
        if (found.isEmpty()) {
            return RestoreResult.NOTHING;
        }
        Checkpoint checkpoint = found.get();
        requireSameCommit(checkpoint, force);
        try (StagingFolder staging = StagingFolder.create(workspace)) {
            SafeExtractor extractor = new SafeExtractor(workspace, limits, staging.files());
            extractOwn(store, checkpoint, extractor, staging.scratch());
            extractPieces(store, contents, checkpoint, extractor, staging.scratch());
            ExtractedArchive extracted = extractor.result(checkpoint);
            List<String> deletions = checkpoint.fileList().stream().filter(e -> e.type() == EntryType.DELETED)
                    .map(FileEntry::path).toList();
            new WorkspaceSwap(workspace, staging.files(), staging.aside()).apply(extracted, deletions);
            int written = (int) extracted.entries().stream().filter(e -> e.type() != EntryType.DIRECTORY).count();
            return new RestoreResult(Optional.of(checkpoint), written + deletions.size(), checkpoint.bytes(),
                    checkpoint.stepNumber());
        }
    }

    private static Optional<Checkpoint> find(CheckpointStore store, StoreContents contents, String id) {
        Optional<DamagedCheckpoint> damaged = contents.damaged(id);
        if (damaged.isPresent()) {
            throw damagedError(damaged.get(), "");
        }
        Optional<Checkpoint> found = contents.intact().stream().filter(c -> c.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            throw new CheckpointException("checkpoint '" + id + "' is not in " + store.describe()
                    + "; 'recovery list' shows the ones there are");
        }
        return found;
    }

    /**
     * The newest successful checkpoint {@code latest} may pick; refused when a damaged checkpoint that could have been
     * it is newer, since resuming from an older state would silently lose work.
     */
    private static Optional<Checkpoint> latest(CheckpointStore store, StoreContents contents) {
        Optional<Checkpoint> pick = contents.intact().stream().filter(Checkpoint::success)
                .filter(c -> store.latestMayPick(attempt(c))).findFirst();
        Optional<DamagedCheckpoint> newer = contents.damaged().stream().filter(d -> store.latestMayPick(d.attempt()))
                .filter(d -> contents.manifest(d.id()).map(Checkpoint::success).orElse(true))
                .filter(d -> pick.isEmpty() || d.createdAt().isAfter(pick.get().createdAt())).findFirst();
        if (newer.isPresent()) {
            throw damagedError(newer.get(), pick.map(c -> " (restore the older " + c.id() + " with --checkpoint-id)")
                    .orElse(""));
        }
        return pick;
    }

    private static OptionalInt attempt(Checkpoint c) {
        return c.job().map(j -> OptionalInt.of(j.attempt())).orElse(OptionalInt.empty());
    }

    private static CheckpointException damagedError(DamagedCheckpoint d, String hint) {
        return new CheckpointException(d.describe() + "; nothing was restored" + hint);
    }

    private void extractOwn(CheckpointStore store, Checkpoint checkpoint, SafeExtractor extractor, Path scratch) {
        String owner = "checkpoint " + checkpoint.id();
        FetchedArchive archive = store.fetch(checkpoint, scratch);
        stream(archive, owner, checkpoint.archiveHash(), checkpoint.archiveBytes(),
                tar -> extractor.extractOwn(checkpoint.id(), tar, checkpoint));
    }

    /** Each piece's archive is read once, for every content of it the checkpoint needs. */
    private void extractPieces(CheckpointStore store, StoreContents contents, Checkpoint checkpoint,
            SafeExtractor extractor, Path scratch) {
        if (checkpoint.pieces().isEmpty()) {
            return;
        }
        Map<String, Map<String, List<FileEntry>>> wantedByPiece = new LinkedHashMap<>();
        checkpoint.pieces().forEach(p -> wantedByPiece.put(p.checkpointId(), new HashMap<>()));
        for (FileEntry e : checkpoint.fileList()) {
            if (e.piece().isPresent()) {
                wantedByPiece.get(e.piece().get()).computeIfAbsent(e.sha256().orElseThrow(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        List<Checkpoint> pieces = contents.pieces(checkpoint);
        for (int i = 0; i < pieces.size(); i++) {
            Checkpoint piece = pieces.get(i);
            Piece recorded = checkpoint.pieces().get(i);
            Map<String, List<FileEntry>> wanted = wantedByPiece.get(piece.id());
            String owner = "piece " + piece.id() + " of checkpoint " + checkpoint.id();
            FetchedArchive archive = store.fetch(piece, scratch);
            stream(archive, owner, recorded.archiveHash(), recorded.archiveBytes(),
                    tar -> extractor.extractFromPiece(owner, tar, piece, wanted));
            if (!wanted.isEmpty()) {
                String path = wanted.values().iterator().next().get(0).path();
                throw new CheckpointException("checkpoint " + checkpoint.id() + " is damaged: its piece " + piece.id()
                        + " lacks the content of '" + path + "'; nothing was restored");
            }
        }
    }

    private interface TarConsumer {
        void accept(TarReader tar);
    }

    /**
     * Extracts from one archive and compares its hash once it has been read; when extraction fails, an archive that
     * fails its hash is reported as damaged, which is the cause.
     */
    private static void stream(FetchedArchive fetched, String owner, String hash, long bytes, TarConsumer consumer) {
        try (ArchiveStream archive = ArchiveStream.open(fetched.file())) {
            try {
                consumer.accept(archive.tar());
            } catch (CheckpointException e) {
                throw archive.damage(owner, hash).orElse(e);
            }
            archive.verify(owner, hash, bytes);
        } catch (IOException e) {
            throw new CheckpointException("cannot read the archive of " + owner + ": " + e.getMessage()
                    + "; nothing was restored", e);
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
