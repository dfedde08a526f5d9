package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import workbook.fixtures.Thrown;

/**
 * Expected failures, typed, on top of {@link Thrown#by}: a {@code NotStartedException} goes
 * through as itself, so an untouched stub shows as "not started".
 */
final class Expect {

    private Expect() {
    }

    /**
     * What {@code call} throws, checked to be a {@code type}.
     *
     * @param task what the call should have done and which exercise to reread, for the message
     */
    static <T extends Throwable> T thrown(Class<T> type, String task, Thrown.Call call) {
        Throwable t = Thrown.by(call);
        assertThat(t).as("%s: expected a %s, got %s", task, type.getSimpleName(),
                t == null ? "no exception" : t.toString()).isInstanceOf(type);
        return type.cast(t);
    }

    /**
     * Checks that {@code actual} holds exactly {@code expected}'s bytes; on a mismatch says the
     * lengths and the first differing index instead of printing megabytes.
     */
    static void sameBytes(byte[] actual, byte[] expected, String what) {
        if (Arrays.equals(actual, expected)) {
            return;
        }
        int i = Arrays.mismatch(actual, expected);
        String at = i < Math.min(actual.length, expected.length)
                ? String.format("; first difference at index %d: expected 0x%02x, got 0x%02x", i, expected[i], actual[i])
                : "; one is a prefix of the other";
        throw new AssertionFailedError(what + ": expected " + expected.length + " bytes, got " + actual.length + at);
    }

    /**
     * Checks that {@code actual} holds {@code expected}'s payloads in order; on a mismatch names the
     * first payload that differs and how (type, length, first differing byte), because two large
     * payloads print alike.
     */
    static void sameMsgs(List<Msg> actual, List<Msg> expected, String what) {
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
            sameBytes(a.value(), e.value(), where + " (" + (e.type() == Msg.BINARY ? "binary" : "string") + ")");
        }
        if (actual.size() != expected.size()) {
            throw new AssertionFailedError(what + ": expected " + expected.size() + " payloads, got " + actual.size()
                    + ": " + actual, expected, actual);
        }
    }
}
