package io.github.recoveryaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parts of the docs generated from the code and data they describe, between {@code <!-- BEGIN GENERATED: name -->}
 * and {@code <!-- END GENERATED: name -->}. Tests compare them with what the sources generate today and fail on
 * drift; {@value #REGENERATE} rewrites them instead.
 */
public final class GeneratedDocs {

    public static final String REGENERATE = "mvn -q test -Drecovery.docs.update=true";
    private static final boolean UPDATE = Boolean.getBoolean("recovery.docs.update");

    private GeneratedDocs() {
    }

    /** Checks (or, when updating, rewrites) the generated block {@code name} of {@code page}. */
    public static void check(Path page, String name, String generated) throws IOException {
        if (!Files.exists(page)) {
            fail(page + " is missing");
        }
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Pattern block = Pattern.compile("(<!-- BEGIN GENERATED: " + Pattern.quote(name) + " -->\n)(.*?)(<!-- END GENERATED: "
                + Pattern.quote(name) + " -->)", Pattern.DOTALL);
        Matcher m = block.matcher(text);
        if (!m.find()) {
            fail(page + " has no <!-- BEGIN GENERATED: " + name + " --> ... <!-- END GENERATED: " + name + " --> markers");
        }
        if (UPDATE) {
            Files.writeString(page, m.replaceFirst(Matcher.quoteReplacement(m.group(1) + generated + m.group(3))),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(m.group(2)).as("%s (%s) is out of date with its sources; regenerate with %s and commit the docs", page,
                name, REGENERATE).isEqualTo(generated);
    }
}
