package ch04.ping;

import java.time.Duration;
import java.util.Optional;
// SOLUTION 4.7c
import java.util.Objects;
// SKELETON
// import workbook.NotStartedException;
// END 4.7c

/**
 * The running numbers behind the ping command's summary: fed one {@link Attempt} at a time, it can
 * say at any moment what the system {@code ping} prints when it stops.
 *
 * <p>A run of {@code ping -c 0} goes on until Ctrl+C, so this keeps a few numbers, never a list of
 * every attempt: its memory stays the same after a million attempts as after one.
 *
 * <p>Not thread-safe: one run feeds it from one thread.
 */
public final class Statistics {

    // SOLUTION 4.7c
    private long sent;
    private long connected;
    private long minNanos = Long.MAX_VALUE;
    private long maxNanos = Long.MIN_VALUE;
    // Welford's running mean and sum of squared deviations. The textbook shortcut,
    // sum(x^2)/n - mean^2, cancels catastrophically in double once the times are seconds long and
    // close together (and overflows in long nanoseconds).
    private double mean;
    private double squaredDeviations;
    // SKELETON
    // // Your fields go here: the few numbers summary() needs, and no list of every attempt.
    // END 4.7c

    /**
     * Counts one attempt: every attempt is sent; only a {@link Attempt.Connected} adds a connect
     * time.
     *
     * @throws NullPointerException if {@code attempt} is null
     */
    public void add(Attempt attempt) {
        // SOLUTION 4.7c
        Objects.requireNonNull(attempt, "attempt");
        sent++;
        if (attempt instanceof Attempt.Connected) {
            long nanos = attempt.elapsed().toNanos();
            connected++;
            minNanos = Math.min(minNanos, nanos);
            maxNanos = Math.max(maxNanos, nanos);
            double delta = nanos - mean;
            mean += delta / connected;
            squaredDeviations += delta * (nanos - mean);
        }
        // END 4.7c
    }

    /**
     * The numbers so far.
     *
     * <p>Loss is the share of the attempts sent that did not connect, in percent (0 when nothing
     * was sent). The times cover only the attempts that connected, as the system {@code ping}'s
     * cover only the echoes that came back: a timeout's wait is not a connect time. The standard
     * deviation is the population's, the square root of the mean squared distance from the average
     * (divided by the count, not by the count minus one), which is what {@code ping} prints as
     * {@code mdev} (Linux) or {@code stddev} (BSD, macOS). The average and the deviation are
     * rounded to the nearest nanosecond.
     */
    public Summary summary() {
        // SOLUTION 4.7c
        double lossPercent = sent == 0 ? 0 : 100.0 * (sent - connected) / sent;
        Optional<Summary.Times> times = connected == 0
                ? Optional.empty()
                : Optional.of(new Summary.Times(
                        Duration.ofNanos(minNanos),
                        Duration.ofNanos(Math.round(mean)),
                        Duration.ofNanos(maxNanos),
                        Duration.ofNanos(Math.round(Math.sqrt(squaredDeviations / connected)))));
        return new Summary(sent, connected, lossPercent, times);
        // END 4.7c
    }
}
