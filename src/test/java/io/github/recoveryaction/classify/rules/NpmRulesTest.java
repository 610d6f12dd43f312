package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static io.github.recoveryaction.classify.rules.RuleTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

/** The package-manager and Node.js rules of npm.yaml: precedence traps and the details plans rely on. */
class NpmRulesTest {

    @Test
    void npmCiThatFailsOnAConnectionResetIsANetworkError() {
        Classification c = classify("""
                npm error code ECONNRESET
                npm error syscall read
                npm error errno ECONNRESET
                npm error network request to https://registry.npmjs.org/react failed, reason: read ECONNRESET
                npm error network This is a problem related to network connectivity.
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(c.rule()).isEqualTo("npm.network-error");
        assertThat(texts(c)).contains("npm error code ECONNRESET",
                "npm error network request to https://registry.npmjs.org/react failed, reason: read ECONNRESET");
    }

    @Test
    void namesTheVersionRangeThatMatchesNothing() {
        Classification c = classify("""
                npm ERR! code ETARGET
                npm ERR! notarget No matching version found for typescript@^9.0.0.
                npm ERR! notarget In most cases you or one of your dependencies are requesting
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).containsExactly("typescript@^9.0.0");
    }

    @Test
    void namesBothSidesOfAPeerConflict() {
        Classification c = classify("""
                npm error code ERESOLVE
                npm error ERESOLVE unable to resolve dependency tree
                npm error While resolving: dashboard@0.9.0
                npm error Found: react@17.0.2
                npm error Could not resolve dependency:
                npm error peer react@"^18.0.0" from @tanstack/react-query@5.66.0
                npm error Conflicting peer dependency: react@18.3.1
                """);

        assertThat(c.rule()).isEqualTo("npm.eresolve");
        assertThat(c.details().dependencies()).containsExactly("dashboard@0.9.0", "react@18.3.1");
    }

    @Test
    void aLockFileOutOfSyncIsADependencyErrorNotTheUsageErrorNpmWrapsItIn() {
        Classification c = classify(
                """
                        npm error code EUSAGE
                        npm error
                        npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.
                        npm error
                        npm error Missing: zod@3.24.2 from lock file
                        """);

        assertThat(c.rule()).isEqualTo("npm.ci-lockfile-out-of-sync");
        assertThat(c.details().dependencies()).containsExactly("zod@3.24.2");
    }

    @Test
    void aMissingScriptNamesTheScript() {
        Classification c = classify("""
                npm error Missing script: "test:e2e"
                npm error
                npm error To see a list of scripts, run:
                npm error   npm run
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.details().command()).contains("test:e2e");
    }

    @Test
    void publishingAnExistingVersionIsNotACredentialProblem() {
        Classification c = classify(
                """
                        npm error code E403
                        npm error 403 403 Forbidden - PUT https://registry.npmjs.org/@acme%2fui-kit - You cannot publish over the previously published versions: 3.2.0.
                        npm error 403 In most cases, you or one of your dependencies are requesting
                        """);

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.rule()).isEqualTo("npm.publish-version-exists");
    }

    @Test
    void aFailedLifecycleScriptAloneIsOnlyAConsequence() {
        Classification c = classify("""
                > reporting@1.0.0 build
                > node scripts/render.js

                rendering 14 reports
                npm ERR! code ELIFECYCLE
                npm ERR! errno 3
                npm ERR! reporting@1.0.0 build: `node scripts/render.js`
                npm ERR! Exit status 3
                npm ERR! Failed at the reporting@1.0.0 build script.
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(texts(c)).contains("npm ERR! code ELIFECYCLE");
    }

    @Test
    void lifecycleLinesNeverWinOverTheCause() {
        Classification c = classify("""
                FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
                npm ERR! code ELIFECYCLE
                npm ERR! errno 134
                npm ERR! Failed at the site@1.0.0 build script.
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.RESOURCE_EXHAUSTION);
        assertThat(c.rule()).isEqualTo("node.heap-out-of-memory");
    }

    @Test
    void warningsOfAPassingInstallAreNotTheCause() {
        Classification c = classify("""
                npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.
                npm warn EBADENGINE Unsupported engine {
                npm warn ERESOLVE overriding peer dependency

                added 412 packages, and audited 413 packages in 9s
                3 moderate severity vulnerabilities

                To address all issues, run:
                  npm audit fix
                deploying...
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void aMissingPackageIsADependencyErrorAndAMissingFileAConfigurationError() {
        Classification pkg = classify("""
                Error: Cannot find module '@aws-sdk/client-s3/dist-cjs/index.js'
                Require stack:
                - /home/runner/work/app/app/scripts/upload.js
                """);
        Classification file = classify("""
                Error: Cannot find module '/home/runner/work/app/app/dist/server.js'
                    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)
                """);

        assertThat(pkg.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(pkg.details().dependencies()).containsExactly("@aws-sdk/client-s3");
        assertThat(file.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(file.details().locations()).extracting(l -> l.file())
                .containsExactly("/home/runner/work/app/app/dist/server.js");
    }

    @Test
    void aRelativeModuleMissingInsideNodeModulesIsABrokenInstall() {
        Classification c = classify("""
                Error: Cannot find module './lib/tokenize'
                Require stack:
                - /home/runner/work/app/app/node_modules/postcss/lib/postcss.js
                """);

        assertThat(c.rule()).isEqualTo("node.broken-package-module");
    }

    @Test
    void pnpmAndYarnLockFilesOutOfDateAreDependencyErrors() {
        assertThat(classify(
                """
                         ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with <ROOT>/package.json
                        """)
                .rule()).isEqualTo("pnpm.lockfile-outdated");
        assertThat(classify("""
                ➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.
                ➤ YN0000: · Failed with errors in 1s 421ms
                """).rule()).isEqualTo("yarn.lockfile-frozen");
    }

    @Test
    void aPrivateGitDependencyThatIsNotFoundIsACredentialProblem() {
        Classification c = classify("""
                npm error code 128
                npm error An unknown git error occurred
                npm error command git --no-replace-objects ls-remote https://github.com/acme/private-ui-kit.git
                npm error remote: Repository not found.
                npm error fatal: repository 'https://github.com/acme/private-ui-kit.git/' not found
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void aMissingTagOfAGitDependencyIsADependencyError() {
        Classification c = classify(
                """
                        npm error code 128
                        npm error An unknown git error occurred
                        npm error command git --no-replace-objects clone -b v3.0.0 https://github.com/acme/charts.git /tmp/git-clone --depth=1
                        npm error fatal: Remote branch v3.0.0 not found in upstream origin
                        """);

        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
    }

    @Test
    void aYarnNetworkRetryThatSucceededIsNotTheCause() {
        Classification c = classify("""
                info There appears to be trouble with your network connection. Retrying...
                [4/4] Building fresh packages...
                success Saved lockfile.
                $ node scripts/check.js
                check failed: 3 pages without title
                error Command failed with exit code 1.
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
    }

}
