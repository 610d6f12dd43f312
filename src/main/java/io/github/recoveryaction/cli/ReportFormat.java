package io.github.recoveryaction.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The {@code --format} values of {@code plan} and {@code analyze}. */
enum ReportFormat {
    MARKDOWN,
    JSON,
    TEXT;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the lowercase ids only, like every other public value. */
    static final class Converter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return Arrays.stream(values()).filter(f -> f.id().equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a format; use markdown, "
                            + "json or text"));
        }
    }

    /** The ids for help and completion. */
    static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ReportFormat::id).iterator();
        }
    }
}
