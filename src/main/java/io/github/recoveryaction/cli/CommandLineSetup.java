package io.github.recoveryaction.cli;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.github.recoveryaction.github.JGitDefaults;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

@ApplicationScoped
class CommandLineSetup {

    @Produces
    @Singleton
    RunnerEnvironment runnerEnvironment() {
        return RunnerEnvironment.of(ProcessEnvironment.load());
    }

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory, RunnerEnvironment environment) {
        JGitDefaults.avoidStartupProbing();
        ErrorHandling errors = new ErrorHandling(environment);
        CommandLine cmd = factory.create()
                .setExecutionExceptionHandler(errors)
                .setExitCodeExceptionMapper(errors)
                .setParameterExceptionHandler(errors)
                .setDefaultValueProvider(new ActionInputDefaultProvider(environment));
        documentExitCodes(cmd, new TreeMap<>(ExitCodes.DESCRIPTIONS));
        return cmd;
    }

    static void documentExitCodes(CommandLine cmd, Map<String, String> codes) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cmd.getSubcommands().values().forEach(sub -> documentExitCodes(sub, codes));
    }
}
