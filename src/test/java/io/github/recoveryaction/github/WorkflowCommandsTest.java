package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter log = new StringWriter();
    private final Deque<String> tokens = new ArrayDeque<>(List.of("t1", "t2", "t3"));

    private WorkflowCommands commands() {
        return new WorkflowCommands(Optional.of(dir.resolve("output")), Optional.of(dir.resolve("summary")),
                new PrintWriter(log), tokens::pop);
    }

    @Test
    void writesOutputsAsHeredocsWithARandomDelimiter() throws IOException {
        WorkflowCommands commands = commands();

        commands.setOutput("failure-type", "test_failure");
        commands.setOutput("plan-json", "{\n \"a\": 1\n}");

        assertThat(Files.readString(dir.resolve("output"))).isEqualTo("""
                failure-type<<ghadelimiter_t1
                test_failure
                ghadelimiter_t1
                plan-json<<ghadelimiter_t2
                {
                 "a": 1
                }
                ghadelimiter_t2
                """);
    }

    @Test
    void choosesAnotherDelimiterWhenTheValueContainsTheFirst() throws IOException {
        commands().setOutput("x", "line\nghadelimiter_t1\nevil=1");

        assertThat(Files.readString(dir.resolve("output"))).startsWith("x<<ghadelimiter_t1_t2\n")
                .endsWith("\nghadelimiter_t1_t2\n");
    }

    @Test
    void theDelimiterGrowsUntilTheValueDoesNotContainIt() throws IOException {
        WorkflowCommands commands = new WorkflowCommands(Optional.of(dir.resolve("output")), Optional.empty(),
                new PrintWriter(log), () -> "x");
        String value = "ghadelimiter_x\nghadelimiter_x_x\nghadelimiter_x_x_x_\nevil=1";

        commands.setOutput("x", value);

        String file = Files.readString(dir.resolve("output"));
        String delimiter = file.substring("x<<".length(), file.indexOf('\n'));
        assertThat(value).doesNotContain(delimiter);
        assertThat(file).isEqualTo("x<<" + delimiter + "\n" + value + "\n" + delimiter + "\n");
    }

    @Test
    void infoLinesThatCouldBeCommandsAreFenced() {
        WorkflowCommands commands = commands();

        commands.info("Analysing job ::add-mask::secret");
        commands.info("  ::error title=x::forged");

        assertThat(log.toString().lines()).containsExactly("Analysing job ::add-mask::secret",
                "::stop-commands::recovery-t1", "  ::error title=x::forged", "::recovery-t1::");
    }

    @Test
    void noticesAndWarningsStayOnOneLine() {
        WorkflowCommands commands = commands();

        commands.notice("job build\n::error::forged");
        commands.warning("step\r\n::add-mask::x");

        assertThat(log.toString().lines()).containsExactly("::notice::job build%0A::error::forged",
                "::warning::step%0D%0A::add-mask::x");
    }

    @Test
    void rejectsOutputNamesThatCouldBreakTheFile() {
        assertThatThrownBy(() -> commands().setOutput("a\nb", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropsOutputsAndSummaryOutsideActions() {
        WorkflowCommands commands = new WorkflowCommands(Optional.empty(), Optional.empty(), new PrintWriter(log),
                tokens::pop);

        assertThat(commands.setOutput("a", "b")).isFalse();
        assertThat(commands.appendSummary("# hi")).isFalse();
        assertThat(commands.hasOutputFile()).isFalse();
    }

    @Test
    void appendsToTheSummaryAndKeepsItWithinTheRunnersLimit() throws IOException {
        WorkflowCommands commands = commands();
        commands.appendSummary("# Recovery plan");
        String big = "| row |\n".repeat(200_000);

        commands.appendSummary(big);

        String summary = Files.readString(dir.resolve("summary"));
        assertThat(summary).startsWith("# Recovery plan\n| row |\n").contains("truncated");
        assertThat(Files.size(dir.resolve("summary"))).isLessThanOrEqualTo(WorkflowCommands.SUMMARY_LIMIT_BYTES);
    }

    @Test
    void escapesCommandDataAndProperties() {
        WorkflowCommands commands = commands();

        commands.warning("50% done\nnext line");
        commands.startGroup("Downloading job logs");
        commands.endGroup();
        commands.addMask("s3cret");

        assertThat(log.toString().lines()).containsExactly("::warning::50%25 done%0Anext line",
                "::group::Downloading job logs", "::endgroup::", "::add-mask::s3cret");
        assertThat(WorkflowCommands.escapeProperty("src/A.java:12, x")).isEqualTo("src/A.java%3A12%2C x");
    }

    @Test
    void fencesUntrustedTextWithARandomStopToken() {
        commands().echoUntrusted("::set-output name=x::y\n::add-mask::z");

        assertThat(log.toString().lines()).containsExactly("::stop-commands::recovery-t1",
                "::set-output name=x::y", "::add-mask::z", "::recovery-t1::");
    }

    @Test
    void fencesPrintedTextOnlyWhenALineCouldBeACommand() {
        WorkflowCommands commands = commands();

        commands.printUntrusted("Saved checkpoint c1\n  after step 2 (::x::)");
        commands.printUntrusted("failed: boom\n  ::add-mask::secret");
        commands.printUntrusted("##[error]old form");

        assertThat(log.toString()).startsWith("Saved checkpoint c1\n  after step 2 (::x::)\n::stop-commands::recovery-");
        assertThat(log.toString().lines().filter(l -> l.startsWith("::stop-commands::"))).hasSize(2);
        assertThat(WorkflowCommands.couldHoldCommands("a ::b:: c")).isFalse();
        assertThat(WorkflowCommands.oneLine("bad\r\n::add-mask::x")).isEqualTo("bad\\r\\n::add-mask::x");
    }

    @Test
    void groupsWorkAndClosesTheGroupOnFailure() {
        WorkflowCommands commands = commands();

        assertThatThrownBy(() -> commands.group("Classifying failures", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(log.toString().lines()).containsExactly("::group::Classifying failures", "::endgroup::");
    }
}
