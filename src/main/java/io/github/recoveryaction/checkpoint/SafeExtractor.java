package io.github.recoveryaction.checkpoint;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Unpacks a checkpoint into an empty staging folder: its own archive, then the content its pieces (earlier
 * checkpoints' archives) hold for it. It refuses anything that could write outside the workspace or that the
 * manifest does not announce: absolute paths, {@code ..}, entries in {@code .git} or the store, links pointing out,
 * hard links to anything but an earlier file of the same archive, devices and pipes, duplicate entries, paths through
 * links, declared sizes beyond the limits or the free space, types, sizes or modes that differ from the manifest, and
 * truncated streams. Content hashes are not recomputed: the caller compares each archive's hash with the manifest
 * once its stream has ended, before anything leaves the staging folder. On refusal the caller deletes the staging
 * folder; the workspace itself is never touched here.
 */
final class SafeExtractor {

    private final WorkspacePaths workspace;
    private final ExtractionLimits limits;
    private final StagedFiles staged;
    private final Set<String> links = new HashSet<>();
    private final Map<String, FileTime> directoryTimes = new HashMap<>();
    private final long free;
    private long declaredTotal;

    /** @param staging an empty folder on the workspace's file system */
    SafeExtractor(WorkspacePaths workspace, ExtractionLimits limits, Path staging) {
        this.workspace = workspace;
        this.limits = limits;
        this.staged = new StagedFiles(staging);
        this.free = usableSpace(staging);
    }

    /** The checkpoint's own archive: every entry must match one of its manifest entries, and all must appear. */
    void extractOwn(String source, TarReader tar, Checkpoint checkpoint) {
        Map<String, FileEntry> expected = new HashMap<>();
        checkpoint.fileList().stream().filter(FileEntry::inOwnArchive).forEach(e -> expected.put(e.path(), e));
        Set<String> seen = new HashSet<>();
        Map<String, FileEntry> files = new HashMap<>();
        try {
            for (Optional<TarReader.Header> next = tar.next(); next.isPresent(); next = tar.next()) {
                TarReader.Header entry = next.get();
                String name = checkedName(source, entry);
                if (!seen.add(name)) {
                    throw refuse(source, name, "appears twice");
                }
                checkParents(source, name);
                EntryType type = checkedType(source, name, entry, files);
                boolean hardLink = entry.type() == '1';
                long size = type == EntryType.FILE && !hardLink ? entry.size() : 0;
                declare(source, name, size);
                FileEntry announced = expected.get(name);
                if (announced == null || announced.type() != type || type == EntryType.FILE && !hardLink
                        && announced.size() != size) {
                    throw refuse(source, name, announced == null ? "is not in the checkpoint's manifest"
                            : "differs from its manifest entry (type or size)");
                }
                int mode = entry.mode() & 0777;
                if (type != EntryType.SYMLINK && mode != announced.mode()) {
                    throw refuse(source, name, "has mode " + StateHash.octal(mode) + " but its manifest entry "
                            + StateHash.octal(announced.mode()));
                }
                long mtime = announced.mtimeMillis().orElse(entry.mtimeMillis());
                switch (type) {
                    case DIRECTORY -> {
                        staged.directory(name);
                        directoryTimes.put(name, FileTime.fromMillis(mtime));
                    }
                    case SYMLINK -> {
                        links.add(name);
                        staged.symlink(name, entry.linkName());
                    }
                    default -> {
                        if (hardLink) {
                            staged.copyOf(entry.linkName(), name, files.get(entry.linkName()).size(), announced.mode());
                        } else {
                            try (FileChannel out = staged.newFile(name, announced.mode())) {
                                tar.copyContent(out, TarReader.ContentObserver.NONE);
                            }
                        }
                        staged.finishFile(name, announced.mode(), mtime);
                        files.put(name, announced);
                    }
                }
            }
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(source, e);
        }
        List<String> missing = expected.keySet().stream().filter(p -> !seen.contains(p)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new CheckpointException("checkpoint archive " + source + " lacks " + missing.size()
                    + " entries of its manifest, e.g. '" + missing.get(0) + "': it is truncated or does not belong to it");
        }
    }

    /**
     * Content an incremental checkpoint takes from a piece: the files of the piece's archive whose SHA-256 is in
     * {@code wanted} are written to every path that wants them; the rest is read past. Satisfied hashes are removed
     * from {@code wanted}.
     *
     * @param piece the piece's manifest, which names the content of each of its archive's entries
     */
    void extractFromPiece(String source, TarReader tar, Checkpoint piece, Map<String, List<FileEntry>> wanted) {
        Map<String, FileEntry> pieceFiles = new HashMap<>();
        piece.fileList().stream().filter(e -> e.type() == EntryType.FILE && e.inOwnArchive())
                .forEach(e -> pieceFiles.put(e.path(), e));
        try {
            for (Optional<TarReader.Header> next = tar.next(); next.isPresent(); next = tar.next()) {
                TarReader.Header entry = next.get();
                if (!entry.isFile()) {
                    continue;
                }
                FileEntry known = pieceFiles.get(entry.name());
                if (known == null || known.size() != entry.size()) {
                    throw new CheckpointException(source + " does not match its manifest at entry '" + entry.name()
                            + "'; nothing was restored");
                }
                List<FileEntry> targets = wanted.remove(known.sha256().orElseThrow());
                if (targets != null) {
                    writeAll(source, tar, targets);
                }
            }
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(source, e);
        }
    }

    private void writeAll(String source, TarReader tar, List<FileEntry> targets) throws IOException {
        List<FileChannel> outs = new ArrayList<>();
        try {
            for (FileEntry target : targets) {
                checkParents(source, target.path());
                declare(source, target.path(), target.size());
                outs.add(staged.newFile(target.path(), target.mode()));
            }
            tar.readContent((data, offset, length) -> {
                for (FileChannel out : outs) {
                    StagedFiles.writeFully(out, data, offset, length);
                }
            });
        } finally {
            for (FileChannel out : outs) {
                out.close();
            }
        }
        for (FileEntry target : targets) {
            staged.finishFile(target.path(), target.mode(), target.mtimeMillis().orElse(System.currentTimeMillis()));
        }
    }

    /** What was unpacked, in manifest order (parents before children). */
    ExtractedArchive result(Checkpoint checkpoint) {
        List<FileEntry> entries = checkpoint.fileList().stream().filter(e -> e.type() != EntryType.DELETED).toList();
        return new ExtractedArchive(entries, directoryTimes);
    }

    private void declare(String source, String name, long size) {
        if (size > limits.maxEntryBytes()) {
            throw refuse(source, name, "declares " + size + " bytes, more than the limit of " + limits.maxEntryBytes()
                    + " bytes per file");
        }
        declaredTotal += size;
        if (declaredTotal > limits.maxTotalBytes() || declaredTotal > free) {
            throw refuse(source, name, "brings the archive to " + declaredTotal + " bytes, more than "
                    + Math.min(limits.maxTotalBytes(), free) + " bytes (limit or free disk space)");
        }
    }

    private String checkedName(String source, TarReader.Header entry) {
        String raw = entry.name();
        String name = raw.endsWith("/") && entry.type() == '5' ? raw.substring(0, raw.length() - 1) : raw;
        Optional<String> problem = WorkspacePaths.findProblem(name);
        if (problem.isPresent()) {
            throw refuse(source, raw, problem.get());
        }
        if (workspace.isExcluded(name)) {
            throw refuse(source, name, "would write into .git or the checkpoint store");
        }
        return name;
    }

    private void checkParents(String source, String name) {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            if (links.contains(name.substring(0, slash))) {
                throw refuse(source, name, "goes through the link '" + name.substring(0, slash) + "'");
            }
        }
    }

    private static EntryType checkedType(String source, String name, TarReader.Header entry,
            Map<String, FileEntry> files) {
        char flag = entry.type();
        if (flag == '3' || flag == '4' || flag == '6') {
            throw refuse(source, name, "is a device file or pipe");
        }
        if (flag == '2') {
            if (!WorkspacePaths.linkStaysInside(name, entry.linkName())) {
                throw refuse(source, name, "is a link pointing outside the workspace ('" + entry.linkName() + "')");
            }
            return EntryType.SYMLINK;
        }
        if (flag == '1') {
            String target = entry.linkName();
            if (WorkspacePaths.findProblem(target).isPresent() || !files.containsKey(target)) {
                throw refuse(source, name, "is a hard link to '" + target
                        + "', which is not an earlier file of this archive");
            }
            return EntryType.FILE;
        }
        if (flag == '5') {
            return EntryType.DIRECTORY;
        }
        if (entry.isFile() || flag == 'S') {
            if (entry.sparse()) {
                throw refuse(source, name, "is a sparse file entry, which checkpoints never contain");
            }
            return EntryType.FILE;
        }
        throw refuse(source, name, "has the unsupported tar entry type '" + flag + "'");
    }

    private static CheckpointException unreadable(String source, Exception e) {
        if (e instanceof EOFException) {
            return new CheckpointException("checkpoint archive " + source + " is truncated: " + e.getMessage()
                    + "; nothing was restored", e);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new CheckpointException("checkpoint archive " + source + " writes '" + e.getMessage()
                    + "' twice; nothing was restored", e);
        }
        return new CheckpointException("checkpoint archive " + source + " is truncated or corrupt: " + e.getMessage()
                + "; nothing was restored", e);
    }

    private static long usableSpace(Path staging) {
        try {
            return Files.getFileStore(staging).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static CheckpointException refuse(String source, String entry, String problem) {
        return new CheckpointException("refusing checkpoint archive " + source + ": entry '" + entry + "' " + problem
                + "; nothing was restored");
    }
}
