package io.github.recoveryaction.github;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk.IgnoreSubmoduleMode;

import io.github.recoveryaction.ToolException;

/**
 * The git repository a workspace belongs to, read with JGit (no {@code git} executable needed, none started): the
 * commit, the branch and how the working tree differs from {@code HEAD}. Paths are relative to the workspace, which
 * may be a sub-directory of the work tree.
 */
public final class GitRepository implements AutoCloseable {

    private final Repository repository;
    private final String prefix;

    private GitRepository(Repository repository, String prefix) {
        this.repository = repository;
        this.prefix = prefix;
    }

    /** The repository containing {@code workspace}, or empty when it is in none (or only in a bare one). */
    public static Optional<GitRepository> find(Path workspace) {
        HermeticSystemReader.install();
        Path absolute = workspace.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(absolute.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            neutraliseFilters(repository.getConfig());
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            String relative = workTree.relativize(absolute).toString().replace('\\', '/');
            return Optional.of(new GitRepository(repository, relative.isEmpty() ? "" : relative + "/"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ToolException(ToolException.Outcome.FAILED, "cannot read the git repository at "
                    + builder.getGitDir() + ": " + e.getMessage(), e);
        }
    }

    /** The commit {@code HEAD} points at; empty in a repository without commits. */
    public Optional<String> head() {
        try {
            ObjectId id = repository.resolve(Constants.HEAD);
            return Optional.ofNullable(id).map(ObjectId::name);
        } catch (IOException e) {
            throw failure("resolve HEAD", e);
        }
    }

    /** The checked-out branch's short name; empty when {@code HEAD} is detached (as in most CI checkouts). */
    public Optional<String> branch() {
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            if (head == null || !head.isSymbolic()) {
                return Optional.empty();
            }
            return Optional.of(Repository.shortenRefName(head.getTarget().getName()));
        } catch (IOException e) {
            throw failure("read HEAD", e);
        }
    }

    public WorkingTreeStatus status() {
        try (Git git = new Git(repository)) {
            Status s = git.status().setIgnoreSubmodules(IgnoreSubmoduleMode.ALL).call();
            Set<String> changed = new HashSet<>(s.getAdded());
            changed.addAll(s.getChanged());
            changed.addAll(s.getModified());
            Set<String> deleted = new HashSet<>(s.getRemoved());
            deleted.addAll(s.getMissing());
            changed.removeAll(deleted);
            return new WorkingTreeStatus(inWorkspace(changed), inWorkspace(deleted), inWorkspace(s.getUntracked()),
                    inWorkspace(s.getConflicting()), repository.getRepositoryState().name());
        } catch (GitAPIException | RuntimeException e) {
            throw failure("compute the working tree status", e);
        }
    }

    /** Whether the index tracks {@code relativePath} or anything below it (cleanup never removes tracked files). */
    public boolean tracksAnythingUnder(String relativePath) {
        try {
            DirCache index = repository.readDirCache();
            String path = prefix + relativePath;
            return index.findEntry(path) >= 0 || index.getEntriesWithin(path).length > 0;
        } catch (IOException e) {
            throw failure("read the index", e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    private Set<String> inWorkspace(Set<String> repositoryPaths) {
        Set<String> result = new HashSet<>();
        for (String p : repositoryPaths) {
            if (p.startsWith(prefix)) {
                result.add(p.substring(prefix.length()));
            }
        }
        return result;
    }

    /**
     * Clean/smudge filters (git-lfs and the like) are external programs; comparing raw content instead may report a
     * filtered file as changed, which only captures it once more.
     */
    private static void neutraliseFilters(StoredConfig config) {
        for (String name : config.getSubsections("filter")) {
            config.unset("filter", name, "clean");
            config.unset("filter", name, "smudge");
            config.unset("filter", name, "process");
        }
    }

    private ToolException failure(String what, Exception e) {
        return new ToolException(ToolException.Outcome.FAILED, "cannot " + what + " of the git repository at "
                + repository.getDirectory() + ": " + e.getMessage(), e);
    }
}
