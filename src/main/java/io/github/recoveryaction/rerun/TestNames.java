package io.github.recoveryaction.rerun;

import java.util.Collection;
import java.util.Locale;

/**
 * Matches test names across sources: a JUnit report says {@code com.example.CartTest.addsItem}, Maven's log
 * {@code CartTest.addsItem}, Gradle's {@code CartTest > addsItem() FAILED}, pytest
 * {@code tests/test_cart.py::test_adds} and its report {@code tests.test_cart} + {@code test_adds}. Names are compared as
 * dot-separated paths; one matches another when it is equal to it or to a
 * tail of it that starts at a separator.
 */
final class TestNames {

    private TestNames() {
    }

    static boolean same(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
    }

    static boolean containsMatch(Collection<String> names, String name) {
        return names.stream().anyMatch(n -> same(n, name));
    }

    /**
     * Separators become dots, a Python file's {@code .py} and an empty argument list {@code ()} go, and case is kept
     * (tests are case-sensitive).
     */
    static String normal(String name) {
        String n = name.strip().replaceAll("\\s*>\\s*", ".").replace("::", ".").replace('#', '.').replace('/', '.')
                .replace('\\', '.');
        if (n.endsWith("()")) {
            n = n.substring(0, n.length() - 2);
        }
        n = n.replace(".py.", ".");
        if (n.endsWith(".py")) {
            n = n.substring(0, n.length() - 3);
        }
        while (n.contains("..")) {
            n = n.replace("..", ".");
        }
        return n.startsWith(".") ? n.substring(1) : n;
    }

    /** For sorting and de-duplicating names in reports. */
    static String key(String name) {
        return normal(name).toLowerCase(Locale.ROOT);
    }
}
