package io.github.recoveryaction.classify;

import static io.github.recoveryaction.classify.JobLogBuilder.jobLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.log.LogInput;

class EvidencePickerTest {

    @Test
    void aSpreadOrderVisitsEveryLineOnceAndAnyPrefixIsSpread() {
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(i);
        }

        List<Integer> order = EvidencePicker.spreadOrder(lines);

        assertThat(order).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(order.subList(0, 4)).containsExactly(0, 64, 32, 96);
        assertThat(EvidencePicker.spreadOrder(List.of(7))).containsExactly(7);
        assertThat(EvidencePicker.spreadOrder(List.of())).isEmpty();
    }

    @Test
    void aFloodOfFindingsIsShownFromAcrossTheStepNotOnlyItsFirstFile() {
        List<String> output = new ArrayList<>();
        String[] rules = { "no-unused-vars", "no-console", "eqeqeq", "no-undef" };
        for (int f = 0; f < 8; f++) {
            output.add("/home/runner/work/web/web/src/page" + f + ".js");
            for (int k = 0; k < 12; k++) {
                output.add("  " + (k * 3 + 1) + ":" + (k + 2) + "  error  Finding " + rules[k % 4] + " here  "
                        + rules[k % 4]);
            }
            output.add("");
        }
        output.add("✖ 96 problems (96 errors, 0 warnings)");
        String log = jobLog().step("npx eslint src", output.toArray(String[]::new)).exit(1).post().build();

        Classification c = new Classifier(ClassifierTest.RULES)
                .classify(LogInput.of("lint.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));

        long files = c.evidence().stream().mapToLong(Evidence::line)
                .map(line -> (line - c.evidence().get(0).line()) / 14).distinct().count();
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(files).isGreaterThanOrEqualTo(4);
        assertThat(c.evidence()).extracting(Evidence::text).contains("✖ 96 problems (96 errors, 0 warnings)");
    }

    @Test
    void eachKindOfFindingIsShownInEveryFileItReached() {
        List<String> output = new ArrayList<>();
        String[] files = { "app/models.py", "app/views.py", "app/forms.py" };
        int[] counts = { 40, 40, 8 };
        for (int f = 0; f < files.length; f++) {
            for (int k = 0; k < counts[f]; k++) {
                output.add(files[f] + ":" + (k * 4 + 3) + ":1: W293 blank line contains whitespace");
                if (k % 5 == 0) {
                    output.add(files[f] + ":" + (k * 4 + 5) + ":1: F401 'os' imported but unused");
                }
            }
            output.add(files[f] + ":" + (counts[f] * 4 + 9) + ":80: E501 line too long (88 > 79 characters)");
        }
        String log = jobLog().step("flake8 app/", output.toArray(String[]::new)).exit(1).post().build();

        Classification c = new Classifier(ClassifierTest.RULES)
                .classify(LogInput.of("lint.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));

        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.evidence()).extracting(Evidence::text)
                .contains("app/forms.py:41:80: E501 line too long (88 > 79 characters)");
    }

    @Test
    void aKindIsTheShapeAndTheFileTheLineNames() {
        assertThat(EvidencePicker.kind("src/a.py:3:1: W293 blank line"))
                .isNotEqualTo(EvidencePicker.kind("src/b.py:9:1: W293 blank line"));
        assertThat(EvidencePicker.kind("Foo.cs(12,4): error CS0103: x")).endsWith("@Foo.cs");
        assertThat(EvidencePicker.kind("error: something broke")).isEqualTo(EvidencePicker.shape("error: something broke"));
    }
}
