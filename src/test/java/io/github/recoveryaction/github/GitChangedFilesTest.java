package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitChangedFilesTest {

    @TempDir
    Path dir;

    @Test
    void listsFilesChangedSinceTheMergeBase() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "src/App.java", "class App {}");
            git.checkout().setCreateBranch(true).setName("feature").call();
            commit(git, "README.md", "# hi");
            commit(git, "docs/guide.md", "guide");
            git.checkout().setName("main").call();
            commit(git, "src/Other.java", "class Other {}");
            git.checkout().setName("feature").call();
        }
        assertThat(GitChangedFiles.find(dir, Optional.of("main"))).hasValueSatisfying(
                files -> assertThat(files).containsExactlyInAnyOrder("README.md", "docs/guide.md"));
    }

    @Test
    void onTheBaseBranchItListsTheLastCommit() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "src/App.java", "class App {}");
            commit(git, "CHANGELOG.md", "1.0");
        }
        assertThat(GitChangedFiles.find(dir, Optional.empty())).contains(List.of("CHANGELOG.md"));
    }

    @Test
    void findsTheRepositoryFromASubdirectory() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "src/App.java", "class App {}");
            commit(git, "docs/guide.md", "guide");
        }
        assertThat(GitChangedFiles.find(dir.resolve("src"), Optional.empty())).contains(List.of("docs/guide.md"));
    }

    @Test
    void notARepositoryGivesEmpty() {
        assertThat(GitChangedFiles.find(dir, Optional.empty())).isEmpty();
    }

    private void commit(Git git, String path, String text) throws IOException, GitAPIException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        git.add().addFilepattern(path).call();
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        git.commit().setMessage("add " + path).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}
