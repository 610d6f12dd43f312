package io.github.recoveryaction.cli;

import java.io.PrintWriter;

import jakarta.inject.Inject;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command has: its picocli spec (whose streams it writes to, so tests capture them), the runner
 * environment read once at start, and {@code -v/--verbose}.
 */
abstract class CommandBase {

    @Spec
    CommandSpec spec;

    @Inject
    RunnerEnvironment environment;

    @Mixin
    VerboseOption verbose;

    /**
     * Prints the command's result on stdout. Results hold text from logs and inputs, so inside GitHub Actions a
     * result that could be read as a workflow command is fenced ({@link WorkflowCommands#printUntrusted}).
     */
    void printResult(String text) {
        PrintWriter out = spec.commandLine().getOut();
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (environment.inGitHubActions()) {
            WorkflowCommands.of(environment, out).printUntrusted(body);
        } else {
            out.println(body);
            out.flush();
        }
    }

    /**
     * The usage error for a missing option that this command needs, naming the option, the action input of the same
     * name and the command, since the action reports it for {@code command: <name>}.
     */
    InvalidInputException required(String option, String what) {
        return new InvalidInputException("--" + option + " is required by " + spec.name() + " (action input " + option
                + "): " + what);
    }

    /** Commands that print only text or JSON refuse markdown rather than print text under its name. */
    void requireTextOrJson(FormatOption format) {
        requireTextOrJson(spec.name(), format);
    }

    static void requireTextOrJson(String command, FormatOption format) {
        if (format != FormatOption.text && format != FormatOption.json) {
            throw new InvalidInputException("--format " + format + " is not supported by " + command
                    + "; use text or json");
        }
    }

    /** A warning on stderr, on one line so that nothing in it starts a workflow command. */
    void printWarning(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("recovery: warning: " + WorkflowCommands.oneLine(message));
        err.flush();
    }
}
