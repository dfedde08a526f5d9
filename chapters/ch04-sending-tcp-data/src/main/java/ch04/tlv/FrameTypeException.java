package ch04.tlv;

import java.io.IOException;

/**
 * A frame's type byte is not one this reader accepts: unknown to the decoder, or a different
 * variant's type where a variant reads its own frame.
 *
 * <p>Thrown after the type byte has been consumed and before anything else is read. The frame's
 * length is unknown, so the stream cannot be resynchronised: close it.
 */
public final class FrameTypeException extends IOException {

    private final int type;

    /**
     * @param type the type byte read, 0 to 255
     * @param expected what the reader accepts, for the message: {@code "1 (binary) or 2 (string)"}
     */
    public FrameTypeException(int type, String expected) {
        super("frame type " + type + " where " + expected + " was expected");
        this.type = type;
    }

    /** The type byte read, 0 to 255. */
    public int type() {
        return type;
    }
}
