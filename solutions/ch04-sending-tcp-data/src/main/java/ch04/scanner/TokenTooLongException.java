package ch04.scanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A word grew past the scanner's limit before any white space arrived: Go's {@code bufio.ErrTooLong}.
 * The limit is what stops a peer that never sends a delimiter from filling the reader's memory.
 */
public final class TokenTooLongException extends IOException {

    private static final int SHOWN = 16;

    private final int limit;
    private final int tokenBytes;

    /**
     * @param limit      the most bytes a word may have
     * @param tokenBytes how many bytes the word had reached when it was refused ({@code > limit})
     * @param head       the word's first bytes, for the message (at most 16 are shown)
     */
    public TokenTooLongException(int limit, int tokenBytes, byte[] head) {
        super("word longer than the limit of " + limit + " bytes: " + tokenBytes
                + " bytes arrived with no white space, starting \"" + shown(head) + "\"");
        this.limit = limit;
        this.tokenBytes = tokenBytes;
    }

    private static String shown(byte[] head) {
        // Lenient on purpose: the bytes may stop in the middle of a character. The word always goes on
        // past them (it is longer than the limit, they are part of what was kept), hence the "…".
        return new String(head, 0, Math.min(head.length, SHOWN), StandardCharsets.UTF_8) + "…";
    }

    /** The most bytes a word may have. */
    public int limit() {
        return limit;
    }

    /** How many bytes the word had reached when it was refused; more than {@link #limit()}. */
    public int tokenBytes() {
        return tokenBytes;
    }
}
