package ch04.tlv;

import workbook.NotStartedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The type-length-value frame of the chapter (Listings 4-4 to 4-12): the one place that knows its
 * layout.
 *
 * <pre>
 * +--------+--------------------------+--------------------------------+
 * | type   | length                   | value                          |
 * | 1 byte | 4 bytes, big-endian,     | length bytes, 0 to 10485760    |
 * |        | unsigned                 | binary: any bytes              |
 * |        |                          | string: well-formed UTF-8      |
 * +--------+--------------------------+--------------------------------+
 *
 * String("Errors are values.") is 23 bytes on the wire:
 * +--------+-------------+-------------------------------------------------------+
 * | 0x02   | 0x00000012  | 45 72 72 6f 72 73 20 61 72 65 20 76 61 6c 75 65 73 2e |
 * | type   | length = 18 | value: "Errors are values."                           |
 * | 1 byte | 4 bytes     | 18 bytes                                              |
 * +--------+-------------+-------------------------------------------------------+
 * </pre>
 *
 * <p>Type 1 is binary ({@link #BINARY_TYPE}), type 2 is a string ({@link #STRING_TYPE}); any other
 * type is an error. A value holds at most {@link #MAX_PAYLOAD_SIZE} bytes: a length field that
 * claims more is refused before anything is allocated, and a larger value is never written.
 *
 * <p>No method here closes or flushes the stream it is given, and none reads or buffers a byte
 * beyond the frame it handles: after a successful call the stream sits at the next frame.
 */
public final class Frame {

    /** The type byte of a binary payload, the chapter's {@code BinaryType}. */
    public static final byte BINARY_TYPE = 1;

    /** The type byte of a string payload, the chapter's {@code StringType}. */
    public static final byte STRING_TYPE = 2;

    /** The largest value a frame may carry, in bytes: 10 MiB, the chapter's {@code MaxPayloadSize}. */
    public static final int MAX_PAYLOAD_SIZE = 10 << 20;

    /** The bytes before the value: one type byte and a four-byte length. */
    public static final int HEADER_SIZE = 5;

    /**
     * The most {@link #readBody} allocates for a value before any of its bytes have arrived: a
     * header alone makes the reader allocate at most this much, whatever length it claims.
     */
    public static final int CHUNK_SIZE = 64 << 10;

    private Frame() {
    }

    /**
     * Writes one frame: the type byte, the value's length as four big-endian bytes, the value.
     *
     * <p>Blocks until {@code out} has taken every byte. Does not flush and does not close
     * {@code out}. If the value is longer than {@link #MAX_PAYLOAD_SIZE} nothing is written.
     *
     * @param out where the frame goes
     * @param type the type byte, {@link #BINARY_TYPE} or {@link #STRING_TYPE}
     * @param value the value's bytes, 0 to {@link #MAX_PAYLOAD_SIZE} of them; not modified
     * @return the bytes written: {@link #HEADER_SIZE} plus the value's length
     * @throws NullPointerException if {@code out} or {@code value} is null; nothing is written
     * @throws IllegalArgumentException if {@code type} is neither {@link #BINARY_TYPE} nor
     *     {@link #STRING_TYPE}; nothing is written
     * @throws FrameTooLargeException if the value is longer than {@link #MAX_PAYLOAD_SIZE}; nothing
     *     is written
     * @throws IOException if {@code out} fails; part of the frame may have been written
     */
    public static long write(OutputStream out, byte type, byte[] value) throws IOException {
        throw new NotStartedException("4.3a");
    }

    /**
     * Reads the rest of a frame whose type byte has already been read: the four-byte length, then
     * exactly that many bytes of value.
     *
     * <p>Blocks until the whole value has arrived or the stream ends. Checks the length against
     * {@link #MAX_PAYLOAD_SIZE} before allocating anything. Allocates at most {@link #CHUNK_SIZE}
     * bytes for the value before its bytes arrive, and from then on memory in proportion to the
     * bytes that actually arrived (a small multiple of them), never in proportion to the length a
     * peer claims. Bytes waiting in the stream ({@code in.available()}) have arrived: a value that
     * is all there is read into one array of exactly its length (exercise 4.3g, see
     * {@link #capacity}). Reads nothing past the value. Does not close {@code in}.
     *
     * @param in the stream, positioned at the frame's length field
     * @param type the frame's type byte, already read; used in error messages
     * @return the value, exactly as long as the length field says
     * @throws FrameTooLargeException if the length field claims more than
     *     {@link #MAX_PAYLOAD_SIZE}; the value's bytes are left unread
     * @throws TruncatedFrameException if the stream ends inside the length field (its
     *     {@code part()} is {@code "binary length field"} or {@code "string length field"},
     *     {@code expected()} 4) or inside the value ({@code "binary value"} or
     *     {@code "string value"}, {@code expected()} the announced length); {@code arrived()} is
     *     how many bytes of that part came. {@code typeName(type)} gives the first word
     * @throws IOException if {@code in} fails
     */
    public static byte[] readBody(InputStream in, byte type) throws IOException {
        throw new NotStartedException("4.3b");
    }

    /**
     * How long {@link #readBody}'s array for a value of {@code length} bytes should be, when
     * {@code filled} of them have been read and the array is full (or, with {@code filled} 0, not
     * made yet): {@code min(length, filled + max(CHUNK_SIZE, filled, in.available()))}.
     *
     * <p>The claim alone earns {@link #CHUNK_SIZE} bytes and no more; bytes already read earn as
     * many again, so a value that trickles in is copied a bounded number of times; bytes waiting in
     * the stream have arrived, and earn their room at once. A value that is all there is gets one
     * array of exactly its length; a header followed by nothing gets {@link #CHUNK_SIZE} bytes at
     * most, whatever it claims. Asks {@code in.available()} only when the answer can change the
     * result, so a small value costs no more than before. Reads nothing from {@code in}.
     *
     * @param in the stream the value comes from, positioned after the value's first
     *     {@code filled} bytes
     * @param length the value's length as the length field claims it, 0 to
     *     {@link #MAX_PAYLOAD_SIZE}, already checked
     * @param filled how many of the value's bytes have been read, 0 to {@code length}
     * @return the new array length: at most {@code length}, more than {@code filled} when
     *     {@code filled < length}
     * @throws IOException if {@code in.available()} fails
     */
    static int capacity(InputStream in, int length, int filled) throws IOException {
        throw new NotStartedException("4.3g");
    }

    /**
     * "binary", "string" or "type N" (N unsigned), for messages: the first word of a
     * {@link TruncatedFrameException#part()}.
     */
    static String typeName(byte type) {
        return switch (type) {
            case BINARY_TYPE -> "binary";
            case STRING_TYPE -> "string";
            default -> "type " + Byte.toUnsignedInt(type);
        };
    }
}
