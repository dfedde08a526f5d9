package ch04.tlv.faithful;

import workbook.NotStartedException;

import ch04.tlv.Frame;
import ch04.tlv.FrameTooLargeException;
import ch04.tlv.FrameTypeException;
import ch04.tlv.MalformedTextException;
import ch04.tlv.TruncatedFrameException;
import ch04.tlv.Utf8;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A string payload, type {@link Frame#STRING_TYPE}, UTF-8 on the wire (see {@link Utf8}), that
 * reads its whole frame itself, as the chapter's {@code String.ReadFrom} does (Listing 4-8) but
 * with the size limit that the listing leaves out.
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
     * length and value, then checks that the value is UTF-8. Reads nothing past the value and does
     * not close {@code in}.
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
        throw new NotStartedException("4.3d");
    }
}
