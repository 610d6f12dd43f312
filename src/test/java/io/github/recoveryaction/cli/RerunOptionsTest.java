package io.github.recoveryaction.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.config.RerunSelection;
import io.github.recoveryaction.config.RerunSettings;
import io.github.recoveryaction.github.RunnerEnvironment;
import picocli.CommandLine;

/** {@code --rerun}, {@code --max-attempts}, {@code --rerun-delay}, {@code --rerun-dry-run}: options over inputs. */
class RerunOptionsTest {

    private static RerunSettings parse(Map<String, String> env, String... args) {
        RunnerEnvironment environment = RunnerEnvironment.of(env);
        ReportCommand command = new ReportCommand();
        new CommandLine(command).setDefaultValueProvider(new ActionInputDefaultProvider(environment)).parseArgs(args);
        return new SettingsParser(environment).parse(command).rerun();
    }

    @Test
    void optionsWinOverInputsAndBlankInputsAreAbsent() {
        RerunSettings s = parse(Map.of("INPUT_RERUN", "network_error", "INPUT_MAX-ATTEMPTS", "4",
                "INPUT_RERUN-DELAY", "", "INPUT_RERUN-DRY-RUN", ""), "--rerun", "transient", "--rerun-dry-run");

        assertThat(s.rerun()).contains(RerunSelection.parse("transient"));
        assertThat(s.maxAttempts()).contains(4);
        assertThat(s.delay()).isEmpty();
        assertThat(s.dryRun()).contains(true);
        assertThat(parse(Map.of("INPUT_RERUN-DELAY", "2m")).delay()).contains(Duration.ofMinutes(2));
        assertThat(parse(Map.of()).rerun()).isEmpty();
    }

    @Test
    void badValuesAreOneLineNamingTheValueAndTheFix() {
        assertThatThrownBy(() -> parse(Map.of(), "--rerun", "transiant")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("rerun: 'transiant' is not off, transient or a list of failure types (");
        assertThatThrownBy(() -> parse(Map.of("INPUT_MAX-ATTEMPTS", "60")))
                .hasMessage("max-attempts: '60' is not a whole number from 1 to 50 (GitHub re-runs a run at most 50 "
                        + "times)");
        assertThatThrownBy(() -> parse(Map.of(), "--rerun-delay", "5 minutes"))
                .hasMessage("rerun-delay: '5 minutes' is not a duration like 0s, 30s, 5m or 1h");
        assertThatThrownBy(() -> parse(Map.of("INPUT_RERUN-DRY-RUN", "yes")))
                .hasMessage("rerun-dry-run: 'yes' is not true or false");
    }
}
