package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class CppRulesTest {

    @Test
    void gccErrorWithUnicodeQuotesGivesFileLineColumnAndMessage() {
        Classification c = classify("""
                src/parser.c: In function ‘parse’:
                src/parser.c:6:5: error: expected ‘,’ or ‘;’ before ‘return’
                    6 |     return n;
                      |     ^~~~~~
                src/parser.c:5:9: warning: unused variable ‘n’ [-Wunused-variable]
                make: *** [<builtin>: src/parser.o] Error 1
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.rule()).isEqualTo("gcc.compile-error");
        assertThat(c.details().locations()).singleElement().satisfies(l -> {
            assertThat(l.file()).isEqualTo("src/parser.c");
            assertThat(l.line()).hasValue(6);
            assertThat(l.column()).hasValue(5);
            assertThat(l.message()).isEqualTo("expected ‘,’ or ‘;’ before ‘return’");
        });
        // the wrapper line names the target that failed; it joins the evidence after the compiler's lines
        assertThat(c.evidence().get(c.evidence().size() - 1).text()).startsWith("make: ***");
    }

    @Test
    void missingLibraryHeaderIsADependencyButAMissingProjectHeaderIsCompilation() {
        Classification library = classify("""
                src/tls.c:3:10: fatal error: openssl/ssl.h: No such file or directory
                    3 | #include <openssl/ssl.h>
                      |          ^~~~~~~~~~~~~~~
                compilation terminated.
                """);
        assertThat(library.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(library.details().dependencies()).containsExactly("openssl/ssl.h");

        Classification project = classify("""
                src/app.cpp:2:10: fatal error: widget/config.hpp: No such file or directory
                    2 | #include "widget/config.hpp"
                compilation terminated.
                """);
        assertThat(project.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(project.rule()).isEqualTo("gcc.missing-header");
    }

    @Test
    void undefinedReferenceDecidesOverTheCollect2ConsequenceLine() {
        Classification c = classify("""
                /usr/bin/ld: build/main.o: in function `main':
                main.cpp:(.text+0x2d): undefined reference to `Engine::start(int)'
                collect2: error: ld returned 1 exit status
                make: *** [Makefile:31: build/app] Error 1
                """);
        assertThat(c.rule()).isEqualTo("ld.undefined-symbol");
        assertThat(c.evidence()).anyMatch(e -> e.text().contains("undefined reference to"));
    }

    @Test
    void missingLinkLibraryIsADependencyError() {
        Classification c = classify(
                "/usr/bin/ld: cannot find -lpq: No such file or directory\ncollect2: error: ld returned 1 exit status\n");
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).containsExactly("pq");
    }

    @Test
    void makeErrorAloneStaysUnknownButIsShownAsEvidence() {
        Classification c = classify("Deploying to staging\nmake: *** [Makefile:6: deploy] Error 1\n");
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.evidence()).anyMatch(e -> e.text().equals("make: *** [Makefile:6: deploy] Error 1"));
    }

    @Test
    void cmakeMissingPackageNamesTheDependency() {
        Classification c = classify("""
                CMake Error at CMakeLists.txt:12 (find_package):
                  Could not find a package configuration file provided by "fmt" with any of
                  the following names:
                -- Configuring incomplete, errors occurred!
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).containsExactly("fmt");
    }

    @Test
    void ctestAndGoogleTestNameTheFailingTests() {
        Classification c = classify("""
                [ RUN      ] QueueTest.Overflow
                /w/test/queue_test.cc:48: Failure
                Expected equality of these values:
                [  FAILED  ] QueueTest.Overflow (0 ms)
                [  FAILED  ] Param/QueueTest.Sizes/2, where GetParam() = 4 (0 ms)
                67% tests passed, 1 tests failed out of 3
                The following tests FAILED:
                	  2 - queue_tests (Failed)
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("QueueTest.Overflow", "Param/QueueTest.Sizes/2",
                "queue_tests");
        assertThat(c.details().locations()).anySatisfy(l -> assertThat(l.file()).isEqualTo("/w/test/queue_test.cc"));
    }

    @Test
    void catch2TestCaseNameComesFromItsHeader() {
        Classification c = classify("""
                -------------------------------------------------------------------------------
                Parser rejects empty input
                -------------------------------------------------------------------------------
                /w/tests/parser.cpp:20
                ...............................................................................

                /w/tests/parser.cpp:23: FAILED:
                  CHECK_THROWS( parse("") )
                ===============================================================================
                test cases: 5 | 4 passed | 1 failed
                assertions: 9 | 8 passed | 1 failed
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("Parser rejects empty input");
    }

    @Test
    void linterFindingsInCompilerFormatAreQualityGates() {
        assertThat(classify("src/a.cpp:14:22: error: code should be clang-formatted [-Wclang-format-violations]\n").rule())
                .isEqualTo("clang-format.violation");
        assertThat(classify("/w/src/e.cpp:31:14: error: use auto [modernize-use-auto,-warnings-as-errors]\n").rule())
                .isEqualTo("clang-tidy.finding");
        assertThat(classify(
                "src/buffer.c:27:13: error: Array 'buf[16]' accessed at index 16, which is out of bounds. [arrayIndexOutOfBounds]\n")
                .rule())
                .isEqualTo("cppcheck.finding");
    }

    @Test
    void warningsAloneAreNotCompileErrors() {
        Classification c = classify("src/util.c:12:9: warning: unused variable ‘n’ [-Wunused-variable]\n");
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void compileErrorInsideANativeDependencyBuildIsADependencyError() {
        Classification c = classify("""
                [ 18%] Building CXX object _deps/fmt-build/CMakeFiles/fmt.dir/src/format.cc.o
                /w/build/_deps/fmt-src/include/fmt/base.h:1392:3: error: static assertion failed
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
    }

    @Test
    void sanitizerReportIsATestFailure() {
        Classification c = classify("""
                ==4183==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000050 at pc 0x55d1
                SUMMARY: AddressSanitizer: heap-use-after-free /w/src/cache.cpp:41 in Cache::get(int)
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.rule()).isEqualTo("sanitizer.error");
    }
}
