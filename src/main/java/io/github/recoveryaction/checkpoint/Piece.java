package io.github.recoveryaction.checkpoint;

/**
 * An earlier checkpoint whose archive an incremental checkpoint reads content from, with the hashes that archive and
 * its manifest had when the incremental one was taken: a restore refuses a piece that no longer matches them.
 *
 * @param checkpointId the earlier checkpoint, in the same store
 * @param archiveHash {@code sha256:} of its archive
 * @param archiveBytes size of its archive
 * @param stateHash its manifest's state hash
 */
public record Piece(String checkpointId, String archiveHash, long archiveBytes, String stateHash) {

    public static Piece of(Checkpoint checkpoint) {
        return new Piece(checkpoint.id(), checkpoint.archiveHash(), checkpoint.archiveBytes(), checkpoint.stateHash());
    }
}
