package io.github.recoveryaction.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReportsTest {

    @TempDir
    Path dir;

    @Test
    void readsFailuresAndErrorsWithMessagesAndTheTestsLine() throws IOException {
        Path report = Files.writeString(dir.resolve("TEST-x.xml"), """
                <testsuites><testsuite name="s">
                  <testcase classname="com.example.CartTest" name="ok"/>
                  <testcase classname="com.example.CartTest" name="bad">
                    <failure message="expected 1">at com.example.Cart.total(Cart.java:10)
                at com.example.CartTest.bad(CartTest.java:42)</failure>
                  </testcase>
                  <testcase classname="test_api" name="test_get" file="tests/test_api.py">
                    <error>ConnectionError: refused
                more</error>
                  </testcase>
                </testsuite></testsuites>""");

        List<FailedTest> failures = JUnitReports.read(report);

        assertThat(failures).hasSize(2);
        assertThat(failures.get(0).displayName()).isEqualTo("com.example.CartTest.bad");
        assertThat(failures.get(0).message()).isEqualTo("expected 1");
        assertThat(failures.get(0).file()).contains("CartTest.java");
        assertThat(failures.get(0).line()).hasValue(42);
        assertThat(failures.get(1).message()).isEqualTo("ConnectionError: refused");
        assertThat(failures.get(1).file()).contains("tests/test_api.py");
    }

    @Test
    void refusesDoctypesSoReportsCannotReadLocalFiles() throws IOException {
        Path report = Files.writeString(dir.resolve("evil.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <testsuite><testcase classname="a" name="b"><failure message="&secret;"/></testcase></testsuite>""");

        assertThatThrownBy(() -> JUnitReports.read(report)).isInstanceOf(IOException.class);
    }
}
