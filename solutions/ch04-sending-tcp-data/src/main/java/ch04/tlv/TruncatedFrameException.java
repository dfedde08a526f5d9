package ch04.tlv;

import java.io.EOFException;

/**
 * The stream ended in the middle of a frame: after its type byte, inside its length field, or
 * before its value was complete.
 *
 * <p>An {@link EOFException} because the stream did end; a separate type because, unlike the end
 * of a stream <em>between</em> frames, it means the peer stopped mid-message. Catch it before a
 * plain {@code EOFException} when a loop treats the latter as "no more frames".
 *
 * <p>{@link #part()} names the part that was cut short, in one of exactly these forms, where
 * {@code <type>} is {@code binary} for {@link Frame#BINARY_TYPE}, {@code string} for
 * {@link Frame#STRING_TYPE}, and {@code type N} (N the unsigned type byte) for any other type:
 * <ul>
 *   <li>{@code "<type> length field"}: the stream ended inside the four length bytes
 *       (or right after the type byte); {@link #expected()} is 4;
 *   <li>{@code "<type> value"}: it ended inside the value; {@link #expected()} is the length the
 *       frame announced.
 * </ul>
 * For example {@code "binary length field"} or {@code "string value"}. The message is
 * {@code "truncated frame: <part> expected <expected> bytes, <arrived> arrived before the end of
 * the stream"}.
 */
public final class TruncatedFrameException extends EOFException {

    private final String part;
    private final long expected;
    private final long arrived;

    /**
     * @param part which part of the frame was cut short, in one of the forms listed above, for
     *     example {@code "binary value"}
     * @param expected how many bytes that part needed
     * @param arrived how many of them arrived before the end of the stream
     */
    public TruncatedFrameException(String part, long expected, long arrived) {
        super("truncated frame: " + part + " expected " + expected + " bytes, " + arrived
                + " arrived before the end of the stream");
        this.part = part;
        this.expected = expected;
        this.arrived = arrived;
    }

    /**
     * Which part of the frame was cut short: {@code "<type> length field"} or
     * {@code "<type> value"}, for example {@code "string length field"} (see the class comment).
     */
    public String part() {
        return part;
    }

    /** How many bytes the part needed. */
    public long expected() {
        return expected;
    }

    /** How many of them arrived. */
    public long arrived() {
        return arrived;
    }
}
