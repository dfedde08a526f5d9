package ch04.errors;

import java.time.Duration;
// SOLUTION 4.4d
import java.util.Objects;
// SKELETON
// import workbook.NotStartedException;
// END 4.4d

/**
 * How long a {@link Retry} pauses after a failed try before the next one.
 *
 * <p>Listing 4-13 pauses 10 s every time ({@link #constant}, {@link #LISTING_PAUSE}). A fixed
 * pause is either too long for a hiccup or too short for a peer that is really struggling, and
 * when many clients fail together they all come back together. {@link #exponential} starts short
 * and doubles after each failure, up to a ceiling:
 *
 * <pre>
 *   failed tries   1      2      3      4      5       6       7 ...
 *   pause          100ms  200ms  400ms  800ms  1600ms  3200ms  6400ms, then 10 s from the 8th on
 * </pre>
 */
@FunctionalInterface
public interface Backoff {

    /** Listing 4-13's pause between tries: 10 s, every time. */
    Duration LISTING_PAUSE = Duration.ofSeconds(10);

    /** The first pause of the workbook's standard backoff ({@link Retry#standard}). */
    Duration FIRST_PAUSE = Duration.ofMillis(100);

    /** The longest pause of the workbook's standard backoff: Listing 4-13's 10 s, as a ceiling. */
    Duration MAX_PAUSE = Duration.ofSeconds(10);

    /**
     * The pause after the try numbered {@code failedTries} failed, before try {@code failedTries + 1}.
     *
     * @param failedTries how many tries have failed so far, 1 after the first failure
     * @throws IllegalArgumentException if {@code failedTries < 1}
     */
    Duration pauseAfter(int failedTries);

    /** The same pause after every failure, as Listing 4-13 does with 10 s. */
    static Backoff constant(Duration pause) {
        return failedTries -> pause;
    }

    /**
     * A pause of {@code first} after the first failure, doubled after each further failure, and
     * never more than {@code max}: {@code min(max, first * 2^(failedTries - 1))}, exact for every
     * {@code failedTries} up to {@link Integer#MAX_VALUE} (no overflow: past the ceiling it is
     * {@code max}).
     *
     * @param first the first pause, positive
     * @param max   the ceiling, at least {@code first}
     * @throws IllegalArgumentException if {@code first} is not positive or {@code max} is shorter than it
     */
    static Backoff exponential(Duration first, Duration max) {
        // SOLUTION 4.4d
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first pause " + first + ": must be positive");
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max pause " + max + " is shorter than the first pause " + first);
        }
        Duration halfMax = max.dividedBy(2);
        return failedTries -> {
            if (failedTries < 1) {
                throw new IllegalArgumentException("failedTries " + failedTries + ": the first failure is 1");
            }
            Duration pause = first;
            // Doubling, not first << (failedTries - 1): a shift by 64 or more wraps around, and
            // Duration.multipliedBy overflows. The loop ends within about 94 turns at the ceiling.
            for (int i = 1; i < failedTries; i++) {
                if (pause.compareTo(halfMax) > 0) {
                    return max;
                }
                pause = pause.multipliedBy(2);
            }
            return pause;
        };
        // END 4.4d
    }
}
