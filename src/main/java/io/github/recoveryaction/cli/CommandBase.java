package io.github.recoveryaction.cli;

import jakarta.inject.Inject;

import io.github.recoveryaction.github.RunnerEnvironment;
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
}
