package io.github.recoveryaction.checkpoint;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

/**
 * Unpacks a checkpoint archive into an empty staging folder, refusing anything that could write outside the
 * workspace or that the manifest does not announce: absolute paths, {@code ..}, entries in {@code .git} or the
 * store, links pointing out, hard links to anything but an earlier file of the same archive, devices and pipes,
 * duplicate entries, paths through links, declared sizes beyond the limits or the free space, types, sizes or modes
 * that differ from the manifest, and truncated streams. Content hashes are not recomputed: callers verify the whole
 * archive against the manifest's {@code archiveHash} first. On refusal the caller deletes the staging folder; the workspace
 * itself is never touched here.
 */
public final class SafeExtractor {

    private static final int BUFFER = 1 << 20;
    /** Decompressed bytes kept ahead of the writer: 8 chunks of 1 MiB. */
    private static final int READ_AHEAD_CHUNK = 1 << 20;
    private static final int READ_AHEAD_DEPTH = 8;

    private final WorkspacePaths workspace;
    private final ExtractionLimits limits;

    public SafeExtractor(WorkspacePaths workspace, ExtractionLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    /**
     * @param archive the compressed archive ({@code source} names it in messages)
     * @param expected the manifest's entries by path; every archive entry must match one, and all must appear
     * @param staging an empty folder on the workspace's file system
     */
    public ExtractedArchive extract(String source, InputStream archive, Map<String, FileEntry> expected, Path staging) {
        List<FileEntry> extracted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> links = new HashSet<>();
        Set<Path> createdDirectories = new HashSet<>();
        Map<String, FileEntry> files = new HashMap<>();
        Map<String, FileTime> directoryTimes = new HashMap<>();
        long declaredTotal = 0;
        long free = usableSpace(staging);
        byte[] buffer = new byte[BUFFER];
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ReadAheadInputStream(
                new ZstdInputStreamNoFinalizer(archive), READ_AHEAD_CHUNK, READ_AHEAD_DEPTH),
                TarConstants.DEFAULT_BLKSIZE, TarConstants.DEFAULT_RCDSIZE, "UTF-8")) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = checkedName(source, entry);
                if (!seen.add(name)) {
                    throw refuse(source, name, "appears twice");
                }
                checkParents(source, name, links);
                EntryType type = checkedType(source, name, entry, files);
                long size = type == EntryType.FILE && !entry.isLink() ? entry.getSize() : 0;
                if (size > limits.maxEntryBytes()) {
                    throw refuse(source, name, "declares " + size + " bytes, more than the limit of "
                            + limits.maxEntryBytes() + " bytes per file");
                }
                declaredTotal += size;
                if (declaredTotal > limits.maxTotalBytes() || declaredTotal > free) {
                    throw refuse(source, name, "brings the archive to " + declaredTotal + " bytes, more than "
                            + Math.min(limits.maxTotalBytes(), free) + " bytes (limit or free disk space)");
                }
                FileEntry announced = expected.get(name);
                if (announced == null || announced.type() != type || type == EntryType.FILE && announced.size() != size
                        && !entry.isLink()) {
                    throw refuse(source, name, announced == null ? "is not in the checkpoint's manifest"
                            : "differs from its manifest entry (type or size)");
                }
                Path target = staging.resolve(name);
                if (createdDirectories.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                int mode = entry.getMode() & 0777;
                if (type != EntryType.SYMLINK && mode != announced.mode()) {
                    throw refuse(source, name, "has mode " + StateHash.octal(mode) + " but its manifest entry "
                            + StateHash.octal(announced.mode()));
                }
                FileEntry written = switch (type) {
                    case DIRECTORY -> {
                        if (createdDirectories.add(target)) {
                            Files.createDirectories(target);
                        }
                        directoryTimes.put(name, entry.getLastModifiedTime());
                        yield FileEntry.directory(name, mode);
                    }
                    case SYMLINK -> {
                        links.add(name);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                        yield FileEntry.symlink(name, entry.getLinkName());
                    }
                    default -> entry.isLink() ? hardLink(source, name, entry, staging, files, target)
                            : copy(source, name, tar, size, target, buffer, announced);
                };
                if (type == EntryType.FILE) {
                    files.put(name, written);
                    Files.setPosixFilePermissions(target, PosixModes.permissions(written.mode()));
                    Files.setLastModifiedTime(target, entry.getLastModifiedTime());
                }
                extracted.add(written);
            }
        } catch (CheckpointException e) {
            throw e;
        } catch (EOFException e) {
            throw new CheckpointException("checkpoint archive " + source + " is truncated: " + e.getMessage()
                    + "; nothing was restored", e);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("checkpoint archive " + source + " is truncated or corrupt: " + e.getMessage()
                    + "; nothing was restored", e);
        }
        List<String> missing = expected.keySet().stream().filter(p -> expected.get(p).type() != EntryType.DELETED)
                .filter(p -> !seen.contains(p)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new CheckpointException("checkpoint archive " + source + " lacks " + missing.size()
                    + " entries of its manifest, e.g. '" + missing.get(0) + "': it is truncated or does not belong to it");
        }
        return new ExtractedArchive(extracted, directoryTimes);
    }

    private String checkedName(String source, TarArchiveEntry entry) {
        String raw = entry.getName();
        String name = raw.endsWith("/") && entry.isDirectory() ? raw.substring(0, raw.length() - 1) : raw;
        Optional<String> problem = WorkspacePaths.findProblem(name);
        if (problem.isPresent()) {
            throw refuse(source, raw, problem.get());
        }
        if (workspace.isExcluded(name)) {
            throw refuse(source, name, "would write into .git or the checkpoint store");
        }
        return name;
    }

    private static void checkParents(String source, String name, Set<String> links) {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            if (links.contains(name.substring(0, slash))) {
                throw refuse(source, name, "goes through the link '" + name.substring(0, slash) + "'");
            }
        }
    }

    private static EntryType checkedType(String source, String name, TarArchiveEntry entry, Map<String, FileEntry> files) {
        byte flag = entry.getLinkFlag();
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            throw refuse(source, name, "is a device file or pipe");
        }
        if (entry.isSymbolicLink()) {
            if (!WorkspacePaths.linkStaysInside(name, entry.getLinkName())) {
                throw refuse(source, name, "is a link pointing outside the workspace ('" + entry.getLinkName() + "')");
            }
            return EntryType.SYMLINK;
        }
        if (entry.isLink()) {
            String target = entry.getLinkName();
            if (WorkspacePaths.findProblem(target).isPresent() || !files.containsKey(target)) {
                throw refuse(source, name, "is a hard link to '" + target
                        + "', which is not an earlier file of this archive");
            }
            return EntryType.FILE;
        }
        if (flag == TarConstants.LF_DIR || entry.isDirectory()) {
            return EntryType.DIRECTORY;
        }
        if (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG) {
            if (entry.isSparse()) {
                throw refuse(source, name, "is a sparse file entry, which checkpoints never contain");
            }
            return EntryType.FILE;
        }
        throw refuse(source, name, "has the unsupported tar entry type '" + (char) flag + "'");
    }

    /**
     * Copies one file's content. Its hash is not computed again: the caller verified the whole archive against the
     * manifest's {@code archiveHash}, so the content is the bytes the manifest's hashes were taken from.
     */
    private static FileEntry copy(String source, String name, InputStream in, long size, Path target, byte[] buffer,
            FileEntry announced) throws IOException {
        long left = size;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException("'" + name + "' ends after " + (size - left) + " of " + size + " bytes");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (FileAlreadyExistsException e) {
            throw refuse(source, name, "would overwrite a path of the same archive");
        }
        return announced;
    }

    private static FileEntry hardLink(String source, String name, TarArchiveEntry entry, Path staging,
            Map<String, FileEntry> files, Path target) throws IOException {
        FileEntry original = files.get(entry.getLinkName());
        Files.createLink(target, staging.resolve(original.path()));
        return FileEntry.file(name, original.mode(), original.size(), original.sha256().orElseThrow());
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
