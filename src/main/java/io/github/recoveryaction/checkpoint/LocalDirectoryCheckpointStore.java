package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.workspace.FileOwnership;

/**
 * Checkpoints as files of one folder ({@code .checkpoints/} in the workspace by default): {@code <id>.json}, the
 * manifest, and {@code <id>.tar.zst}, the archive. The manifest is written last, by rename, so a checkpoint is
 * listed only once it is complete.
 */
public final class LocalDirectoryCheckpointStore implements CheckpointStore {

    static final String MANIFEST_SUFFIX = ".json";
    static final String ARCHIVE_SUFFIX = ".tar.zst";

    private final Path directory;
    private final String displayName;
    private final FileOwnership ownership;

    public LocalDirectoryCheckpointStore(Path directory, String displayName) {
        this.directory = directory;
        this.displayName = displayName;
        this.ownership = FileOwnership.ofWorkspace(directory);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return "local store " + displayName;
    }

    @Override
    public List<DamagedCheckpoint> damaged() {
        List<DamagedCheckpoint> damaged = new ArrayList<>();
        for (Path manifest : listManifestFiles()) {
            try {
                read(manifest);
            } catch (CheckpointException e) {
                String name = manifest.getFileName().toString();
                damaged.add(DamagedCheckpoint.unreadable(name.substring(0, name.length() - MANIFEST_SUFFIX.length()),
                        modified(manifest), OptionalInt.empty(), e));
            }
        }
        return damaged;
    }

    @Override
    public Optional<String> archiveProblem(Checkpoint checkpoint) {
        Path archive = archivePath(checkpoint.id());
        try {
            long size = Files.size(archive);
            return size == checkpoint.archiveBytes() ? Optional.empty()
                    : Optional.of("its archive has " + size + " bytes, the manifest says " + checkpoint.archiveBytes());
        } catch (IOException e) {
            return Optional.of("its archive " + archive.getFileName() + " is gone");
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public Path newArchiveFile(String id) {
        createDirectory();
        return directory.resolve("." + id + ARCHIVE_SUFFIX + ".partial");
    }

    @Override
    public void save(Checkpoint checkpoint, Path archive) {
        Path manifest = manifestPath(checkpoint.id());
        if (Files.exists(manifest)) {
            throw new CheckpointException("a checkpoint with id '" + checkpoint.id() + "' already exists in "
                    + describe() + "; choose another --checkpoint-id");
        }
        Path temporary = directory.resolve("." + checkpoint.id() + MANIFEST_SUFFIX + ".partial");
        try {
            ownership.claim(archive);
            Files.move(archive, archivePath(checkpoint.id()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            NewFiles.write(temporary, CheckpointCodec.write(checkpoint));
            Files.move(temporary, manifest, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CheckpointException("cannot save checkpoint " + checkpoint.id() + " in " + describe() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<Checkpoint> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + MANIFEST_SUFFIX)) {
            for (Path file : files) {
                if (!file.getFileName().toString().startsWith(".")) {
                    tryRead(file).ifPresent(checkpoints::add);
                }
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot list " + describe() + ": " + e.getMessage(), e);
        }
        checkpoints.sort(Comparator.comparing(Checkpoint::createdAt).thenComparing(Checkpoint::id).reversed());
        return checkpoints;
    }

    @Override
    public Optional<Checkpoint> find(String id) {
        Path manifest = manifestPath(id);
        return Files.isRegularFile(manifest) ? read(manifest) : Optional.empty();
    }

    @Override
    public FetchedArchive fetch(Checkpoint checkpoint, Path scratch) {
        Path archive = archivePath(checkpoint.id());
        if (!Files.isRegularFile(archive)) {
            throw new CheckpointException("checkpoint " + checkpoint.id() + " has lost its archive " + archive
                    + "; delete it with 'recovery cleanup' or restore another one");
        }
        return new FetchedArchive(archive, Optional.empty());
    }

    @Override
    public void delete(Checkpoint checkpoint) {
        try {
            Files.deleteIfExists(manifestPath(checkpoint.id()));
            Files.deleteIfExists(archivePath(checkpoint.id()));
        } catch (IOException e) {
            throw new CheckpointException("cannot delete checkpoint " + checkpoint.id() + " from " + describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Partial files left by an interrupted checkpoint or restore. */
    public List<Path> listLeftovers() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*.partial")) {
            files.forEach(leftovers::add);
        } catch (IOException e) {
            throw new CheckpointException("cannot list " + describe() + ": " + e.getMessage(), e);
        }
        return leftovers;
    }

    Path archivePath(String id) {
        return directory.resolve(id + ARCHIVE_SUFFIX);
    }

    private Path manifestPath(String id) {
        return directory.resolve(id + MANIFEST_SUFFIX);
    }

    /** Damaged manifests are left out here; {@link #damaged} reports them. */
    private Optional<Checkpoint> tryRead(Path manifest) {
        try {
            return read(manifest);
        } catch (CheckpointException e) {
            return Optional.empty();
        }
    }

    /** Every manifest file of the folder, damaged or not, for {@code recovery validate}. */
    public List<Path> listManifestFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> manifests = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "[!.]*" + MANIFEST_SUFFIX)) {
            files.forEach(manifests::add);
        } catch (IOException e) {
            throw new CheckpointException("cannot list " + describe() + ": " + e.getMessage(), e);
        }
        manifests.sort(Comparator.naturalOrder());
        return manifests;
    }

    public Optional<Checkpoint> read(Path manifest) {
        try (InputStream in = Files.newInputStream(manifest)) {
            return Optional.of(CheckpointCodec.read(manifest.toString(), in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }

    private void createDirectory() {
        try {
            NewFiles.createDirectories(directory);
        } catch (IOException e) {
            throw new CheckpointException("cannot create the checkpoint folder " + directory + ": " + e.getMessage(), e);
        }
    }
}
