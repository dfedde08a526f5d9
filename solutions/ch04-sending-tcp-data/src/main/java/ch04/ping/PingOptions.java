package ch04.ping;

import java.time.Duration;
import java.util.Objects;
// SOLUTION 4.7a
import java.util.regex.Matcher;
import java.util.regex.Pattern;
// SKELETON
// import workbook.NotStartedException;
// END 4.7a

/**
 * What the user asked the ping command for (Listing 4-21's flags): where to connect, how many
 * attempts, how far apart, and how long each may wait.
 *
 * <p>The record takes any values, so that a test can ask {@link Pinger} for settings nobody
 * types. What comes from a command line goes through {@link #parse}, which is where the command
 * is polite: an interval under {@link #MIN_INTERVAL} needs {@value #FAST_OPTION}.
 *
 * @param host     a host name or an IP address, without brackets
 * @param port     the TCP port, 1 to 65535
 * @param count    how many attempts; 0 or less means until interrupted
 * @param interval from the start of one attempt to the start of the next
 * @param timeout  how long one connect may wait for an answer
 */
public record PingOptions(String host, int port, long count, Duration interval, Duration timeout) {

    /** The chapter's default count: three attempts. */
    public static final long DEFAULT_COUNT = 3;

    /** The chapter's default interval: one second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /** The chapter's default timeout: five seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The politeness floor, as text for the help screen: the system {@code ping} refuses an
     * interval under 200 ms to anyone but root, and a TCP connect costs the target more than an
     * ICMP echo (a handshake, an accept, a teardown).
     */
    public static final String MIN_INTERVAL_TEXT = "200ms";

    /** The shortest interval {@link #parse} allows without {@value #FAST_OPTION}. */
    public static final Duration MIN_INTERVAL = DurationText.parse(MIN_INTERVAL_TEXT);

    /** The flag that lets an interval go under {@link #MIN_INTERVAL}. */
    public static final String FAST_OPTION = "--fast";

    /**
     * The shortest timeout: Java's connect takes whole milliseconds, and 0 means "wait forever".
     */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    /**
     * The longest timeout, as text for the help screen. Linux gives up on an unanswered connect by
     * itself after about 127 s (six SYN retries), and Java then throws a
     * {@code ConnectException}, the type of a refusal, instead of a timeout; 60 s stays well clear.
     */
    public static final String MAX_TIMEOUT_TEXT = "60s";

    /** The longest timeout {@link #parse} allows. */
    public static final Duration MAX_TIMEOUT = DurationText.parse(MAX_TIMEOUT_TEXT);

    public PingOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Whether the run goes on until interrupted ({@code count} of 0 or less). */
    public boolean forever() {
        return count <= 0;
    }

    /**
     * Checks what a user typed and returns it as options.
     *
     * <p>{@code target} is {@code host:port}: a host name or an IPv4 address, or an IPv6 address
     * in brackets ({@code [::1]:8080}, since an IPv6 address has colons of its own), then a colon
     * and a port of 1 to 65535 written in ASCII digits. {@code count} may be anything. {@code interval}
     * may not be negative, nor under {@link #MIN_INTERVAL} unless {@code fast}. {@code timeout}
     * lies between {@link #MIN_TIMEOUT} and {@link #MAX_TIMEOUT}.
     *
     * @param fast whether the user gave {@value #FAST_OPTION}
     * @throws IllegalArgumentException if something is out of bounds; the message quotes what was
     *     given and says what is allowed, for the user to read
     * @throws NullPointerException if {@code target}, {@code interval} or {@code timeout} is null
     */
    public static PingOptions parse(String target, long count, Duration interval, Duration timeout, boolean fast) {
        // SOLUTION 4.7a
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Matcher m = HOST_PORT.matcher(target);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + target + "' is not host:port: write it like 127.0.0.1:8080,"
                    + " localhost:8080 or [::1]:8080 (an IPv6 address goes in brackets)");
        }
        String host = m.group(1) != null ? m.group(1) : m.group(2);
        // Integer.parseInt would also take a sign and any script's digits ("+80", "٨٠"): the
        // pattern lets through ASCII digits only, and no more than five of them.
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in '" + target + "' is not a port to connect to:"
                    + " it must be 1 to 65535");
        }
        requireNotNegative("interval", interval);
        requireNotNegative("timeout", timeout);
        if (interval.compareTo(MIN_INTERVAL) < 0 && !fast) {
            throw new IllegalArgumentException("interval " + DurationText.format(interval) + " is under "
                    + MIN_INTERVAL_TEXT + ": add " + FAST_OPTION + " to go faster, and only against a host you own");
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout " + DurationText.format(timeout) + " is out of bounds: it"
                    + " must be " + DurationText.format(MIN_TIMEOUT) + " to " + MAX_TIMEOUT_TEXT);
        }
        return new PingOptions(host, port, count, interval, timeout);
        // END 4.7a
    }
    // SOLUTION 4.7a

    private static void requireNotNegative(String name, Duration duration) {
        // The command line cannot say "-1s" (DurationText takes no sign); a caller of parse can.
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " " + duration + " is negative");
        }
    }

    // Either [an IPv6 address] or a host without colons; then a colon and one to five ASCII digits.
    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([^\\[\\]]+)]|([^:\\[\\]]+)):([0-9]{1,5})");
    // SKELETON
    // // Your helper methods and constants go here, if you want any.
    // END 4.7a
}
