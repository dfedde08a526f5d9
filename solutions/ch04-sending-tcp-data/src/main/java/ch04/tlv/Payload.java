package ch04.tlv;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message of the chapter's protocol, read and written as one {@link Frame}.
 *
 * <p>Go's {@code Payload} interface (Listing 4-4) maps onto this one: {@code Bytes()} is
 * {@link #bytes()}, {@code String()} is {@code toString()}, {@code WriteTo} is
 * {@link #writeTo(OutputStream)}; {@code ReadFrom} becomes static readers on each variant, because
 * a record cannot fill itself in: {@code readFrom}, which reads the whole frame as Go's does and
 * serves the faithful {@link ch04.tlv.faithful.Decoder}, and {@code readBody}, which reads what
 * follows the type byte and serves the refactored {@link Decoder}.
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
