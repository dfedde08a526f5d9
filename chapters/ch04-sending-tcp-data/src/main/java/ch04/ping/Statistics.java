package ch04.ping;

import java.time.Duration;
import java.util.Optional;
import workbook.NotStartedException;

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

    // Your fields go here: the few numbers summary() needs, and no list of every attempt.

    /**
     * Counts one attempt: every attempt is sent; only a {@link Attempt.Connected} adds a connect
     * time.
     *
     * @throws NullPointerException if {@code attempt} is null
     */
    public void add(Attempt attempt) {
        throw new NotStartedException("4.7c");
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
        throw new NotStartedException("4.7c");
    }
}
