package ch04.tlv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The tests' own view of a payload, independent of the code under test: a type byte and the
 * value's bytes (UTF-8 for a string). Equal by content, so lists of them compare with equals, and
 * the decoders' tests do not depend on exercise 4.3f's {@code Binary.equals}.
 */
record Msg(byte type, byte[] value) {

    static final byte BINARY = 1;
    static final byte STRING = 2;

    /** A decoded payload seen through its {@code value()} accessor. */
    static Msg of(Payload payload) {
        return switch (payload) {
            case Binary b -> new Msg(BINARY, b.value());
            case Text t -> text(t.value());
        };
    }

    /** This payload as the code under test makes it, to write with its {@code writeTo}. */
    Payload payload() {
        return type == BINARY ? new Binary(value) : new Text(text());
    }

    static Msg binary(byte[] value) {
        return new Msg(BINARY, value);
    }

    static Msg binary(String ascii) {
        return new Msg(BINARY, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    static Msg text(String text) {
        return new Msg(STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    int frameSize() {
        return 5 + value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Msg m && m.type == type && Arrays.equals(m.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String kind = type == BINARY ? "binary" : type == STRING ? "string" : "type " + (type & 0xff);
        if (value.length <= 24) {
            return kind + "(" + (type == STRING ? '"' + text() + '"' : HexFormat.ofDelimiter(" ").formatHex(value)) + ")";
        }
        return kind + "(" + value.length + " bytes, starting " + HexFormat.ofDelimiter(" ").formatHex(value, 0, 8) + " ...)";
    }
}
