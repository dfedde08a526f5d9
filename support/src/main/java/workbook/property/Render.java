package workbook.property;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a counterexample for a failure message: short, unambiguous, and the same on every run.
 *
 * <ul>
 *   <li>{@code byte[]}: its length and at most {@value #BYTE_PREFIX} bytes in hex, then "…".
 *   <li>Lists, sets, arrays: at most {@value #ITEMS} items, then "… (N more)".
 *   <li>Strings: quoted; {@code \t \n \r \f \b} and {@code \" \\} as in Java, every other
 *       control, white-space (except the plain space) or non-ASCII character of the BMP as
 *       {@code \}{@code uXXXX}, so U+00A0 cannot pass for a space. A code point above U+FFFF is
 *       escaped whole, as {@code \}{@code u{1F600}} (the form of JavaScript, Rust and Swift), never
 *       as two UTF-16 halves; an unpaired surrogate is a {@code char} of its own and shows as
 *       {@code \}{@code uD800}. Backslashes are doubled, so the rendering is never ambiguous.
 *   <li>A {@code Character}: the same escapes between single quotes, {@code '} as {@code \'}.
 *   <li>Records: {@code Name[field=value, …]}, the fields rendered by these same rules.
 *   <li>Arrays of any other type: {@code int[2] {1, 2}}, {@code byte[2][] {byte[1] 00, byte[0]}},
 *       each element rendered by these same rules.
 * </ul>
 *
 * <p>Code outside this package uses these rules through {@link Rendering}.
 */
final class Render {
    static final int BYTE_PREFIX = 32;
    static final int ITEMS = 10;
    private static final int DEPTH = 8;

    private Render() {
    }

    static String value(Object value) {
        StringBuilder out = new StringBuilder();
        render(value, out, 0);
        return out.toString();
    }

    private static void render(Object value, StringBuilder out, int depth) {
        if (depth > DEPTH) {
            out.append("…");
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof byte[] bytes) {
            bytes(bytes, out);
        } else if (value instanceof CharSequence text) {
            string(text.toString(), out);
        } else if (value instanceof Character c) {
            character(c, out);
        } else if (value instanceof Record record) {
            record(record, out, depth);
        } else if (value instanceof Collection<?> items) {
            items(items.iterator(), items.size(), "[", "]", out, depth);
        } else if (value instanceof Map<?, ?> map) {
            items(map.entrySet().iterator(), map.size(), "{", "}", out, depth);
        } else if (value instanceof Map.Entry<?, ?> entry) {
            render(entry.getKey(), out, depth + 1);
            out.append('=');
            render(entry.getValue(), out, depth + 1);
        } else if (value instanceof Optional<?> optional) {
            out.append("Optional[");
            render(optional.orElse(null), out, depth + 1);
            out.append(']');
        } else if (value.getClass().isArray()) {
            array(value, out, depth);
        } else {
            out.append(value);
        }
    }

    static void bytes(byte[] bytes, StringBuilder out) {
        bytes(bytes, BYTE_PREFIX, out);
    }

    static void bytes(byte[] bytes, int limit, StringBuilder out) {
        out.append("byte[").append(bytes.length).append(']');
        if (bytes.length == 0) {
            return;
        }
        int shown = Math.min(bytes.length, limit);
        out.append(' ').append(HexFormat.ofDelimiter(" ").formatHex(bytes, 0, shown));
        if (shown < bytes.length) {
            out.append(" …");
        }
    }

    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append("\\u{").append(Integer.toHexString(Character.toCodePoint(c, text.charAt(++i))).toUpperCase()).append('}');
            } else {
                escape(c, out); // a lone surrogate too: \uD800
            }
        }
        out.append('"');
    }

    static void character(char c, StringBuilder out) {
        out.append('\'');
        if (c == '\'') {
            out.append("\\'");
        } else {
            escape(c, out);
        }
        out.append('\'');
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\f' -> out.append("\\f");
            case '\b' -> out.append("\\b");
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c == ' ' || (c > 0x20 && c < 0x7F)) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04X", (int) c));
                }
            }
        }
    }

    private static void record(Record record, StringBuilder out, int depth) {
        Class<?> type = record.getClass();
        out.append(type.getSimpleName()).append('[');
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
            try {
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true); // records declared inside test classes are often private
                render(accessor.invoke(record), out, depth + 1);
            } catch (ReflectiveOperationException | RuntimeException e) {
                out.append('?');
            }
        }
        out.append(']');
    }

    private static void items(Iterator<?> items, int size, String open, String close, StringBuilder out, int depth) {
        out.append(open);
        int shown = 0;
        while (items.hasNext() && shown < ITEMS) {
            out.append(shown == 0 ? "" : ", ");
            render(items.next(), out, depth + 1);
            shown++;
        }
        if (shown < size) {
            out.append(", … (").append(size - shown).append(" more)");
        }
        out.append(close);
    }

    private static void array(Object array, StringBuilder out, int depth) {
        int length = Array.getLength(array);
        Class<?> element = array.getClass().getComponentType();
        int dimensions = 1;
        while (element.isArray()) {
            element = element.getComponentType();
            dimensions++;
        }
        // Java's own order: the outer length first, byte[2][] for two byte[]s
        out.append(element.getSimpleName()).append('[').append(length).append(']').append("[]".repeat(dimensions - 1)).append(' ');
        items(new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < length;
            }

            @Override
            public Object next() {
                return Array.get(array, next++);
            }
        }, length, "{", "}", out, depth);
    }
}
