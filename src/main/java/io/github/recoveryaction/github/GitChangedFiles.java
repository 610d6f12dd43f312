package io.github.recoveryaction.github;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The files a change touched, like {@code git diff --name-only $(git merge-base BASE HEAD) HEAD}, read with JGit.
 * Used for the {@code auto} lane when the pull request's file list is not known.
 */
public final class GitChangedFiles {

    /** Base refs tried in order after the one the caller names (e.g. from {@code GITHUB_BASE_REF}). */
    static final List<String> DEFAULT_BASES = List.of("origin/HEAD", "origin/main", "origin/master", "main", "master");

    private GitChangedFiles() {
    }

    /**
     * Changed paths of {@code HEAD} against its merge base with {@code baseRef} (or the first default base that
     * exists). When {@code HEAD} is on the base itself (a push to main), the last commit's changes. Empty when the
     * workspace is not a git repository or the history is too shallow to find a merge base.
     */
    public static Optional<List<String>> find(Path workspace, Optional<String> baseRef) {
        HermeticSystemReader.install();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workspace.toAbsolutePath().toFile())
                .setMustExist(true);
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.build(); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            RevCommit headCommit = walk.parseCommit(head);
            Optional<RevCommit> base = mergeBase(repo, walk, headCommit, candidates(baseRef));
            RevCommit from = base.filter(b -> !b.equals(headCommit)).orElse(null);
            if (from == null) {
                if (headCommit.getParentCount() == 0) {
                    return Optional.empty();
                }
                from = walk.parseCommit(headCommit.getParent(0));
            }
            return Optional.of(diff(repo, from, headCommit));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> candidates(Optional<String> baseRef) {
        List<String> refs = new ArrayList<>();
        baseRef.filter(r -> !r.isBlank()).ifPresent(r -> {
            refs.add("origin/" + r);
            refs.add(r);
        });
        refs.addAll(DEFAULT_BASES);
        return refs;
    }

    private static Optional<RevCommit> mergeBase(Repository repo, RevWalk walk, RevCommit head, List<String> refs)
            throws IOException {
        for (String ref : refs) {
            ObjectId id = repo.resolve(ref);
            if (id == null) {
                continue;
            }
            try (RevWalk baseWalk = new RevWalk(repo)) {
                baseWalk.setRevFilter(RevFilter.MERGE_BASE);
                baseWalk.markStart(baseWalk.parseCommit(id));
                baseWalk.markStart(baseWalk.parseCommit(head));
                RevCommit base = baseWalk.next();
                if (base != null) {
                    return Optional.of(walk.parseCommit(base));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> diff(Repository repo, RevCommit from, RevCommit to) throws IOException {
        try (DiffFormatter f = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            f.setRepository(repo);
            List<String> paths = new ArrayList<>();
            for (DiffEntry e : f.scan(from.getTree(), to.getTree())) {
                paths.add(e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath());
            }
            return paths;
        }
    }
}
