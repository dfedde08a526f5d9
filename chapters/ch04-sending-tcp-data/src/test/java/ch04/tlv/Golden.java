package ch04.tlv;

import java.util.HexFormat;
import java.util.List;

/**
 * The chapter's three payloads (its Listing 4-10 test) and their frames, written out by hand from
 * the layout drawn in {@code Frame}: type byte, four-byte big-endian length, value.
 */
final class Golden {

    private Golden() {
    }

    static final List<Msg> PAYLOADS = List.of(
            Msg.binary("Clear is better than clever."),
            Msg.text("Errors are values."),
            Msg.binary("Don't panic."));

    /** binary, length 28 = 0x1c, "Clear is better than clever." */
    static final byte[] CLEAR = hex("01 0000001c"
            + " 43 6c 65 61 72 20 69 73 20 62 65 74 74 65 72 20 74 68 61 6e 20 63 6c 65 76 65 72 2e");

    /** string, length 18 = 0x12, "Errors are values." */
    static final byte[] ERRORS = hex("02 00000012"
            + " 45 72 72 6f 72 73 20 61 72 65 20 76 61 6c 75 65 73 2e");

    /** binary, length 12 = 0x0c, "Don't panic." */
    static final byte[] PANIC = hex("01 0000000c"
            + " 44 6f 6e 27 74 20 70 61 6e 69 63 2e");

    /** The three frames back to back, as the chapter's server sends them. */
    static final byte[] ALL = concat(CLEAR, ERRORS, PANIC);

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
