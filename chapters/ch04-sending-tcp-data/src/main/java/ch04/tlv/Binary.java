package ch04.tlv;

import workbook.NotStartedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;

/**
 * A binary payload: any bytes, type {@link Frame#BINARY_TYPE}. The chapter's {@code Binary}
 * (Listing 4-5).
 *
 * <p>Holds its own copy of the bytes: the constructor copies {@code value} and {@link #value()}
 * returns a copy, so a payload never changes after it is made. Two payloads with the same bytes are
 * equal, whatever arrays they were made from. The one exception is this package's decoder, which
 * hands over with {@link #adopt} an array that nobody else holds, so a large value is not copied
 * once more after it was read.
 *
 * @param value the bytes, 0 to {@link Frame#MAX_PAYLOAD_SIZE} of them to be writable
 */
public record Binary(byte[] value) implements Payload {

    /**
     * The array that {@link #adopt} is handing to the constructor on this thread, or null. A
     * record's constructors all go through the canonical one, so no second constructor can skip
     * the copy: the canonical one must learn from outside its argument that its caller gives the
     * array away.
     */
    private static final ThreadLocal<byte[]> HANDED_OVER = new ThreadLocal<>();

    /** Copies {@code value}, so later changes to the caller's array do not reach the payload. */
    public Binary {
        byte[] handedOver = HANDED_OVER.get();
        if (handedOver == null || handedOver != value) {
            value = value.clone();
        }
    }

    /**
     * A payload that keeps {@code owned} itself instead of a copy: for an array that the caller
     * made, filled, and gives away, such as the one {@link Frame#readBody} returns. Nobody may
     * keep or change {@code owned} afterwards. Package-private, so only this package's readers can
     * skip the copy; the public constructor always makes one.
     */
    static Binary adopt(byte[] owned) {
        HANDED_OVER.set(owned);
        try {
            return new Binary(owned);
        } finally {
            // set(null) rather than remove(): the thread keeps its entry, and the next call
            // allocates nothing.
            HANDED_OVER.set(null);
        }
    }

    /** A copy of the bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public byte type() {
        return Frame.BINARY_TYPE;
    }

    @Override
    public byte[] bytes() {
        return value.clone();
    }

    @Override
    public long writeTo(OutputStream out) throws IOException {
        return Frame.write(out, Frame.BINARY_TYPE, value);
    }

    /**
     * Reads a binary frame's body, the part after its type byte: length, then value. Reads nothing
     * past the value and does not close {@code in}.
     *
     * @param in the stream, positioned just after a {@link Frame#BINARY_TYPE} byte that the caller
     *     has read
     * @throws FrameTooLargeException if the length claims more than {@link Frame#MAX_PAYLOAD_SIZE}
     * @throws TruncatedFrameException if the stream ends inside the body
     * @throws IOException if {@code in} fails
     */
    public static Binary readBody(InputStream in) throws IOException {
        throw new NotStartedException("4.3e");
    }

    /**
     * Equal when {@code o} is a {@code Binary} with the same bytes. A record compares array
     * components by identity, which would make two payloads with the same bytes unequal.
     */
    @Override
    public boolean equals(Object o) {
        throw new NotStartedException("4.3f");
    }

    /** Consistent with {@link #equals}: depends on the bytes, not on the array. */
    @Override
    public int hashCode() {
        throw new NotStartedException("4.3f");
    }

    /** The length and the first bytes in hex: {@code Binary[12 bytes: 44 6f 6e 27 ...]}. */
    @Override
    public String toString() {
        int shown = Math.min(value.length, 16);
        return "Binary[" + value.length + " bytes" + (shown == 0 ? "" : ": ")
                + HexFormat.ofDelimiter(" ").formatHex(value, 0, shown)
                + (shown < value.length ? " ..." : "") + "]";
    }
}
