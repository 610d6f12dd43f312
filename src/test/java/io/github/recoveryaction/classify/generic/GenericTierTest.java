package io.github.recoveryaction.classify.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.recoveryaction.classify.FailureType;

/** The generic tier on its own: what it reads from the wording of the lines before a failure. */
class GenericTierTest {

    private final GenericTier tier = new GenericTier(new CandidateRanker(Lexicon.bundled()));

    private GenericTier.Finding decide(String... lines) {
        return tier.decide(List.of(lines), lines.length);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Error: Request failed with status code 403                                     | permission_error     | http-status
            deploy: HTTP 404 Not Found for https://api.example.com/v2/apps/shop             | configuration_error  | http-status
            upload failed: server responded with 503                                       | network_error        | http-status
            Error: Node.js 18.20.4 is not supported; please upgrade to a supported version | configuration_error  | unsupported-version
            'pwsh7' is not recognized as an internal or external command,                  | configuration_error  | command-not-found
            fatal error: could not open 'scripts/seed.sql': No such file or directory      | configuration_error  | not-found
            Error: connect ECONNREFUSED 10.1.0.4:5432                                      | network_error        | network
            src/Main.scala:14:9: error: type mismatch;                                     | compilation_error    | compiler-diagnostic
            Error: contracts/Token.sol:22:5: ParserError: Expected ';' but got '}'          | compilation_error    | compiler-diagnostic
            Error: PR title "update stuff" does not follow the conventional commit format  | quality_gate_failure | policy
            Coverage 71.3% is below the minimum of 80%                                     | quality_gate_failure | quality
            fatal: Refusing to fetch into branch 'refs/heads/main' checked out at '/repo'   | git_error            | git
            Error: Input required and not supplied: token                                  | configuration_error  | invalid-configuration
            Error in library(data.table) : there is no package called 'data.table'          | dependency_error     | dependency
            Error: No existing credentials found. Please run `vercel login` or pass --token | permission_error     | denied
            Error: this feature is not available in your current Hugo version               | configuration_error  | unsupported-version
            ERROR: 3 dead links found!                                                      | quality_gate_failure | quality
            Stack failed to construct a build plan.                                         | dependency_error     | dependency
            ** (CompileError) lib/shop/cart.ex:12: undefined function total/1 (expected Shop.Cart to define such a function or for it to be imported, but none are available) | compilation_error | compiler-diagnostic
            """)
    void readsTheTypeFromTheWording(String line, String type, String signal) {
        GenericTier.Finding f = decide("Starting the job", line.strip(), "##[error]Process completed with exit code 1.");

        assertThat(f.type().id()).isEqualTo(type);
        assertThat(f.ruleId()).isEqualTo("generic." + signal);
        assertThat(f.rootCause()).isEqualTo(1);
        assertThat(f.confidence()).isBetween(0.3, Lexicon.bundled().confidence().cap());
    }

    @Test
    void aNotFoundWhileDownloadingIsAMissingDependency() {
        GenericTier.Finding f = decide("Installing protoc-gen-lint v9.9.9...",
                "Downloading https://github.com/acme/protoc-gen-lint/releases/download/v9.9.9/linux-amd64.tar.gz",
                "Error: Unexpected HTTP response: 404");

        assertThat(f.type()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(f.ruleId()).isEqualTo("generic.http-status");
    }

    @Test
    void anErrorRecoveredByARetryDoesNotCountButTheFinalOneDoes() {
        GenericTier.Finding f = decide("Error: connect ETIMEDOUT 140.82.112.3:443",
                "Retrying in 5 seconds (attempt 1 of 3)...", "Downloaded the release archive.",
                "Error: Resource not accessible by integration");

        assertThat(f.type()).isEqualTo(FailureType.PERMISSION_ERROR);
        assertThat(f.rootCause()).isEqualTo(3);
    }

    @Test
    void aRetryTheStepEndedWaitingForVouchesForNothing() {
        GenericTier.Finding f = decide("Downloading https://dl.example.org/toolchain-1.9.tar.gz",
                "Warning: Failed to download. Error: Name or service not known (dl.example.org:443)",
                "Warning: Back off 11.2 seconds before retry.",
                "Warning: Failed to download. Error: Name or service not known (dl.example.org:443)",
                "Warning: Back off 19.8 seconds before retry.");

        assertThat(f.type()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(f.rootCause()).isEqualTo(3);
        assertThat(f.cluster()).doesNotContain(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Giving up after 3 attempts.
            Retry limit exceeded (5 retries)
            error: failed after 4 attempts
            Maximum number of retries exceeded
            """)
    void retriesThatGaveUpAreTheFailureNotARecovery(String gaveUp) {
        GenericTier.Finding f = decide("Pushing image ghcr.io/acme/shop:1.4",
                "Error: connect ECONNRESET 140.82.112.3:443", "Retrying in 5 seconds (attempt 1 of 3)...",
                "Error: connect ECONNRESET 140.82.112.3:443", gaveUp.strip());

        assertThat(f.type()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(f.rootCause()).isEqualTo(3);
        assertThat(f.cluster()).contains(3, 4).doesNotContain(1);
    }

    @Test
    void theLastAttemptBeforeGivingUpCountsAlthoughARetryLineFollowsIt() {
        GenericTier.Finding f = decide("Creating the release for tag v1.2.0",
                "Error: release failed with status: 422 Unprocessable Entity", "retrying... (1 retries remaining)",
                "Error: release failed with status: 422 Unprocessable Entity", "retrying... (0 retries remaining)",
                "Too many retries. Aborting...");

        assertThat(f.type()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(f.rootCause()).isEqualTo(3);
    }

    @Test
    void wrapperLinesAndStackFramesAreNotTheRootCause() {
        GenericTier.Finding f = decide("Error: ENOENT: no such file or directory, open 'dist/manifest.json'",
                "    at Object.openSync (node:fs:573:18)", "    at main (/work/scripts/pack.js:12:3)",
                "npm ERR! code ELIFECYCLE", "npm ERR! errno 1",
                "make: *** [Makefile:12: package] Error 1");

        assertThat(f.type()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(f.rootCause()).isEqualTo(0);
    }

    @Test
    void aTestVerdictBeatsTheNetworkWordingOfTheFailingTest() {
        GenericTier.Finding f = decide("AssertionError: expected 200 but got ECONNRESET",
                "Error: connect ECONNREFUSED 127.0.0.1:8080", "3 tests failed");

        assertThat(f.type()).isEqualTo(FailureType.TEST_FAILURE);
    }

    @Test
    void aStepThatPrintedNoDiagnosticIsUnknownWithoutARootCause() {
        GenericTier.Finding f = decide("Compiling sources", "Linking app", "Done in 2.1s");

        assertThat(f.type()).isEqualTo(FailureType.UNKNOWN);
        assertThat(f.rootCause()).isEqualTo(-1);
        assertThat(f.ruleId()).isEqualTo("generic.unrecognized");
    }

    @Test
    void errorsWhoseWordingNamesNoTypeStayUnknownButAreTheCluster() {
        GenericTier.Finding f = decide("step one", "Error: the frobnicator exploded", "Error: giving up");

        assertThat(f.type()).isEqualTo(FailureType.UNKNOWN);
        assertThat(f.cluster()).containsExactly(1, 2);
    }

    @Test
    void zeroErrorSummariesAreNotCandidates() {
        CandidateRanker ranker = new CandidateRanker(Lexicon.bundled());

        assertThat(ranker.kind("✖ 0 errors, 0 warnings")).isNotEqualTo(CandidateRanker.Kind.ERROR);
        assertThat(ranker.kind("Tests: 12 passed, 12 total")).isNotEqualTo(CandidateRanker.Kind.ERROR);
        assertThat(ranker.kind("5 failed, 10 passed in 0.73s")).isEqualTo(CandidateRanker.Kind.ERROR);
    }

    @Test
    void aLineWeightCanRuleALineOut() {
        CandidateRanker ranker = new CandidateRanker(Lexicon.bundled(),
                text -> text.contains("also seen in the last passing run") ? 0 : 1);
        GenericTier withBaseline = new GenericTier(ranker);

        GenericTier.Finding f = withBaseline.decide(List.of("Error: permission denied (also seen in the last passing run)",
                "error: could not find a version that satisfies the requirement acme-sdk==9.1"), 2);

        assertThat(f.type()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(f.cluster()).containsExactly(1);
    }

    @Test
    void noiseFloodsDoNotPushTheCauseOutOfTheWindow() {
        String[] lines = new String[2002];
        lines[0] = "error: linker command failed: undefined reference to `init_tables'";
        for (int i = 1; i < 2001; i++) {
            lines[i] = "    note: Explicit modules is enabled but could not resolve libclang.dylib";
        }
        lines[2001] = "##[error]Process completed with exit code 1.";

        assertThat(tier.decide(List.of(lines), 2001).type()).isEqualTo(FailureType.COMPILATION_ERROR);
    }

    @Test
    void theLexiconIsVersionedData() {
        assertThat(Lexicon.bundled().version()).isPositive();
        assertThat(Lexicon.bundled().signals()).extracting(Lexicon.Signal::id).contains("http-status", "not-found",
                "compiler-diagnostic");
    }
}
