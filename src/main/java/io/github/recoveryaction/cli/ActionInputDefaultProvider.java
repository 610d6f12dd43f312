package io.github.recoveryaction.cli;

import java.util.Optional;

import io.github.recoveryaction.github.RunnerEnvironment;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes action inputs the defaults of the options with the same name: {@code --log-files} defaults to
 * {@code INPUT_LOG-FILES} (upper-cased, hyphens kept, as the runner names it). A command-line option still wins, so
 * local runs use flags and {@code action.yml} needs no {@code args:} list. Blank inputs count as not given: the
 * runner sets every declared input, empty when the workflow leaves it out and it has no default.
 */
final class ActionInputDefaultProvider implements IDefaultValueProvider {

    private final RunnerEnvironment environment;

    ActionInputDefaultProvider(RunnerEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        return inputName(option).flatMap(environment::findInput).orElse(null);
    }

    /** The input an option reads: its long name without dashes; options without a long name read none. */
    static Optional<String> inputName(OptionSpec option) {
        String longest = option.longestName();
        return longest.startsWith("--") ? Optional.of(longest.substring(2)) : Optional.empty();
    }
}
