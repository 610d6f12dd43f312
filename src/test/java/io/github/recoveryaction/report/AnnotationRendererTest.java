package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class AnnotationRendererTest {

    private final AnnotationRenderer renderer = new AnnotationRenderer(Redactor.builtIn());

    @Test
    void escapesDataAndPropertiesAsTheRunnerExpects() {
        Annotation a = new Annotation(Annotation.Level.ERROR, "100% broken\nsecond: line, really",
                Optional.of("Build: a, b"), Optional.of("src/a,b:c.ts"), OptionalInt.of(3), OptionalInt.of(5),
                OptionalInt.of(7));
        assertThat(renderer.render(List.of(a))).containsExactly("::error file=src/a%2Cb%3Ac.ts,line=3,endLine=5,col=7,"
                + "title=Build%3A a%2C b::100%25 broken%0Asecond: line, really");
        assertThat(AnnotationRenderer.data("a\rb%\n")).isEqualTo("a%0Db%25%0A");
    }

    @Test
    void keepsAtMostTenPerLevelAndSummarisesTheRest() {
        List<Annotation> many = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(Annotation.of(Annotation.Level.ERROR, "E" + i, "error " + i));
        }
        many.add(Annotation.of(Annotation.Level.WARNING, "W", "one warning"));
        List<String> lines = renderer.render(many);
        assertThat(lines.stream().filter(l -> l.startsWith("::error"))).hasSize(10);
        assertThat(lines).contains("::error title=More findings::… and 16 more; see the job summary for the full report.")
                .contains("::warning title=W::one warning");
    }

    @Test
    void exactlyTenAreAllKept() {
        List<Annotation> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add(Annotation.of(Annotation.Level.WARNING, "W" + i, "w"));
        }
        assertThat(renderer.render(ten)).hasSize(10).allMatch(l -> !l.contains("More findings"));
    }

    @Test
    void messagesAreRedactedAndBounded() {
        String line = renderer.render(List.of(Annotation.of(Annotation.Level.NOTICE, "t",
                "token ghp_abcdefghijklmnopqrstuvwxyz0123456789 " + "x".repeat(5_000)))).getFirst();
        assertThat(line).contains("token *** ").doesNotContain("ghp_").hasSizeLessThan(4_100);
    }

    @Test
    void reportWithLocationsAnnotatesEachLocation() {
        List<Annotation> annotations = AnnotationRenderer.forReport(ReportFixtures.typescriptCompileError());
        assertThat(annotations).singleElement().satisfies(a -> {
            assertThat(a.file()).contains("src/cart.ts");
            assertThat(a.line()).hasValue(14);
            assertThat(a.column()).hasValue(7);
            assertThat(a.title()).contains("Compilation error in step 3 npm run build");
        });
    }

    @Test
    void reportWithoutLocationsAnnotatesTheStepWithTheNextAction() {
        List<Annotation> annotations = AnnotationRenderer.forReport(ReportFixtures.heavyTimeout());
        assertThat(annotations).singleElement().satisfies(a -> assertThat(a.message())
                .startsWith("The step hit its timeout-minutes limit.\nNext: The step ran 1h 30m 4s against its limit"));
    }
}
