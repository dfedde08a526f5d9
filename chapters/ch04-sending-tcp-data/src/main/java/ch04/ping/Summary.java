package ch04.ping;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The numbers the ping command prints when it stops, like the last two lines of the system
 * {@code ping}: how many attempts were made, how many connected, the share lost, and the connect
 * times.
 *
 * @param sent        the attempts made (connected, timed out, or failed for good)
 * @param connected   the attempts that connected
 * @param lossPercent the share of {@code sent} that did not connect, from 0 to 100; 0 when
 *                    nothing was sent
 * @param times       the connect times of the attempts that connected; empty when none did
 */
public record Summary(long sent, long connected, double lossPercent, Optional<Times> times) {

    public Summary {
        Objects.requireNonNull(times, "times");
    }

    /**
     * Minimum, average, maximum and standard deviation of the connect times, each rounded to the
     * nearest nanosecond. The deviation is the population's (divided by the count, not the count
     * minus one), as the system {@code ping} computes its {@code mdev} or {@code stddev}.
     */
    public record Times(Duration min, Duration average, Duration max, Duration stddev) {
        public Times {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(average, "average");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(stddev, "stddev");
        }
    }
}
