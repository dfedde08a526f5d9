package ch04.tlv;

// SOLUTION 4.3e
// SKELETON
// import workbook.NotStartedException;
// END 4.3e

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A string payload, type {@link Frame#STRING_TYPE}: text, UTF-8 on the wire (see {@link Utf8}).
 * The chapter's {@code String} (Listings 4-7 and 4-8), renamed so as not to hide
 * {@link java.lang.String}.
 *
 * <p>Like {@link Binary} it reads itself in both designs: {@link #readFrom} reads a whole frame
 * (4.3d), {@link #readBody} what follows the type byte (4.3e).
 *
 * <p>The limit counts bytes, not characters: a text of 4 million three-byte characters is 12 MB
 * on the wire and is refused.
 *
 * @param value the text; must have a UTF-8 form (no unpaired surrogate) to be written
 */
public record Text(String value) implements Payload {

    /** @throws NullPointerException if {@code value} is null */
    public Text {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public byte type() {
        return Frame.STRING_TYPE;
    }

    /**
     * The text's UTF-8 bytes.
     *
     * @throws IllegalArgumentException if the text holds an unpaired surrogate
     */
    @Override
    public byte[] bytes() {
        return Utf8.encode(value);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the text holds an unpaired surrogate; nothing is written
     */
    @Override
    public long writeTo(OutputStream out) throws IOException {
        return Frame.write(out, Frame.STRING_TYPE, Utf8.encode(value));
    }

    /**
     * Reads one whole string frame: the type byte, which must be {@link Frame#STRING_TYPE}, then
     * length and value, then checks that the value is UTF-8: the chapter's {@code String.ReadFrom}
     * (Listing 4-8), with the size limit that the listing leaves out. Reads nothing past the value
     * and does not close {@code in}.
     *
     * @param in the stream, positioned at the frame's type byte
     * @throws EOFException (exactly that class) if the stream ends before the type byte
     * @throws FrameTypeException if the type byte is not {@link Frame#STRING_TYPE}
     * @throws FrameTooLargeException if the length claims more than {@link Frame#MAX_PAYLOAD_SIZE}
     * @throws TruncatedFrameException if the stream ends inside the frame
     * @throws MalformedTextException if the value is not well-formed UTF-8; the whole frame has
     *     been read
     * @throws IOException if {@code in} fails
     */
    public static Text readFrom(InputStream in) throws IOException {
        // SOLUTION 4.3d
        int type = in.read();
        if (type < 0) {
            throw new EOFException("end of stream before the next frame");
        }
        if (type != Frame.STRING_TYPE) {
            throw new FrameTypeException(type, "2 (string)");
        }
        return new Text(Utf8.decode(Frame.readBody(in, (byte) type)));
        // END 4.3d
    }

    /**
     * Reads a string frame's body, the part after its type byte: length, then value, then checks
     * that the value is UTF-8. Reads nothing past the value and does not close {@code in}.
     *
     * @param in the stream, positioned just after a {@link Frame#STRING_TYPE} byte that the caller
     *     has read
     * @throws FrameTooLargeException if the length claims more than {@link Frame#MAX_PAYLOAD_SIZE}
     * @throws TruncatedFrameException if the stream ends inside the body
     * @throws MalformedTextException if the value is not well-formed UTF-8; the whole frame has
     *     been read, so the stream sits at the next frame
     * @throws IOException if {@code in} fails
     */
    public static Text readBody(InputStream in) throws IOException {
        // SOLUTION 4.3e
        return new Text(Utf8.decode(Frame.readBody(in, Frame.STRING_TYPE)));
        // END 4.3e
    }
}
