package io.github.recoveryaction.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

import io.github.recoveryaction.classify.rules.RuleLoader;
import io.github.recoveryaction.classify.rules.RuleSet;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.github.RunnerEnvironment;
import picocli.CommandLine.Option;

/** Mixin for {@code --rules FILE} and {@code --workspace DIR}: which rules a command uses. */
public class RulesOptions {

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule overrides merged into the bundled rules by id (default: rules-file of "
            + ".github/recovery.yml, else .github/recovery-rules.yml in the workspace, when present).")
    Optional<Path> rules;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The repository checkout (default: $GITHUB_WORKSPACE, else the current directory).")
    Optional<Path> workspace;

    Path workspace(RunnerEnvironment environment) {
        return workspace.or(environment::workspace).orElse(Paths.get(""));
    }

    RuleSet load(RunnerEnvironment environment) {
        Path root = workspace(environment);
        return RuleLoader.loadForWorkspace(root, rules, RepositoryConfigLoader.loadFromWorkspace(root).rulesFile());
    }
}
