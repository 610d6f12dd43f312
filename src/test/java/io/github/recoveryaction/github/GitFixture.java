package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A git work tree for tests, built fluently with JGit (no git executable). */
public final class GitFixture implements AutoCloseable {

    private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com");

    private final Path root;
    private final Git git;

    private GitFixture(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    public static GitFixture init(Path root) {
        HermeticSystemReader.install();
        try {
            return new GitFixture(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return root;
    }

    public GitFixture write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GitFixture commitAll(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public String head() {
        try {
            return git.getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GitFixture checkoutDetached(String commit) {
        try {
            git.checkout().setName(commit).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
