package io.github.recoveryaction.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.GeneratedDocs;
import picocli.CommandLine;

/** {@code docs/cli.md} is the {@code --help} of every command, generated from the picocli annotations. */
class CliDocsTest {

    @Test
    void cliReferenceShowsTheHelpOfEveryCommand() throws IOException {
        CommandLine root = new CommandLine(new RecoveryCommand());
        CommandLineSetup.documentExitCodes(root, new TreeMap<>(ExitCodes.DESCRIPTIONS));
        StringBuilder md = new StringBuilder();
        append(md, root);
        GeneratedDocs.check(Path.of("docs/cli.md"), "commands", md.toString());
    }

    private static void append(StringBuilder md, CommandLine cmd) {
        md.append("### `").append(cmd.getCommandSpec().qualifiedName()).append("`\n\n```text\n")
                .append(cmd.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
        cmd.getSubcommands().values().stream().filter(sub -> !sub.getCommandSpec().usageMessage().hidden())
                .distinct().forEach(sub -> append(md, sub));
    }
}
