package io.github.recoveryaction.report;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.GeneratedDocs;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.plan.PlanCatalog;
import io.github.recoveryaction.plan.PlanLoader;

/**
 * The plan tables and references in {@code docs/} are generated from the plan data (see {@link GeneratedDocs}).
 */
class PlanDocsTest {

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
        GeneratedDocs.check(page, name, generated);
    }
}
