package ch04.scanner;

import java.io.IOException;
import java.io.InputStream;
// SOLUTION 4.2b
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
// SKELETON
// import workbook.NotStartedException;
// END 4.2b

/**
 * Splits a UTF-8 byte stream into words separated by white space: the Java for Go's
 * {@code bufio.Scanner} with {@code bufio.ScanWords} (Listings 4-2 and 4-3).
 *
 * <p>It works on bytes because a stream is cut anywhere: one read may end in the middle of a word,
 * in the middle of a run of spaces, or in the middle of a multi-byte character such as U+3000
 * IDEOGRAPHIC SPACE ({@code e3 80 80}); another read may hold nothing but spaces. None of that
 * changes the words that come out.
 *
 * <pre>
 *   stream:  "The" ' ' "big" | "ger" ' ' ' ' | e3 80 | 80 "the" EOF
 *   reads:   [-------- 1 ----] [---- 2 -----] [-- 3 -] [---- 4 ---]
 *   words:   "The", "bigger", "the"          (e3 80 80 is U+3000, a space)
 * </pre>
 *
 * <p>White space follows Go's rule, {@link WhiteSpace#isSpace(int)}. A word holds at most
 * {@code maxTokenBytes} bytes of UTF-8 (Go's default, {@value #MAX_TOKEN_BYTES}); the scanner never
 * keeps more than that of one word in memory.
 *
 * <p>Not thread-safe. Does not close the stream: the caller owns it.
 */
public final class WordScanner {

    /** Go's default token limit, {@code bufio.MaxScanTokenSize}: 64 KiB. */
    public static final int MAX_TOKEN_BYTES = 64 * 1024;

    // SOLUTION 4.2b
    /** How much one read asks for; the scanner holds at most this much not yet scanned. */
    private static final int READ_SIZE = 8192;

    private final InputStream in;
    private final int maxTokenBytes;
    private final byte[] readBuffer = new byte[READ_SIZE];
    private int readPos;
    private int readEnd;
    private boolean endOfStream;
    private long offset;

    // The word so far, grown on demand up to maxTokenBytes: a short word costs a short buffer.
    private byte[] token = new byte[64];
    private int tokenLength;

    // The character being decoded; it may have begun in an earlier read.
    private final byte[] pending = new byte[4];
    private int pendingLength;
    private int pendingNeeded;
    private int codePoint;

    private IOException failure;
    // SKELETON
    // // Your fields go here.
    // END 4.2b

    /** A scanner with Go's default limit of {@value #MAX_TOKEN_BYTES} bytes per word. */
    public WordScanner(InputStream in) {
        this(in, MAX_TOKEN_BYTES);
    }

    /**
     * @param in            the stream to split; not closed by the scanner
     * @param maxTokenBytes the most bytes one word may have, at least 4 (one character of any size)
     * @throws IllegalArgumentException if {@code maxTokenBytes < 4}
     */
    public WordScanner(InputStream in, int maxTokenBytes) {
        // SOLUTION 4.2b
        this.in = Objects.requireNonNull(in, "in");
        if (maxTokenBytes < 4) {
            throw new IllegalArgumentException("maxTokenBytes " + maxTokenBytes
                    + ": must be at least 4, the size of the longest UTF-8 character");
        }
        this.maxTokenBytes = maxTokenBytes;
        // END 4.2b
    }

    /**
     * The next word, or {@code null} once the stream has ended and no word is left.
     *
     * <p>Blocks until a whole word has arrived: white space after it, or the end of the stream.
     * Skips any white space before it, so a stream of spaces alone yields no word. The white space
     * that ends a word is consumed; nothing past it is skipped.
     *
     * <p>After this throws, the scanner is spent: later calls throw {@link IllegalStateException}
     * with the first failure as the cause, since the stream's position is no longer at a word.
     *
     * @return the word, never empty, or {@code null} at the end
     * @throws TokenTooLongException  if a word goes past {@code maxTokenBytes} bytes; at most that
     *                                much of it was kept
     * @throws MalformedUtf8Exception if the bytes are not UTF-8
     * @throws IOException            if reading the stream fails
     */
    public String nextWord() throws IOException {
        // SOLUTION 4.2b
        if (failure != null) {
            throw new IllegalStateException("the scanner failed earlier: " + failure.getMessage(), failure);
        }
        try {
            return scan();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        // END 4.2b
    }

    // SOLUTION 4.2b
    private String scan() throws IOException {
        tokenLength = 0;
        while (true) {
            if (readPos == readEnd) {
                if (endOfStream) {
                    if (pendingLength > 0) {
                        throw malformed("unexpected end of stream inside a character", null);
                    }
                    return tokenLength > 0 ? takeToken() : null;
                }
                fill();
                continue;
            }
            byte b = readBuffer[readPos++];
            offset++;
            if (!decode(b)) {
                continue;
            }
            if (WhiteSpace.isSpace(codePoint)) {
                if (tokenLength > 0) {
                    pendingLength = 0;
                    return takeToken();
                }
            } else {
                append();
            }
            pendingLength = 0;
        }
    }

    private void fill() throws IOException {
        int n = in.read(readBuffer, 0, readBuffer.length);
        if (n == -1) {
            endOfStream = true;
        } else {
            readPos = 0;
            readEnd = n;
        }
    }

    /** Adds byte {@code b} to the character being decoded; true once the character is complete. */
    private boolean decode(byte b) throws MalformedUtf8Exception {
        int u = b & 0xFF;
        if (pendingLength == 0) {
            pending[pendingLength++] = b;
            if (u < 0x80) {
                codePoint = u;
                return true;
            } else if (u >= 0xC2 && u <= 0xDF) {
                pendingNeeded = 2;
                codePoint = u & 0x1F;
            } else if (u >= 0xE0 && u <= 0xEF) {
                pendingNeeded = 3;
                codePoint = u & 0x0F;
            } else if (u >= 0xF0 && u <= 0xF4) {
                pendingNeeded = 4;
                codePoint = u & 0x07;
            } else {
                throw malformed("byte " + hex(u) + " cannot start a character", null);
            }
            return false;
        }
        // The second byte's range rules out overlong forms (E0, F0), surrogates (ED) and values
        // past U+10FFFF (F4), as the Unicode standard's table of well-formed sequences says.
        int low = 0x80;
        int high = 0xBF;
        if (pendingLength == 1) {
            switch (pending[0] & 0xFF) {
                case 0xE0 -> low = 0xA0;
                case 0xED -> high = 0x9F;
                case 0xF0 -> low = 0x90;
                case 0xF4 -> high = 0x8F;
                default -> { }
            }
        }
        if (u < low || u > high) {
            throw malformed("byte " + hex(u) + " cannot follow " + hex(pending[0] & 0xFF)
                    + (pendingLength > 1 ? " …" : ""), b);
        }
        pending[pendingLength++] = b;
        codePoint = (codePoint << 6) | (u & 0x3F);
        return pendingLength == pendingNeeded;
    }

    /** Appends the character just decoded to the word, refusing it if the word would pass the limit. */
    private void append() throws TokenTooLongException {
        int size = tokenLength + pendingLength;
        // Checked before growing: memory follows the limit, not what the peer sends.
        if (size > maxTokenBytes) {
            throw new TokenTooLongException(maxTokenBytes, size, Arrays.copyOf(token, Math.min(tokenLength, 16)));
        }
        if (size > token.length) {
            token = Arrays.copyOf(token, Math.min(maxTokenBytes, Math.max(size, 2 * token.length)));
        }
        System.arraycopy(pending, 0, token, tokenLength, pendingLength);
        tokenLength = size;
    }

    private String takeToken() {
        // The bytes were checked as they came, so this decoding cannot meet anything malformed.
        String word = new String(token, 0, tokenLength, StandardCharsets.UTF_8);
        tokenLength = 0;
        return word;
    }

    private MalformedUtf8Exception malformed(String reason, Byte offending) {
        byte[] seen = Arrays.copyOf(pending, pendingLength + (offending == null ? 0 : 1));
        if (offending != null) {
            seen[pendingLength] = offending;
        }
        // Every byte in seen has been counted in offset, so the sequence starts seen.length back.
        return new MalformedUtf8Exception(offset - seen.length, seen, reason);
    }

    private static String hex(int u) {
        return String.format("0x%02x", u);
    }
    // SKELETON
    // // Helpers of your own go here, if you want them.
    // END 4.2b
}
