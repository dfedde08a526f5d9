package ch04.tlv;

import workbook.NotStartedException;

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
        throw new NotStartedException("4.3c");
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
        throw new NotStartedException("4.3c");
    }
}
