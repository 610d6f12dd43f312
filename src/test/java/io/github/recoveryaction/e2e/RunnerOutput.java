package io.github.recoveryaction.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a step leaves for the runner, read as the runner reads it: file commands, and workflow commands in its log. */
final class RunnerOutput {

    private RunnerOutput() {
    }

    /** {@code name=value} lines and the heredoc form {@code name<<DELIMITER}. */
    static Map<String, String> parseFileCommands(Path file) {
        Map<String, String> values = new TreeMap<>();
        List<String> lines = EmulatedRunner.read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            if (heredoc > 0) {
                String delimiter = line.substring(heredoc + 2);
                List<String> value = new ArrayList<>();
                for (i++; !lines.get(i).equals(delimiter); i++) {
                    value.add(lines.get(i));
                }
                values.put(line.substring(0, heredoc), String.join("\n", value));
            } else if (line.contains("=")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    /**
     * The lines of a step's output (stdout and stderr, both scanned) that the runner would run as workflow commands:
     * after leading whitespace {@code ::name…::} or the older {@code ##[name…]}, outside {@code ::stop-commands::}
     * fences.
     */
    static List<String> workflowCommands(String output) {
        List<String> commands = new ArrayList<>();
        String stopToken = null;
        for (String raw : output.lines().toList()) {
            String line = raw.strip();
            if (stopToken != null) {
                if (line.equals("::" + stopToken + "::")) {
                    stopToken = null;
                }
            } else if (line.startsWith("::stop-commands::")) {
                stopToken = line.substring("::stop-commands::".length());
            } else if (line.startsWith("::") || line.startsWith("##[")) {
                commands.add(line);
            }
        }
        return commands;
    }
}
