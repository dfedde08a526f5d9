package ch04.scanner;

import java.io.IOException;
import java.io.InputStream;
import workbook.NotStartedException;

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

    // Your fields go here.

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
        throw new NotStartedException("4.2b");
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
        throw new NotStartedException("4.2b");
    }

    // Helpers of your own go here, if you want them.
}
