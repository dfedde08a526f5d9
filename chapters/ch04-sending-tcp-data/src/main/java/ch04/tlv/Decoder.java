package ch04.tlv;

import workbook.NotStartedException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads payloads from a stream, one frame per call, without putting any byte back: the refactor
 * that the chapter leaves as an exercise after Listing 4-9.
 *
 * <p>{@link #decode} reads the type byte, then hands the stream to the variant's
 * {@code readBody} ({@link Binary#readBody}, {@link Text#readBody}), which reads only the length
 * and the value. Every byte of the stream is read once, by exactly one reader, and nothing is
 * buffered between calls, so N calls on one stream decode N frames and leave it at the first byte
 * after them.
 *
 * <p>Exercise 4.3e starts from your 4.3d code: {@link ch04.tlv.faithful.Decoder#decode} and the
 * variants' {@code readFrom}, each {@code readBody} right below its {@code readFrom}.
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
        throw new NotStartedException("4.3e");
    }
}
