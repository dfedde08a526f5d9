package ch04.tlv;

import java.io.IOException;

/**
 * A string frame's value is not well-formed UTF-8 (a stray continuation byte, an overlong form, an
 * encoded surrogate, a code point above U+10FFFF, or a sequence cut short at the end).
 *
 * <p>Thrown after the whole value was read, so the stream sits at the next frame and the caller
 * may go on reading: the frame was complete, only its text was bad.
 */
public final class MalformedTextException extends IOException {

    private final int offset;
    private final int length;

    /**
     * @param offset where the first malformed sequence starts, in bytes from the value's start
     * @param length how many bytes it spans
     * @param valueLength the value's length in bytes
     */
    public MalformedTextException(int offset, int length, int valueLength) {
        super("string value is not valid UTF-8: " + length + " malformed byte(s) at offset "
                + offset + " of " + valueLength);
        this.offset = offset;
        this.length = length;
    }

    /** Where the first malformed sequence starts, in bytes from the value's start. */
    public int offset() {
        return offset;
    }

    /** How many bytes the malformed sequence spans. */
    public int length() {
        return length;
    }
}
