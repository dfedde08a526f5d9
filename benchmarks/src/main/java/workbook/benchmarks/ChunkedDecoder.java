package workbook.benchmarks;

import ch04.tlv.Binary;
import ch04.tlv.Frame;
import ch04.tlv.FrameTooLargeException;
import ch04.tlv.FrameTypeException;
import ch04.tlv.Payload;
import ch04.tlv.Text;
import ch04.tlv.TruncatedFrameException;
import ch04.tlv.Utf8;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Section 4.3's refactored decoder as it was before exercise 4.3g, kept so that every run measures
 * it beside the reference: the value read into a {@link Frame#CHUNK_SIZE} array that doubles, each
 * time copied, until the value fits (the safe reader that 4.3b's hints lead to), then given to
 * {@code Binary}'s public constructor, which copies it once more. Same errors as the reference.
 */
final class ChunkedDecoder {

    private ChunkedDecoder() {
    }

    static Payload decode(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("end of stream before the next frame");
        }
        return switch (type) {
            case Frame.BINARY_TYPE -> new Binary(readBody(in, Frame.BINARY_TYPE));
            case Frame.STRING_TYPE -> new Text(Utf8.decode(readBody(in, Frame.STRING_TYPE)));
            default -> throw new FrameTypeException(type, "1 (binary) or 2 (string)");
        };
    }

    private static byte[] readBody(InputStream in, byte type) throws IOException {
        String name = type == Frame.BINARY_TYPE ? "binary" : "string";
        byte[] lengthField = new byte[4];
        int got = in.readNBytes(lengthField, 0, lengthField.length);
        if (got < lengthField.length) {
            throw new TruncatedFrameException(name + " length field", lengthField.length, got);
        }
        long claimed = Integer.toUnsignedLong((lengthField[0] & 0xff) << 24 | (lengthField[1] & 0xff) << 16
                | (lengthField[2] & 0xff) << 8 | (lengthField[3] & 0xff));
        if (claimed > Frame.MAX_PAYLOAD_SIZE) {
            throw new FrameTooLargeException(type, claimed, Frame.MAX_PAYLOAD_SIZE);
        }
        int length = (int) claimed;
        byte[] value = new byte[Math.min(length, Frame.CHUNK_SIZE)];
        int filled = 0;
        while (filled < length) {
            if (filled == value.length) {
                value = Arrays.copyOf(value, (int) Math.min(length, 2L * value.length));
            }
            int n = in.read(value, filled, value.length - filled);
            if (n < 0) {
                throw new TruncatedFrameException(name + " value", length, filled);
            }
            filled += n;
        }
        return value;
    }
}
