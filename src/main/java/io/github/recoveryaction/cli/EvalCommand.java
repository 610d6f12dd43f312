package io.github.recoveryaction.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.eval.EvalReport;
import io.github.recoveryaction.classify.eval.Evaluation;
import io.github.recoveryaction.classify.eval.LabelReader;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.report.EvalReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Score the classifier on a labelled corpus of logs.", description = "Classifies every log of a labels file (JSON Lines with file, failureType, stepNumber, stepName "
        + "and keyLines) and prints type accuracy, per-type precision and recall, a confusion matrix, step "
        + "accuracy, key-line recall, the controls (failureType null: jobs that passed) wrongly given a failure, and "
        + "the logs it got wrong. Exits 1 below a --min-* share or when any control is given a failure.")
class EvalCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    RulesOptions rules;

    @Option(names = "--labels", paramLabel = "FILE", required = true, description = "The labels file; log paths in it are relative to its folder.")
    Path labels;

    @Option(names = "--min-accuracy", paramLabel = "SHARE", defaultValue = "0", description = "Exit 1 when the type accuracy is below this share (0..1), e.g. 0.95 in CI.")
    double minAccuracy;

    @Option(names = "--min-key-line-recall", paramLabel = "SHARE", defaultValue = "0", description = "Exit 1 when the share of labelled key lines found in the evidence is below this (0..1).")
    double minKeyLineRecall;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        requireTextOrJson(format);
        share("--min-accuracy", minAccuracy);
        share("--min-key-line-recall", minKeyLineRecall);
        Classifier classifier = new Classifier(rules.load(environment));
        EvalReport report = Evaluation.score(LabelReader.read(labels),
                label -> classifier.classify(LogInput.of(label.file())));
        String shown = labels.toString();
        printResult(format == FormatOption.json
                ? new ObjectMapper().writeValueAsString(EvalReportRenderer.json(report, shown))
                : EvalReportRenderer.text(report, shown));
        if (report.accuracy() < minAccuracy) {
            throw new ToolException(ToolException.Outcome.FAILED, String.format(Locale.ROOT,
                    "type accuracy %.1f%% on %s is below the required %.1f%%", report.accuracy() * 100, shown,
                    minAccuracy * 100));
        }
        if (report.keyLineRecall() < minKeyLineRecall) {
            throw new ToolException(ToolException.Outcome.FAILED, String.format(Locale.ROOT,
                    "key-line recall %.1f%% on %s is below the required %.1f%%", report.keyLineRecall() * 100, shown,
                    minKeyLineRecall * 100));
        }
        if (report.controlsFailed() > 0) {
            throw new ToolException(ToolException.Outcome.FAILED, report.controlsFailed() + " of " + report.controls()
                    + " controls in " + shown + " were given a failure; a job that passed must report no failed step");
        }
        return ExitCodes.OK;
    }

    private static void share(String option, double value) {
        if (value < 0 || value > 1) {
            throw new InvalidInputException(option + " must be between 0 and 1, got " + value);
        }
    }
}
