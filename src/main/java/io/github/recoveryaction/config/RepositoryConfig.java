package io.github.recoveryaction.config;

import java.util.Optional;

/**
 * The per-repository configuration file ({@code .github/recovery.yml}), parsed once. Every section has defaults, so
 * a repository without the file behaves like one with an empty file.
 *
 * @param rulesFile rule overrides, relative to the workspace
 * @param plansFile plan template overrides, relative to the workspace
 * @param rerun the re-run keys ({@code rerun}, {@code max-attempts}, …), below inputs and options in precedence
 */
public record RepositoryConfig(
        Optional<String> rulesFile,
        Optional<String> plansFile,
        LaneConfig lanes,
        ReportConfig report,
        CheckpointConfig checkpoints,
        CleanupConfig cleanup,
        RerunSettings rerun,
        HistoryConfig history) {

    public static final String DEFAULT_PATH = ".github/recovery.yml";
    public static final String DEFAULT_RULES_FILE = ".github/recovery-rules.yml";
    public static final String DEFAULT_PLANS_FILE = ".github/recovery-plans.yml";

    public static final RepositoryConfig DEFAULT = new RepositoryConfig(Optional.empty(), Optional.empty(),
            LaneConfig.DEFAULT, ReportConfig.DEFAULT, CheckpointConfig.DEFAULT, CleanupConfig.DEFAULT, RerunSettings.NONE,
            HistoryConfig.DEFAULT);
}
