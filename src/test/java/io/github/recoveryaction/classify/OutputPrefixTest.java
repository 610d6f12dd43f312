package io.github.recoveryaction.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputPrefixTest {

    @Test
    void stripsBuildKitProgressPrefixes() {
        assertThat(OutputPrefix.strip("#12 3.456 npm error code E404")).isEqualTo("npm error code E404");
        assertThat(OutputPrefix.strip("#12 [build 4/6] RUN npm ci")).isEqualTo("#12 [build 4/6] RUN npm ci");
    }

    @Test
    void stripsComposeServiceColumns() {
        assertThat(OutputPrefix.strip("api-1  | Error: connect ECONNREFUSED")).isEqualTo("Error: connect ECONNREFUSED");
        assertThat(OutputPrefix.strip("web_1    | ready")).isEqualTo("ready");
    }

    @Test
    void stripsGoLoggerDates() {
        assertThat(OutputPrefix.strip("2024/01/02 15:04:05 failed to load config: open app.yaml: no such file"))
                .isEqualTo("failed to load config: open app.yaml: no such file");
        assertThat(OutputPrefix.strip("2024/01/02 15:04:05.123456 panic: boom")).isEqualTo("panic: boom");
        assertThat(OutputPrefix.strip("2024/01/02 is a date")).isEqualTo("2024/01/02 is a date");
    }

    @Test
    void stripsWorkspaceRunnerPackageColumns() {
        assertThat(OutputPrefix.strip("packages/ui lint:   12:5  error  'x' is defined but never used  no-unused-vars"))
                .isEqualTo("  12:5  error  'x' is defined but never used  no-unused-vars");
        assertThat(OutputPrefix.strip("apps/web test:unit: FAIL src/app.test.ts")).isEqualTo("FAIL src/app.test.ts");
        assertThat(OutputPrefix.strip("packages/core build$ tsc -p .")).isEqualTo("tsc -p .");
        assertThat(OutputPrefix.strip("@acme/web:build: Error: Cannot find module 'x'"))
                .isEqualTo("Error: Cannot find module 'x'");
        assertThat(OutputPrefix.strip("web:lint: ./src/a.ts")).isEqualTo("./src/a.ts");
    }

    @Test
    void stripsFlutterVerboseElapsedTime() {
        assertThat(OutputPrefix.strip("[   +8 ms]    info • Unused import • lib/a.dart:3:8 • unused_import"))
                .isEqualTo("   info • Unused import • lib/a.dart:3:8 • unused_import");
        assertThat(OutputPrefix.strip("[        ] 2 issues found. (ran in 3.1s)")).isEqualTo("2 issues found. (ran in 3.1s)");
        assertThat(OutputPrefix.strip("[+1204 ms] Analyzing app...")).isEqualTo("Analyzing app...");
        assertThat(OutputPrefix.strip("[ ] todo item")).isEqualTo("[ ] todo item");
        assertThat(OutputPrefix.strip("[INFO] Building demo")).isEqualTo("[INFO] Building demo");
    }

    @Test
    void leavesOtherLinesAlone() {
        assertThat(OutputPrefix.strip("error:TS2304: Cannot find name")).isEqualTo("error:TS2304: Cannot find name");
        assertThat(OutputPrefix.strip("src/app.ts:12:5: error: x")).isEqualTo("src/app.ts:12:5: error: x");
        assertThat(OutputPrefix.strip("remote: error: GH013")).isEqualTo("remote: error: GH013");
        assertThat(OutputPrefix.strip("./src/index.ts Module not found")).isEqualTo("./src/index.ts Module not found");
        assertThat(OutputPrefix.strip("All files |   80.5 |")).isEqualTo("All files |   80.5 |");
        assertThat(OutputPrefix.strip("#1 is not a number")).isEqualTo("#1 is not a number");
        assertThat(OutputPrefix.strip("step-2 | x")).isEqualTo("x");
        assertThat(OutputPrefix.strip("")).isEmpty();
    }
}
