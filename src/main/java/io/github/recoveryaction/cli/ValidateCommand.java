package io.github.recoveryaction.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.checkpoint.CheckpointCodec;
import io.github.recoveryaction.checkpoint.CheckpointText;
import io.github.recoveryaction.checkpoint.CheckpointValidator;
import io.github.recoveryaction.checkpoint.ValidationReport;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Check the workspace and every stored checkpoint.", description = "Checks that the workspace is writable with free space, the critical files are present, the git "
        + "repository is readable and not mid-merge, the configuration is valid and every checkpoint's archive "
        + "still matches its hash. Exits 1 when a check fails.")
class ValidateCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    CheckpointStoreOptions storeOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json ({\"ok\":bool,\"checks\":[{\"name\",\"ok\",\"detail\"}]}).")
    FormatOption format;

    @Override
    public Integer call() {
        requireTextOrJson(format);
        RepositoryConfig config = RepositoryConfig.DEFAULT;
        Optional<String> configProblem = Optional.empty();
        try {
            config = RepositoryConfigLoader.loadFromWorkspace(storeOptions.workspace(environment));
        } catch (ToolException e) {
            configProblem = Optional.of(e.getMessage());
        }
        CheckpointStoreOptions.Context context = storeOptions.context(environment, spec.commandLine().getErr(), config);
        ValidationReport report = new CheckpointValidator(context.workspace()).validate(configProblem,
                config.checkpoints().criticalFiles(), context.open(storeOptions.jobKey(), Optional.empty()),
                context.localStore());
        printResult(format == FormatOption.json ? CheckpointCodec.toJsonLine(CheckpointText.validationJson(report))
                : CheckpointText.validation(report));
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
