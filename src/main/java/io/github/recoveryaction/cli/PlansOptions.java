package io.github.recoveryaction.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.plan.PlanLoader;
import io.github.recoveryaction.plan.Planner;
import picocli.CommandLine.Option;

/** Mixin for {@code --plans FILE}: which plan templates a command uses. */
public class PlansOptions {

    @Option(names = "--plans", paramLabel = "FILE", description = "Plan template overrides merged into the bundled plans by id (default: the configuration's "
            + "plans-file, else .github/recovery-plans.yml in the workspace, when present).")
    Optional<Path> plans;

    Planner planner(Path workspace, RepositoryConfig config) {
        return new Planner(PlanLoader.load(PlanLoader.findOverride(workspace, plans, config.plansFile())));
    }
}
