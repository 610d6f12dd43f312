package io.github.recoveryaction.checkpoint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file contents earlier checkpoints of a chain hold in their own archives, by SHA-256, so that an incremental
 * checkpoint stores a content only once. Sizes are indexed too: a file whose size no earlier content has cannot be
 * a duplicate, and is archived in one pass without hashing it first.
 */
public final class ContentIndex {

    public static final ContentIndex EMPTY = new ContentIndex(List.of());

    private final Map<String, String> checkpointBySha = new HashMap<>();
    private final Map<String, Checkpoint> checkpoints = new HashMap<>();
    private final Set<Long> sizes = new HashSet<>();

    /** @param chain the checkpoints whose archives may be read, newest first; the newest holder of a content wins */
    public ContentIndex(List<Checkpoint> chain) {
        for (Checkpoint c : chain) {
            checkpoints.put(c.id(), c);
            for (FileEntry e : c.fileList()) {
                if (e.type() == EntryType.FILE && e.piece().isEmpty() && e.size() > 0 && e.sha256().isPresent()) {
                    checkpointBySha.putIfAbsent(e.sha256().get(), c.id());
                    sizes.add(e.size());
                }
            }
        }
    }

    public boolean isEmpty() {
        return checkpointBySha.isEmpty();
    }

    boolean mayHold(long size) {
        return size > 0 && sizes.contains(size);
    }

    /** The checkpoint whose own archive holds this content. */
    Optional<String> holder(String sha256) {
        return Optional.ofNullable(checkpointBySha.get(sha256));
    }

    Piece piece(String checkpointId) {
        return Piece.of(checkpoints.get(checkpointId));
    }
}
