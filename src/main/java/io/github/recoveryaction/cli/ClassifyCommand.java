package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.github.WorkflowCommands;
import io.github.recoveryaction.report.ClassificationJson;
import io.github.recoveryaction.report.ClassificationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "classify", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Name the failing step of CI logs and the root cause of its failure.", description = "Reads GitHub Actions job logs (with or without timestamps, gh run view --log output, run-logs "
        + "zips or folders; UTF-8 or UTF-16) or raw command output, and prints one verdict per file: the root-cause "
        + "job and step, the failure type, the rule (generic.* when no rule knew the tool and the wording decided) "
        + "and the evidence, or 'no failed step found' for a job that passed; empty and binary inputs are named. "
        + "Use - for standard input.")
class ClassifyCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    RulesOptions rules;

    @Mixin
    BaselineOption baseline;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (for people) or json (one JSON object per file, JSON Lines).")
    FormatOption format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files, run-logs zips or folders; - reads stdin.")
    List<String> files;

    @Override
    public Integer call() {
        if (format == FormatOption.markdown) {
            throw new InvalidInputException("--format markdown is not supported by classify; use text or json");
        }
        Classifier classifier = new Classifier(rules.load(environment), this::printWarning);
        PrintWriter err = spec.commandLine().getErr();
        KnownLines known = baseline.load();
        int exit = ExitCodes.OK;
        for (String file : files) {
            try {
                LogInput input = file.equals("-") ? LogInput.of("-", System.in) : LogInput.of(Path.of(file));
                Classification c = classifier.classify(input, known);
                printResult(format == FormatOption.json ? ClassificationJson.toLine(c) : ClassificationText.render(c));
            } catch (InvalidInputException e) {
                err.println("recovery: " + WorkflowCommands.oneLine(e.getMessage()));
                err.flush();
                exit = ExitCodes.USAGE;
            }
        }
        return exit;
    }
}
