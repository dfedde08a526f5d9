package ch04.ping;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a run the way the system {@code ping} does: a header once the host is resolved, a line
 * per attempt, and the statistics at the end.
 *
 * <pre>
 * PING localhost:8080 (127.0.0.1:8080): TCP connect, count 3, interval 1s, timeout 5s
 * seq=1 connected in 0.412 ms
 * seq=2 timed out after 5000.217 ms
 * seq=3 connected in 0.188 ms
 *
 * --- localhost:8080 ping statistics ---
 * 3 sent, 2 connected, 33.3% loss
 * connect min/avg/max/stddev = 0.188/0.300/0.412/0.112 ms
 * </pre>
 */
final class Report implements Pinger.Listener {

    private final String target;
    private final PingOptions options;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param target the {@code host:port} as the user typed it
     * @param out    where the header, the attempts and the summary go
     * @param err    where a permanent failure is explained
     */
    Report(String target, PingOptions options, PrintStream out, PrintStream err) {
        this.target = target;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    @Override
    public void started(InetSocketAddress address) {
        String count = options.forever() ? "count unlimited (Ctrl+C to stop)" : "count " + options.count();
        out.println("PING " + target + " (" + text(address) + "): TCP connect, " + count
                + ", interval " + DurationText.format(options.interval())
                + ", timeout " + DurationText.format(options.timeout()));
    }

    @Override
    public void attempted(Attempt attempt) {
        String elapsed = millis(attempt.elapsed()) + " ms";
        switch (attempt) {
            case Attempt.Connected c -> out.println("seq=" + c.number() + " connected in " + elapsed);
            case Attempt.TimedOut t -> out.println("seq=" + t.number() + " timed out after " + elapsed);
            case Attempt.Failed f -> {
                out.println("seq=" + f.number() + " failed after " + elapsed + ": " + f.cause());
                err.println("ping: " + target + " failed for good (" + f.cause().getClass().getSimpleName()
                        + "), so no more attempts: " + f.cause().getMessage());
            }
        }
    }

    /** The closing statistics: counts and loss, then the connect times when any connected. */
    void summary(Summary summary) {
        out.println();
        out.println("--- " + target + " ping statistics ---");
        out.println(summary.sent() + " sent, " + summary.connected() + " connected, "
                + percent(summary.lossPercent()) + "% loss");
        summary.times().ifPresent(t -> out.println("connect min/avg/max/stddev = " + millis(t.min()) + "/"
                + millis(t.average()) + "/" + millis(t.max()) + "/" + millis(t.stddev()) + " ms"));
    }

    /** Milliseconds with three decimals, as ping prints them: {@code 0.412}. */
    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e6);
    }

    /** A share with at most one decimal: {@code 0}, {@code 33.3}, {@code 100}. */
    static String percent(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code 127.0.0.1:8080}, or {@code [0:0:0:0:0:0:0:1]:8080} for IPv6. */
    static String text(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
