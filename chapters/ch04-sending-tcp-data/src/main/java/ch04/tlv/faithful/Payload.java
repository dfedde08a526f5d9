package ch04.tlv.faithful;

import ch04.tlv.Frame;
import ch04.tlv.FrameTooLargeException;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message of the chapter's protocol in the shape of the Go code (Listings 4-4 to 4-9): each
 * variant reads its whole frame, type byte included, so {@link Decoder#decode}, having read the
 * type byte to choose the variant, has to put that byte back in front of the stream.
 *
 * <p>Kept as the faithful port to compare with the refactored design in {@link ch04.tlv.Payload},
 * which reads each byte once. The frame is drawn in {@link Frame}.
 */
public sealed interface Payload permits Binary, Text {

    /** The frame's type byte: {@link Frame#BINARY_TYPE} or {@link Frame#STRING_TYPE}. */
    byte type();

    /** The value's bytes as they go on the wire: a new array each call. */
    byte[] bytes();

    /**
     * Writes this payload as one frame. Does not flush and does not close {@code out}.
     *
     * @return the bytes written: {@link Frame#HEADER_SIZE} plus the value's length
     * @throws FrameTooLargeException if the value is longer than {@link Frame#MAX_PAYLOAD_SIZE};
     *     nothing is written
     * @throws IOException if {@code out} fails
     */
    long writeTo(OutputStream out) throws IOException;
}
