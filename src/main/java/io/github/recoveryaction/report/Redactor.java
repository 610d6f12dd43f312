package io.github.recoveryaction.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.recoveryaction.InvalidInputException;

/**
 * Replaces secrets with {@value #MASK} before any text leaves the program: GitHub, npm and PyPI tokens, AWS keys,
 * private-key blocks, {@code Authorization} headers and bearer tokens, passwords in URLs and assignments, plus the
 * repository's own patterns ({@code report.redact} in {@code .github/recovery.yml}). Keys and schemes stay visible
 * ({@code Authorization: Bearer ***}) so that a reader still sees what was there.
 */
public final class Redactor {

    public static final String MASK = "***";

    /** A secret's pattern, and lowercase literals one of which every match contains (a cheap pre-check). */
    private record Secret(Pattern pattern, List<String> hints) {
        static Secret of(String regex, String... hints) {
            return new Secret(Pattern.compile(regex), List.of(hints));
        }

        boolean mayMatch(String lowercase) {
            return hints.stream().anyMatch(lowercase::contains);
        }
    }

    /** Each pattern keeps group 1 (a prefix such as the header name) and masks the rest of the match. */
    private static final List<Secret> BUILT_IN = List.of(
            Secret.of("()\\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{20,255}\\b", "ghp_", "gho_", "ghs_", "ghu_", "ghr_"),
            Secret.of("()\\bgithub_pat_[A-Za-z0-9_]{20,255}", "github_pat_"),
            Secret.of("()\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\\b", "akia", "asia",
                    "abia", "acca", "agpa", "aida", "aipa", "anpa", "anva", "aroa", "apka"),
            Secret.of("(?i)(\\baws_?(?:secret_?access_?key|session_?token)[\"']?\\s*[:=]\\s*[\"']?)[A-Za-z0-9/+=]{16,}",
                    "aws"),
            Secret.of("(?i)(\\bauthorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token|bot|digest)\\s+)?)"
                    + "[^\\s\"',;]+", "authorization"),
            Secret.of("(?i)(\\bbearer\\s+)[A-Za-z0-9\\-._~+/]{16,}=*", "bearer"),
            Secret.of("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:)[^@\\s/]+(?=@)", "://"),
            Secret.of("()\\bnpm_[A-Za-z0-9]{36}\\b", "npm_"),
            Secret.of("(?i)(_auth(?:token)?\\s*=\\s*)[^\\s\"']+", "_auth"),
            Secret.of("()\\bpypi-[A-Za-z0-9_-]{16,}", "pypi-"),
            Secret.of("(?i)(\\b(?:password|passwd|pwd)[\"']?\\s*[:=]\\s*)(?!\\*\\*\\*)[^\\s\"',;]+", "pass", "pwd"),
            Secret.of("()\\bglpat-[A-Za-z0-9_-]{20,}", "glpat-"),
            Secret.of("()\\bxox[baprs]-[A-Za-z0-9-]{10,}", "xox"));
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----");
    private static final Pattern KEY_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----");
    /** Lines inside a key block: base64 body or PEM headers such as {@code Proc-Type:}. */
    private static final Pattern KEY_BODY = Pattern.compile("\\s*(?:[A-Za-z0-9+/=]+|[A-Za-z-]+:.*)\\s*");

    private final List<Pattern> user;

    private Redactor(List<Pattern> user) {
        this.user = List.copyOf(user);
    }

    /** The built-in patterns plus {@code userPatterns}; a pattern that can match empty text is refused. */
    public static Redactor withPatterns(List<String> userPatterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String p : userPatterns) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new InvalidInputException("redact pattern '" + p + "' is not a valid regular expression: "
                        + e.getDescription());
            }
            if (pattern.matcher("").matches()) {
                throw new InvalidInputException("redact pattern '" + p + "' matches empty text; make it match the "
                        + "secret itself");
            }
            compiled.add(pattern);
        }
        return new Redactor(compiled);
    }

    public static Redactor builtIn() {
        return new Redactor(List.of());
    }

    /** A text of one or more lines with every secret masked; private-key blocks masked as a whole. */
    public String redact(String text) {
        return String.join("\n", redactLines(List.of(text.split("\n", -1))));
    }

    /** Consecutive lines (e.g. evidence), masked as one text: a key block spanning lines is masked throughout. */
    public List<String> redactLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inKey = false;
        for (String line : lines) {
            if (inKey) {
                if (KEY_END.matcher(line).find()) {
                    inKey = false;
                    out.add(KEY_END.matcher(line).replaceAll(MASK));
                    continue;
                }
                if (KEY_BODY.matcher(line).matches()) {
                    out.add(MASK);
                    continue;
                }
                inKey = false;
            }
            Matcher begin = KEY_BEGIN.matcher(line);
            if (begin.find()) {
                Matcher end = KEY_END.matcher(line);
                inKey = !end.find(begin.end());
                out.add(line.substring(0, begin.start()) + MASK + (inKey ? "" : line.substring(end.end())));
                continue;
            }
            out.add(redactLine(line));
        }
        return out;
    }

    private String redactLine(String line) {
        String s = line;
        String lowercase = line.toLowerCase(Locale.ROOT);
        for (Secret secret : BUILT_IN) {
            if (secret.mayMatch(lowercase)) {
                s = secret.pattern().matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
            }
        }
        for (Pattern p : user) {
            s = p.matcher(s).replaceAll(MASK);
        }
        return s;
    }
}
