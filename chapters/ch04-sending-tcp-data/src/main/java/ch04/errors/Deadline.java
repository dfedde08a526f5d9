package ch04.errors;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import workbook.NotStartedException;

/**
 * One deadline for a whole exchange, Go's {@code SetDeadline(t)}: a point in time, fixed once,
 * against which every blocking call of the exchange measures what is left.
 *
 * <p>Java's sockets take a timeout per call ({@link java.net.Socket#setSoTimeout}), a length of
 * time that starts again with each read. A deadline turns into such timeouts by asking, before
 * each call, how much time is left: {@link #nextTimeoutMillis()}.
 *
 * <p>The point is a reading of a monotonic clock ({@link System#nanoTime()} style), not a
 * wall-clock {@link java.time.Instant}: a wall clock can be set back or forward while the exchange
 * runs, a monotonic one cannot. Only differences of readings mean anything, so the arithmetic here
 * subtracts readings and never compares them directly (a reading may overflow and wrap).
 *
 * <pre>
 *   after(4.5 s)       read 1        read 2        read 3 ...         deadline
 *   |-------------------|-------------|-------------|------------------|
 *   start               timeout 4500  timeout 3500  timeout 2500 ...    nothing left: fail at once
 * </pre>
 *
 * <p>Immutable and thread-safe if the clock is.
 */
public final class Deadline {

    /** The finest timeout a Java socket takes: 1 ms. Less than this left counts as nothing left. */
    public static final Duration RESOLUTION = Duration.ofMillis(1);

    private final LongSupplier nanoTime;
    private final long start;
    private final Duration allowed;

    private Deadline(LongSupplier nanoTime, long start, Duration allowed) {
        this.nanoTime = nanoTime;
        this.start = start;
        this.allowed = allowed;
    }

    /**
     * A deadline {@code allowed} from now, as read on {@code nanoTime}.
     *
     * @param allowed  the time the whole exchange may take; 0 or negative gives a deadline that has
     *                 already passed (Go accepts a deadline in the past too)
     * @param nanoTime a monotonic clock in nanoseconds: {@code System::nanoTime}, or
     *                 {@code clock::nanoTime} of a {@code workbook.fixtures.FakeClock} in a test
     */
    public static Deadline after(Duration allowed, LongSupplier nanoTime) {
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(nanoTime, "nanoTime");
        return new Deadline(nanoTime, nanoTime.getAsLong(), allowed);
    }

    /** How long the exchange was given. */
    public Duration allowed() {
        return allowed;
    }

    /** How much time has passed since the deadline was set. */
    public Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    /** How much time is left: negative once the deadline has passed. */
    public Duration remaining() {
        return allowed.minus(elapsed());
    }

    /** The exception for this deadline, saying how long was allowed and how long has passed. */
    public DeadlineExceededException exceeded() {
        return new DeadlineExceededException(allowed, elapsed());
    }

    /**
     * The timeout to give the next blocking call: the whole milliseconds left, never more.
     *
     * <p>Rounds down, so the call can never wait past the deadline. Because a Java timeout of
     * {@code 0} means "wait forever", less than {@link #RESOLUTION} left is nothing left: then this
     * throws instead of returning 0. A deadline further away than {@link Integer#MAX_VALUE} ms
     * (about 24.8 days) gives {@link Integer#MAX_VALUE}.
     *
     * @return from 1 to {@link Integer#MAX_VALUE}, at most the time left
     * @throws DeadlineExceededException if less than 1 ms is left (see {@link #exceeded()})
     */
    public int nextTimeoutMillis() throws DeadlineExceededException {
        throw new NotStartedException("4.4a");
    }
}
