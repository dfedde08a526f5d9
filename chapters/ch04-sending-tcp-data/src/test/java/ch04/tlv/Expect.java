package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import workbook.NotStartedException;

/** Expected failures, without hiding a stub: a {@code NotStartedException} goes through as itself. */
final class Expect {

    private Expect() {
    }

    /**
     * What {@code call} throws, checked to be a {@code type}.
     *
     * @param task what the call should have done and which exercise to reread, for the message
     */
    static <T extends Throwable> T thrown(Class<T> type, String task, ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        NotStartedException stub = NotStartedException.findIn(t);
        if (stub != null) {
            throw stub;
        }
        assertThat(t).as("%s: expected a %s, got %s", task, type.getSimpleName(),
                t == null ? "no exception" : t.toString()).isInstanceOf(type);
        return type.cast(t);
    }
}
