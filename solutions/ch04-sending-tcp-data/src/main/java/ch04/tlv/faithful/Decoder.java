package ch04.tlv.faithful;

// SOLUTION 4.3d
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
// SKELETON
// import workbook.NotStartedException;
// END 4.3d

import ch04.tlv.Binary;
import ch04.tlv.Frame;
import ch04.tlv.FrameTooLargeException;
import ch04.tlv.FrameTypeException;
import ch04.tlv.MalformedTextException;
import ch04.tlv.Payload;
import ch04.tlv.Text;
import ch04.tlv.TruncatedFrameException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads payloads from a stream the way the chapter's {@code decode} does (Listing 4-9): read the
 * type byte to choose the variant, then put the byte back in front of the stream, because the
 * variant's {@code readFrom} ({@link Binary#readFrom}, {@link Text#readFrom}) expects to read it
 * again.
 *
 * <p>The two designs of the section share their payloads ({@link Payload}, {@link Binary},
 * {@link Text}) and differ only in how a frame is read: this package holds the faithful port,
 * {@link ch04.tlv.Decoder} the refactor.
 *
 * <p>Go joins the byte and the connection with {@code io.MultiReader}; Java has
 * {@link java.io.SequenceInputStream} (or a {@link java.io.PushbackInputStream}). Either must be
 * made per call and must not read ahead of what the variant asks for, or it would swallow bytes of
 * the next frame.
 */
public final class Decoder {

    private Decoder() {
    }

    /**
     * Reads one frame and returns its payload.
     *
     * <p>Blocks until the frame is complete or the stream ends. Reads nothing past the frame and
     * does not close {@code in}.
     *
     * @param in the stream, positioned at a frame's type byte
     * @return a {@link Binary} or a {@link Text}
     * @throws EOFException (exactly that class) if the stream ends before the frame's first byte:
     *     there are no more frames
     * @throws TruncatedFrameException (an {@code EOFException}) if it ends inside the frame
     * @throws FrameTypeException if the type byte is neither 1 nor 2
     * @throws FrameTooLargeException if the length claims more than
     *     {@link Frame#MAX_PAYLOAD_SIZE}
     * @throws MalformedTextException if a string value is not well-formed UTF-8
     * @throws IOException if {@code in} fails
     */
    public static Payload decode(InputStream in) throws IOException {
        // SOLUTION 4.3d
        int type = in.read();
        if (type < 0) {
            throw new EOFException("end of stream before the next frame");
        }
        // Not closed: closing a SequenceInputStream would close the caller's stream.
        InputStream typeThenRest = new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) type}), in);
        return switch (type) {
            case Frame.BINARY_TYPE -> Binary.readFrom(typeThenRest);
            case Frame.STRING_TYPE -> Text.readFrom(typeThenRest);
            default -> throw new FrameTypeException(type, "1 (binary) or 2 (string)");
        };
        // END 4.3d
    }
}
