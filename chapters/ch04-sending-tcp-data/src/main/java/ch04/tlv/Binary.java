package ch04.tlv;

import workbook.NotStartedException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A binary payload: any bytes, type {@link Frame#BINARY_TYPE}. The chapter's {@code Binary}
 * (Listings 4-5 and 4-6).
 *
 * <p>It reads itself in both of the section's designs: {@link #readFrom} reads a whole frame, type
 * byte included, as Listing 4-6 does (the faithful port, {@link ch04.tlv.faithful.Decoder}, 4.3d);
 * {@link #readBody} reads only what follows the type byte (the refactor, {@link Decoder}, 4.3e).
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
     * The array that {@link #adopt} is handing to the constructor on this thread, or null.
     *
     * <p>Why a {@code ThreadLocal}: every constructor of a record ends in the canonical one, and the
     * canonical one must be as public as the record (javac refuses a package-private constructor
     * that does not call it, and a package-private canonical one). So no constructor can take the
     * array without the copy; the canonical one has to learn from outside its argument that this
     * one array, on this thread, is being given away. The alternative, a final class with a private
     * constructor, would lose what 4.3f teaches about records.
     */
    private static final ThreadLocal<byte[]> HANDED_OVER = new ThreadLocal<>();

    /**
     * Copies {@code value}, so later changes to the caller's array do not reach the payload.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Binary {
        Objects.requireNonNull(value, "value");
        if (value != HANDED_OVER.get()) {
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
            // allocates nothing. Without it the thread would keep the last array alive.
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
     * Reads one whole binary frame: the type byte, which must be {@link Frame#BINARY_TYPE}, then
     * length and value, as the chapter's {@code Binary.ReadFrom} does. Reads nothing past the value
     * and does not close {@code in}.
     *
     * @param in the stream, positioned at the frame's type byte
     * @throws EOFException (exactly that class) if the stream ends before the type byte
     * @throws FrameTypeException if the type byte is not {@link Frame#BINARY_TYPE}
     * @throws FrameTooLargeException if the length claims more than {@link Frame#MAX_PAYLOAD_SIZE}
     * @throws TruncatedFrameException if the stream ends inside the frame
     * @throws IOException if {@code in} fails
     */
    public static Binary readFrom(InputStream in) throws IOException {
        throw new NotStartedException("4.3d");
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
