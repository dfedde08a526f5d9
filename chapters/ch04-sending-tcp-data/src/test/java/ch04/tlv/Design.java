package ch04.tlv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One of the two decoder designs under test, seen through {@link Msg}: the faithful port
 * ({@code ch04.tlv.faithful}, exercise 4.3d) and the refactor ({@code ch04.tlv}, exercise 4.3e).
 * Conversions use the payloads' {@code value()} accessors only, so these tests do not depend on
 * exercise 4.3f's equality.
 */
enum Design {

    FAITHFUL("4.3d", "ch04.tlv.faithful.Decoder.decode") {
        @Override
        Msg decode(InputStream in) throws IOException {
            return switch (ch04.tlv.faithful.Decoder.decode(in)) {
                case ch04.tlv.faithful.Binary b -> new Msg(Msg.BINARY, b.value());
                case ch04.tlv.faithful.Text t -> new Msg(Msg.STRING, t.value().getBytes(StandardCharsets.UTF_8));
            };
        }

        @Override
        long write(OutputStream out, Msg m) throws IOException {
            return (m.type() == Msg.BINARY
                    ? new ch04.tlv.faithful.Binary(m.value())
                    : new ch04.tlv.faithful.Text(m.text())).writeTo(out);
        }
    },

    REFACTORED("4.3e", "ch04.tlv.Decoder.decode") {
        @Override
        Msg decode(InputStream in) throws IOException {
            return switch (Decoder.decode(in)) {
                case Binary b -> new Msg(Msg.BINARY, b.value());
                case Text t -> new Msg(Msg.STRING, t.value().getBytes(StandardCharsets.UTF_8));
            };
        }

        @Override
        long write(OutputStream out, Msg m) throws IOException {
            return (m.type() == Msg.BINARY ? new Binary(m.value()) : new Text(m.text())).writeTo(out);
        }
    };

    /** The exercise that writes this design's decoder. */
    final String exercise;

    /** The method under test, for messages. */
    final String method;

    Design(String exercise, String method) {
        this.exercise = exercise;
        this.method = method;
    }

    /** One call of the design's decode, its payload seen as a {@link Msg}. */
    abstract Msg decode(InputStream in) throws IOException;

    /** The design's own payload for {@code m}, written with its {@code writeTo}. */
    abstract long write(OutputStream out, Msg m) throws IOException;

    /** "(reread 4.3d, ch04.tlv.faithful.Decoder.decode)" */
    String reread() {
        return "(reread " + exercise + ", " + method + ")";
    }
}
