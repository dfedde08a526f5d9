package ch04.scanner;

import java.io.IOException;
import java.util.HexFormat;

/**
 * The stream is not valid UTF-8: a byte that cannot start a character, a character cut short by
 * another byte or by the end of the stream, an overlong encoding, a surrogate or a value past
 * U+10FFFF.
 *
 * <p>Go's {@code ScanWords} would let such bytes through inside a word; a Java {@code String}
 * cannot hold them faithfully, and silently replacing them with U+FFFD would hide a broken peer,
 * so the scanner refuses them.
 */
public final class MalformedUtf8Exception extends IOException {

    private final long offset;
    private final byte[] bytes;

    /**
     * @param offset where the bad sequence starts, counted in bytes from the start of the stream
     * @param bytes  the sequence as far as it was read, the offending byte last
     * @param reason what is wrong, for example "unexpected end of stream"
     */
    public MalformedUtf8Exception(long offset, byte[] bytes, String reason) {
        super("malformed UTF-8 at byte " + offset + ": " + reason + " (bytes "
                + HexFormat.ofDelimiter(" ").formatHex(bytes) + ")");
        this.offset = offset;
        this.bytes = bytes.clone();
    }

    /** Where the bad sequence starts, counted in bytes from the start of the stream. */
    public long offset() {
        return offset;
    }

    /** The bad sequence as far as it was read. */
    public byte[] bytes() {
        return bytes.clone();
    }
}
