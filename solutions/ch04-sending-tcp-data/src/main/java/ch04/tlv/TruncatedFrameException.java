package ch04.tlv;

import java.io.EOFException;

/**
 * The stream ended in the middle of a frame: after its type byte, inside its length field, or
 * before its value was complete.
 *
 * <p>An {@link EOFException} because the stream did end; a separate type because, unlike the end
 * of a stream <em>between</em> frames, it means the peer stopped mid-message. Catch it before a
 * plain {@code EOFException} when a loop treats the latter as "no more frames".
 */
public final class TruncatedFrameException extends EOFException {

    private final String part;
    private final long expected;
    private final long arrived;

    /**
     * @param part which part of the frame was cut short, for example {@code "binary value"}
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

    /** Which part of the frame was cut short, for example {@code "length field"}. */
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
