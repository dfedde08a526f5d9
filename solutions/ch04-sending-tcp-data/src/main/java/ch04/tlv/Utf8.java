package ch04.tlv;

// SOLUTION 4.3c
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
// SKELETON
// import workbook.NotStartedException;
// END 4.3c

/**
 * The string payload's text contract: UTF-8 on the wire, both ways strict.
 *
 * <p>Go's strings are bytes and its {@code String} payload passes them through unchecked. Java's
 * strings are UTF-16, and the JDK's everyday conversions ({@code new String(bytes, UTF_8)},
 * {@code String.getBytes(UTF_8)}) silently replace what they cannot convert with U+FFFD or
 * {@code '?'}: a peer's bad bytes would turn into different text without anyone noticing. Here
 * they are errors.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The UTF-8 bytes of {@code text}.
     *
     * @param text the text; every surrogate must be part of a pair
     * @return a new array
     * @throws IllegalArgumentException if {@code text} holds an unpaired surrogate, naming its
     *     index and value: such a string has no UTF-8 form
     */
    public static byte[] encode(String text) {
        // SOLUTION 4.3c
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer in = CharBuffer.wrap(text);
        // Three bytes per UTF-16 unit is the most UTF-8 needs (a pair of units takes four).
        ByteBuffer out = ByteBuffer.allocate(3 * text.length());
        CoderResult result = encoder.encode(in, out, true);
        if (result.isError()) {
            int index = in.position();
            throw new IllegalArgumentException("text has no UTF-8 form: unpaired surrogate U+"
                    + Integer.toHexString(text.charAt(index)).toUpperCase() + " at index " + index
                    + " of " + text.length());
        }
        encoder.flush(out);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
        // END 4.3c
    }

    /**
     * The text that {@code bytes} encode in UTF-8.
     *
     * @param bytes well-formed UTF-8; not modified
     * @return the text
     * @throws MalformedTextException if {@code bytes} are not well-formed UTF-8, naming the offset
     *     and length of the first bad sequence; nothing is replaced with U+FFFD
     */
    public static String decode(byte[] bytes) throws MalformedTextException {
        // SOLUTION 4.3c
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never needs more UTF-16 units than bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new MalformedTextException(in.position(), result.length(), bytes.length);
        }
        decoder.flush(out);
        return out.flip().toString();
        // END 4.3c
    }
}
