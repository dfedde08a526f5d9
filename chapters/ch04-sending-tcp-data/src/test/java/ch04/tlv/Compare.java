package ch04.tlv;

import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Comparisons of values that may be megabytes long: on a mismatch they say the lengths and the
 * first byte that differs, or which payload of a list, instead of printing both values.
 */
final class Compare {

    private Compare() {
    }

    /** Checks that {@code actual} holds exactly {@code expected}'s bytes. */
    static void bytes(byte[] actual, byte[] expected, String what) {
        if (Arrays.equals(actual, expected)) {
            return;
        }
        int i = Arrays.mismatch(actual, expected);
        String at = i < Math.min(actual.length, expected.length)
                ? String.format("; first difference at index %d: expected 0x%02x, got 0x%02x", i, expected[i], actual[i])
                : actual.length < expected.length
                        ? "; the bytes that came are the expected ones, but " + (expected.length - actual.length)
                                + " are missing at the end"
                        : "; the expected bytes came, and then " + (actual.length - expected.length) + " more";
        throw new AssertionFailedError(what + ": expected " + expected.length + " bytes, got " + actual.length + at);
    }

    /**
     * Checks that {@code actual} holds {@code expected}'s payloads in order; on a mismatch names the
     * first payload that differs and how (type, length, first differing byte), because two large
     * payloads print alike.
     */
    static void msgs(List<Msg> actual, List<Msg> expected, String what) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            Msg a = actual.get(i);
            Msg e = expected.get(i);
            if (a.equals(e)) {
                continue;
            }
            String where = what + ": payload " + (i + 1) + " of " + expected.size();
            if (a.type() != e.type()) {
                throw new AssertionFailedError(where + ": expected " + e + ", got " + a + " (a different type)", e, a);
            }
            bytes(a.value(), e.value(), where + " (" + Frame.typeName(e.type()) + ")");
        }
        if (actual.size() != expected.size()) {
            throw new AssertionFailedError(what + ": expected " + expected.size() + " payloads, got " + actual.size()
                    + ": " + actual, expected, actual);
        }
    }
}
