package io.github.recoveryaction.checkpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A store's checkpoints as {@code list}, {@code restore}, {@code validate} and {@code cleanup} see them: the intact
 * ones, and the damaged ones with what is wrong, as far as it shows without reading archives (manifest, state hash,
 * archive present with its size, pieces present and unchanged). Archives themselves are hashed by restore and
 * validate.
 */
public final class StoreContents {

    private final List<Checkpoint> intact = new ArrayList<>();
    private final List<DamagedCheckpoint> damaged = new ArrayList<>();
    private final Map<String, Checkpoint> byId = new HashMap<>();

    public StoreContents(CheckpointStore store) {
        List<Checkpoint> listed = store.list();
        listed.forEach(c -> byId.put(c.id(), c));
        damaged.addAll(store.damaged());
        Map<String, String> ownProblems = new HashMap<>();
        for (Checkpoint c : listed) {
            ownProblem(store, c).ifPresent(p -> ownProblems.put(c.id(), p));
        }
        for (Checkpoint c : listed) {
            Optional<String> problem = Optional.ofNullable(ownProblems.get(c.id())).or(() -> pieceProblem(c, ownProblems));
            if (problem.isPresent()) {
                damaged.add(new DamagedCheckpoint(c.id(), c.createdAt(),
                        c.job().map(j -> OptionalInt.of(j.attempt())).orElse(OptionalInt.empty()), problem.get()));
            } else {
                intact.add(c);
            }
        }
        damaged.sort(Comparator.comparing(DamagedCheckpoint::createdAt).reversed());
    }

    /** Newest first. */
    public List<Checkpoint> intact() {
        return intact;
    }

    /** Newest first. */
    public List<DamagedCheckpoint> damaged() {
        return damaged;
    }

    public Optional<DamagedCheckpoint> damaged(String id) {
        return damaged.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The manifest of a listed checkpoint, intact or not. */
    public Optional<Checkpoint> manifest(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The manifests of the pieces {@code checkpoint} reads, in its order. */
    List<Checkpoint> pieces(Checkpoint checkpoint) {
        return checkpoint.pieces().stream().map(p -> byId.get(p.checkpointId())).toList();
    }

    /** Which intact checkpoints need {@code checkpoint}'s archive. */
    public List<String> neededBy(String checkpointId) {
        return byId.values().stream().filter(c -> c.pieces().stream().anyMatch(p -> p.checkpointId().equals(checkpointId)))
                .map(Checkpoint::id).sorted().toList();
    }

    private static Optional<String> ownProblem(CheckpointStore store, Checkpoint c) {
        String state = StateHash.of(c.fileList(), c.commit());
        if (!state.equals(c.stateHash())) {
            return Optional.of("its manifest's file list hashes to " + state + " but the manifest says " + c.stateHash());
        }
        return store.archiveProblem(c);
    }

    private Optional<String> pieceProblem(Checkpoint c, Map<String, String> ownProblems) {
        for (FileEntry e : c.fileList()) {
            if (e.piece().isPresent() && c.pieces().stream().noneMatch(p -> p.checkpointId().equals(e.piece().get()))) {
                return Optional.of("its file list takes '" + e.path() + "' from checkpoint " + e.piece().get()
                        + ", which its pieces do not list");
            }
        }
        for (Piece p : c.pieces()) {
            Checkpoint piece = byId.get(p.checkpointId());
            if (piece == null) {
                return Optional.of("its piece " + p.checkpointId() + " is gone");
            }
            if (!piece.archiveHash().equals(p.archiveHash()) || !piece.stateHash().equals(p.stateHash())) {
                return Optional.of("its piece " + p.checkpointId() + " has changed since (its hashes differ)");
            }
            if (ownProblems.containsKey(piece.id())) {
                return Optional.of("its piece " + p.checkpointId() + " is damaged: " + ownProblems.get(piece.id()));
            }
        }
        return Optional.empty();
    }
}
