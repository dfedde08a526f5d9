package ch04.ping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the ping command reads and writes them: {@code 1.5} (seconds, as the system
 * {@code ping -i} takes them), {@code 500ms}, {@code 2s}, {@code 1m}.
 *
 * <p>The JDK reads only ISO-8601 ({@code PT0.5S}), which nobody types at a prompt; Go's
 * {@code flag.Duration} reads {@code 500ms} and {@code 1.5s}. This reads a non-negative decimal
 * number with an optional unit, {@code ms}, {@code s} (the default) or {@code m}, and at most nine
 * decimals; the result must be a whole number of nanoseconds.
 */
public final class DurationText {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)(ms|s|m)?");
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000);

    private DurationText() {
    }

    /**
     * The duration {@code text} names.
     *
     * @throws IllegalArgumentException if {@code text} is not such a duration, saying what is
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write 1.5 (seconds), 500ms, 2s or 1m");
        }
        long nanosPerUnit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is finer than a nanosecond");
        }
        BigInteger[] secondsAndNanos = nanos.toBigInteger().divideAndRemainder(NANOS_PER_SECOND);
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }

    /**
     * {@code duration} the way {@link #parse} reads it back, in the largest unit that keeps it
     * exact: {@code 1s}, {@code 90s}, {@code 200ms}, {@code 0.25ms}.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a negative duration has no text: " + duration);
        }
        if (duration.getNano() == 0) {
            return duration.getSeconds() + "s";
        }
        BigDecimal millis = new BigDecimal(BigInteger.valueOf(duration.getSeconds()).multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(duration.getNano())), 6);
        return millis.stripTrailingZeros().toPlainString() + "ms";
    }
}
