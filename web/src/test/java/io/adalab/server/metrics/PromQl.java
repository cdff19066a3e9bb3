package io.adalab.server.metrics;

import java.util.LinkedHashSet;
import java.util.Set;

/** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or durations. */
final class PromQl {
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
        "bool", "offset", "and", "or", "unless", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(expr, i);
            } else if (c == '{') {
                i = skipTo(expr, i, '}');
            } else if (c == '[') {
                i = skipTo(expr, i, ']');
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int j = i;
                while (j < n && Character.isWhitespace(expr.charAt(j))) {
                    j++;
                }
                boolean call = j < n && expr.charAt(j) == '(' || expr.startsWith("by", j) || expr.startsWith("without", j);
                if (KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    if (call) {
                        i = skipTo(expr, j, ')'); // by (le, run): label names
                    }
                } else if (!call) {
                    out.add(word);
                }
            } else {
                i++;
            }
        }
        return out;
    }

    private static int skipString(String s, int i) {
        char q = s.charAt(i++);
        while (i < s.length() && s.charAt(i) != q) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipTo(String s, int i, char close) {
        while (i < s.length() && s.charAt(i) != close) {
            i = s.charAt(i) == '"' ? skipString(s, i) : i + 1;
        }
        return i + 1;
    }
}
