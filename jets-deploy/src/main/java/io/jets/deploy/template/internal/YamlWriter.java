package io.jets.deploy.template.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a template tree (maps, lists, strings, numbers, booleans) as block YAML. Every string is
 * double-quoted, so no value is ever read back as a number, boolean or date; a template needs nothing more,
 * which is why no YAML library is pulled in.
 */
public final class YamlWriter {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_:.\\-]*");
    // Words YAML 1.1 readers take for booleans or null even as keys.
    private static final Pattern SPECIAL_WORD = Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null");

    private YamlWriter() {
    }

    public static String write(Map<String, ?> tree) {
        StringBuilder out = new StringBuilder();
        writeMap(tree, 0, out);
        return out.toString();
    }

    private static void writeMap(Map<?, ?> map, int indent, StringBuilder out) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(" ".repeat(indent)).append(key(String.valueOf(entry.getKey()))).append(':');
            writeValueAfterKey(entry.getValue(), indent, out);
        }
    }

    private static void writeValueAfterKey(Object value, int indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            writeMap(map, indent + 2, out);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            writeList(list, indent + 2, out);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static void writeList(List<?> list, int indent, StringBuilder out) {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                // The first entry shares the dash's line; the rest line up under it.
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? " " : " ".repeat(indent + 2)).append(key(String.valueOf(entry.getKey())))
                            .append(':');
                    writeValueAfterKey(entry.getValue(), indent + 2, out);
                    first = false;
                }
            } else if (item instanceof List<?> inner && !inner.isEmpty()) {
                out.append('\n');
                writeList(inner, indent + 2, out);
            } else {
                out.append(' ').append(scalar(item)).append('\n');
            }
        }
    }

    private static String key(String key) {
        return PLAIN_KEY.matcher(key).matches() && !SPECIAL_WORD.matcher(key).matches() ? key : quote(key);
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
