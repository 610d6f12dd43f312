package io.github.recoveryaction.action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.github.recoveryaction.rerun.AttemptTests.Reports;

/**
 * Reads failing test cases from JUnit XML reports (Surefire, Gradle, pytest {@code --junitxml}, Jest reporters):
 * every {@code <testcase>} with a {@code <failure>} or {@code <error>} child. DTDs and external entities are
 * refused: reports come from the build under test.
 */
final class JUnitReports {

    /** A report listing more failures than this is cut; the summary says how many were left out. */
    static final int MAX_FAILURES = 100;

    private static final int MAX_MESSAGE = 500;
    /** {@code at com.example.FooTest.bar(FooTest.java:42)} in a Java stack trace. */
    private static final Pattern JAVA_FRAME = Pattern.compile("\\(([\\w$]+\\.(?:java|kt|scala|groovy)):(\\d+)\\)");

    private JUnitReports() {
    }

    /** @throws IOException when a file cannot be read or is not well-formed XML */
    static List<FailedTest> read(Path report) throws IOException {
        List<FailedTest> failures = new ArrayList<>();
        try (InputStream in = Files.newInputStream(report)) {
            scan(in, new Listener() {
                @Override
                public void failure(FailedTest test) {
                    failures.add(test);
                }

                @Override
                public boolean full() {
                    return failures.size() >= MAX_FAILURES;
                }
            });
        }
        return failures;
    }

    /**
     * Which test cases of a report failed (failure or error) and which passed (neither, nor skipped), by
     * {@link FailedTest#displayName()}.
     */
    static Reports outcomes(InputStream report) throws IOException {
        Set<String> failed = new LinkedHashSet<>();
        Set<String> passed = new LinkedHashSet<>();
        scan(report, new Listener() {
            @Override
            public void finished(String test, boolean failure, boolean skipped) {
                if (failure) {
                    failed.add(test);
                } else if (!skipped) {
                    passed.add(test);
                }
            }
        });
        passed.removeAll(failed);
        return new Reports(failed, passed);
    }

    /** Receives a report's test cases as they are read. */
    private interface Listener {
        default void failure(FailedTest test) {
        }

        default void finished(String test, boolean failure, boolean skipped) {
        }

        default boolean full() {
            return false;
        }
    }

    private static void scan(InputStream in, Listener listener) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String suite = "";
            String name = "";
            Optional<String> file = Optional.empty();
            boolean failed = false;
            boolean skipped = false;
            while (xml.hasNext() && !listener.full()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("testcase")) {
                    listener.finished(suite.isEmpty() ? name : suite + "." + name, failed, skipped);
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "testcase" -> {
                        suite = attribute(xml, "classname");
                        name = attribute(xml, "name");
                        file = Optional.of(attribute(xml, "file")).filter(f -> !f.isEmpty());
                        failed = false;
                        skipped = false;
                    }
                    case "failure", "error" -> {
                        String message = attribute(xml, "message");
                        String text = xml.getElementText();
                        failed = true;
                        listener.failure(failure(suite, name, message, text, file));
                    }
                    case "skipped" -> skipped = true;
                    default -> {
                        // suites, properties and output elements carry nothing the report uses
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("not a JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static FailedTest failure(String suite, String name, String message, String text, Optional<String> file) {
        String shown = message.isBlank() ? firstLine(text) : message;
        OptionalInt line = OptionalInt.empty();
        Matcher frame = JAVA_FRAME.matcher(text);
        String simpleName = suite.substring(suite.lastIndexOf('.') + 1);
        while (frame.find()) {
            if (frame.group(1).startsWith(simpleName + ".")) {
                line = OptionalInt.of(Integer.parseInt(frame.group(2)));
                if (file.isEmpty()) {
                    file = Optional.of(frame.group(1));
                }
                break;
            }
        }
        return new FailedTest(suite, name, shorten(shown.strip()), file, line);
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
