package ch04.tlv;

// SOLUTION 4.3c
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
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
        // getBytes would write '?' for an unpaired surrogate, so look for one first.
        int bad = firstUnpairedSurrogate(text);
        if (bad >= 0) {
            throw new IllegalArgumentException("text has no UTF-8 form: unpaired surrogate U+"
                    + Integer.toHexString(text.charAt(bad)).toUpperCase() + " at index " + bad
                    + " of " + text.length());
        }
        return text.getBytes(StandardCharsets.UTF_8);
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
        String fast = new String(bytes, StandardCharsets.UTF_8);
        // Bad input shows up as U+FFFD; only then is the strict (and slower) decoder needed, to tell
        // an encoded U+FFFD from a replaced sequence and to find the offset.
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
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
    // SOLUTION 4.3c

    /** The index of the first surrogate that is not half of a pair, or -1. */
    private static int firstUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
    // SKELETON
    // END 4.3c
}
