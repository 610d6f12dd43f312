package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.plan.PlanCatalog;
import io.github.recoveryaction.plan.PlanLoader;

/**
 * The generated parts of {@code docs/} (between {@code <!-- BEGIN GENERATED: name -->} and
 * {@code <!-- END GENERATED: name -->}) must equal what the plan data generates today.
 */
class PlanDocsTest {

    /** Run with {@code -Drecovery.docs.update=true} to rewrite the generated parts. */
    private static final boolean UPDATE = Boolean.getBoolean("recovery.docs.update");
    private static final String HOW = "run mvn -q test -Dtest=PlanDocsTest -Drecovery.docs.update=true and commit "
            + "the docs";
    private static final PlanCatalog CATALOG = PlanLoader.bundledCatalog();

    @Test
    void failureTypePagesShowThePlanData() throws IOException {
        for (FailureType type : FailureType.values()) {
            check(Path.of("docs/failure-types/" + type.id() + ".md"), "plan-table",
                    PlanDocsMarkdown.planTable(CATALOG, type));
        }
    }

    @Test
    void planReferenceShowsEcosystemsAndPlaceholders() throws IOException {
        Path page = Path.of("docs/recovery-plans.md");
        check(page, "ecosystems", PlanDocsMarkdown.ecosystemTable(CATALOG));
        check(page, "placeholders", PlanDocsMarkdown.placeholderTable());
    }

    private static void check(Path page, String name, String generated) throws IOException {
        if (!Files.exists(page)) {
            fail(page + " is missing; every failure type has a page with a generated plan table");
        }
        String text = Files.readString(page);
        Pattern block = Pattern.compile("(<!-- BEGIN GENERATED: " + name + " -->\n)(.*?)(<!-- END GENERATED: " + name
                + " -->)", Pattern.DOTALL);
        Matcher m = block.matcher(text);
        if (!m.find()) {
            fail(page + " has no <!-- BEGIN GENERATED: " + name + " --> ... <!-- END GENERATED: " + name
                    + " --> markers");
        }
        if (UPDATE) {
            Files.writeString(page, m.replaceFirst(Matcher.quoteReplacement(m.group(1) + generated + m.group(3))));
            return;
        }
        assertThat(m.group(2)).as(page + " (" + name + ") is out of date with src/main/resources/plans; " + HOW)
                .isEqualTo(generated);
    }
}
