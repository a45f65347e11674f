package io.vocstream.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it blanks what cannot name a metric (strings, label
 * matchers, range and subquery brackets, Grafana variables, the label lists of by / without / on / ignoring /
 * group_left / group_right), then every remaining identifier that is neither a function call, a keyword nor part of
 * a number is a metric name.
 */
final class PromQl {
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** Grafana's {@code label_values(metric{matchers}, label)} variable query. */
    static final Pattern LABEL_VALUES =
            Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s*,\\s*(\\w+)\\s*\\)");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        String s = expr
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ")
                .replaceAll("'(\\\\.|[^'\\\\])*'", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\{?\\w+}?", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            boolean inNumber = m.start() > 0 && (Character.isDigit(s.charAt(m.start() - 1))
                    || s.charAt(m.start() - 1) == '.');
            boolean call = s.substring(m.end()).stripLeading().startsWith("(");
            if (!inNumber && !call && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
