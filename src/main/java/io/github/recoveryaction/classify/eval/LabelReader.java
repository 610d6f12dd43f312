package io.github.recoveryaction.classify.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.log.LogInput;

/**
 * Reads a labels file: one JSON object per line with file, failureType, stepNumber, stepName and keyLines. A
 * {@code failureType} of {@code null} labels a control: a log of a job that passed.
 */
public final class LabelReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelReader() {
    }

    public static List<Label> read(Path labels) {
        Path base = labels.toAbsolutePath().getParent();
        List<Label> result = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(labels)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    result.add(label(labels, number, line, base));
                }
            }
        } catch (IOException e) {
            throw LogInput.unreadable(labels.toString(), e);
        }
        if (result.isEmpty()) {
            throw new InvalidInputException(labels + " holds no labels (expected one JSON object per line)");
        }
        return result;
    }

    private static Label label(Path labels, int number, String line, Path base) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(labels + ":" + number + ": not valid JSON: " + e.getOriginalMessage());
        }
        String file = node.path("file").asText("");
        if (file.isEmpty()) {
            throw new InvalidInputException(labels + ":" + number + ": field 'file' is missing");
        }
        JsonNode typeNode = node.path("failureType");
        boolean control = typeNode.isNull();
        String type = control ? FailureType.UNKNOWN.id() : typeNode.asText("");
        FailureType failureType = FailureType.findById(type).orElseThrow(() -> new InvalidInputException(
                labels + ":" + number + ": failureType '" + type + "' is not one of " + FailureType.knownIds()));
        JsonNode stepNumber = node.path("stepNumber");
        JsonNode stepName = node.path("stepName");
        List<String> keyLines = new ArrayList<>();
        node.path("keyLines").forEach(k -> keyLines.add(k.asText()));
        return new Label(base.resolve(file), file, failureType,
                stepNumber.isNumber() ? OptionalInt.of(stepNumber.asInt()) : OptionalInt.empty(),
                stepName.isTextual() ? Optional.of(stepName.asText()) : Optional.empty(), keyLines, control);
    }
}
