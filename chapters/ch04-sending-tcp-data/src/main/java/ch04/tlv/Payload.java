package ch04.tlv;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message of the chapter's protocol, read and written as one {@link Frame}: the refactored
 * design, where a variant reads only its frame's length and value and {@link Decoder#decode}
 * dispatches on the type byte it has already read.
 *
 * <p>Go's {@code Payload} interface (Listing 4-4) maps onto this one: {@code Bytes()} is
 * {@link #bytes()}, {@code String()} is {@code toString()}, {@code WriteTo} is
 * {@link #writeTo(OutputStream)}; {@code ReadFrom} becomes a static reader on each variant,
 * because a record cannot fill itself in. The faithful port, where each variant also reads its
 * own type byte, is {@link ch04.tlv.faithful.Payload}.
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
