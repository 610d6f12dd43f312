package io.github.recoveryaction.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.report.Annotation;
import io.github.recoveryaction.report.AnnotationRenderer;

/**
 * Error annotations on the evidence: the renderer's annotations for each report (source locations, else the failing
 * step with its next action), then one per failing test whose file and line are known. The renderer keeps within
 * the runner's 10 annotations per level and step.
 */
final class EvidenceAnnotations {

    private final AnnotationRenderer renderer;

    EvidenceAnnotations(AnnotationRenderer renderer) {
        this.renderer = renderer;
    }

    List<String> lines(Report report) {
        List<Annotation> annotations = new ArrayList<>();
        for (PlannedFailure planned : report.failures()) {
            List<Annotation> forReport = AnnotationRenderer.forReport(planned.plan().report());
            List<Annotation> forTests = planned.failure().failedTests().stream()
                    .filter(t -> t.file().isPresent() && t.line().isPresent())
                    .map(t -> new Annotation(Annotation.Level.ERROR, t.message().isBlank() ? "failed" : t.message(),
                            Optional.of("Test failed: " + t.displayName()), t.file(), t.line(), OptionalInt.empty(),
                            OptionalInt.empty()))
                    .toList();
            annotations.addAll(forReport);
            annotations.addAll(forTests);
        }
        return renderer.render(annotations);
    }
}
