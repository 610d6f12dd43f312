package io.github.recoveryaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** docs/architecture.md's package table names every package of src/main/java, so a new one cannot go unexplained. */
class ArchitectureDocsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/recoveryaction");
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9.]*)`");

    @Test
    void everyPackageIsInTheArchitectureTable() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String row : tableRows()) {
            Matcher m = NAME.matcher(row);
            while (m.find()) {
                documented.add(m.group(1));
            }
        }
        assertThat(packages()).allSatisfy(p -> assertThat(documented)
                .as("docs/architecture.md's package table names package %s", p).contains(p));
    }

    private static List<String> tableRows() throws IOException {
        return Files.readAllLines(Path.of("docs/architecture.md"), StandardCharsets.UTF_8).stream()
                .dropWhile(l -> !l.startsWith("| package |")).takeWhile(l -> l.startsWith("|")).skip(2).toList();
    }

    /** Packages by their name below io.github.recoveryaction; the root package itself is {@code recoveryaction}. */
    private static Set<String> packages() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Set<String> names = new TreeSet<>();
            files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).map(SOURCES::relativize)
                    .map(p -> p.toString().isEmpty() ? "recoveryaction" : p.toString().replace('/', '.'))
                    .forEach(names::add);
            return names;
        }
    }
}
