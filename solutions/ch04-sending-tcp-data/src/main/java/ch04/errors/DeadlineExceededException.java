package ch04.errors;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * The deadline of a whole exchange has passed: Go's {@code os.ErrDeadlineExceeded}, in Java.
 *
 * <p>It is a {@link SocketTimeoutException}, so code that already handles a read timeout sees a
 * timeout. But unlike a plain per-call timeout it is not worth retrying: the deadline does not
 * move, so every later call on the same deadline fails at once (see {@link Failures}).
 * {@link #bytesTransferred} is 0: a timed-out read consumes nothing.
 */
public class DeadlineExceededException extends SocketTimeoutException {

    private static final long serialVersionUID = 1L;

    private final Duration allowed;
    private final Duration elapsed;

    /**
     * @param allowed how long the exchange was given, from the deadline's start
     * @param elapsed how long has passed since then, when the deadline was found exceeded
     */
    public DeadlineExceededException(Duration allowed, Duration elapsed) {
        super("deadline exceeded: the exchange was allowed " + millis(allowed) + " and " + millis(elapsed)
                + " have passed; less than 1 ms was left for the next call");
        this.allowed = allowed;
        this.elapsed = elapsed;
    }

    /** How long the exchange was given. */
    public Duration allowed() {
        return allowed;
    }

    /** How long had passed since the deadline was set when it was found exceeded. */
    public Duration elapsed() {
        return elapsed;
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.3f ms", d.toNanos() / 1e6);
    }
}
