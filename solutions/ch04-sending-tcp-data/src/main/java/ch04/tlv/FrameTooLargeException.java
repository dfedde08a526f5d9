package ch04.tlv;

import java.io.IOException;

/**
 * A frame's length field claims more than {@link Frame#MAX_PAYLOAD_SIZE} bytes, or a payload asked
 * to be written is larger than that.
 *
 * <p>Thrown before the value is allocated or read (when decoding) and before any byte of the frame
 * is written (when encoding). After a decoding failure the stream sits just after the length field:
 * the value's bytes are still unread and the connection cannot be resynchronised, so close it.
 */
public final class FrameTooLargeException extends IOException {

    private final int type;
    private final long claimed;
    private final int limit;

    /**
     * @param type the frame's type byte, {@link Frame#BINARY_TYPE} or {@link Frame#STRING_TYPE}
     *     (read as unsigned, like every type byte in these exceptions)
     * @param claimed the value's length in bytes, as an unsigned 32-bit number
     * @param limit the largest value allowed, in bytes
     */
    public FrameTooLargeException(byte type, long claimed, int limit) {
        super(Frame.typeName(type) + " frame claims " + claimed + " bytes, limit " + limit);
        this.type = Byte.toUnsignedInt(type);
        this.claimed = claimed;
        this.limit = limit;
    }

    /** The frame's type byte, 0 to 255, as {@link FrameTypeException#type()} gives it. */
    public int type() {
        return type;
    }

    /** The value's length that the header claims (or that the writer was asked to write). */
    public long claimed() {
        return claimed;
    }

    /** The largest value allowed, in bytes. */
    public int limit() {
        return limit;
    }
}
