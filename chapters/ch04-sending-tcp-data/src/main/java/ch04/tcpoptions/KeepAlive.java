package ch04.tcpoptions;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import workbook.NotStartedException;

/**
 * TCP keepalive: whether an idle connection sends probes, and when. Go's
 * {@code SetKeepAlive(true)} and {@code SetKeepAlivePeriod(d)} (Listing 4-23); in Java,
 * {@code SO_KEEPALIVE} and three options of {@link jdk.net.ExtendedSocketOptions}, each a whole
 * number of seconds or probes:
 *
 * <pre>
 *   last data ──── idle ────► probe ── interval ──► probe ── interval ──► … count probes unanswered: reset
 * </pre>
 *
 * <p>Linux's defaults are 7200 s idle, 75 s between probes and 9 probes: a dead peer is noticed
 * after two hours and eleven minutes. Keepalive is off until a program turns it on.
 */
public sealed interface KeepAlive permits KeepAlive.Off, KeepAlive.On {

    /** The longest idle time or interval Linux accepts, in seconds ({@code MAX_TCP_KEEPIDLE}, {@code MAX_TCP_KEEPINTVL}). */
    int MAX_SECONDS = 32_767;

    /** The most probes Linux accepts ({@code MAX_TCP_KEEPCNT}). */
    int MAX_COUNT = 127;

    /** No probes: an idle connection to a vanished peer stays open until the program writes to it. */
    static KeepAlive off() {
        return new Off();
    }

    /** Probes after {@code idle} without data, every {@code interval}, at most {@code count} of them. */
    static On on(Duration idle, Duration interval, int count) {
        return new On(idle, interval, count);
    }

    /**
     * Sets this keepalive on {@code socket}: connected or not, since keepalive only acts once the
     * connection is idle. {@link Off} turns {@code SO_KEEPALIVE} off and touches nothing else.
     *
     * @throws IOException if the socket refuses an option (closed, or an option this platform lacks:
     *                     {@code UnsupportedOperationException})
     */
    void applyTo(Socket socket) throws IOException;

    /** Keepalive off. */
    record Off() implements KeepAlive {

        @Override
        public void applyTo(Socket socket) throws IOException {
            throw new NotStartedException("4.8b");
        }
    }

    /**
     * Keepalive on, with its three settings.
     *
     * @param idle     how long the connection is idle before the first probe: whole seconds, 1 to {@link #MAX_SECONDS}
     * @param interval the time between unanswered probes: whole seconds, 1 to {@link #MAX_SECONDS}
     * @param count    how many unanswered probes end the connection: 1 to {@link #MAX_COUNT}
     * @throws IllegalArgumentException for a value out of range or a duration that is not whole
     *                                  seconds (the kernel counts seconds), naming the value and the range
     * @throws NullPointerException     if {@code idle} or {@code interval} is null
     */
    record On(Duration idle, Duration interval, int count) implements KeepAlive {

        public On {
            throw new NotStartedException("4.8b");
        }

        // Your helpers, if you want some, go here.

        @Override
        public void applyTo(Socket socket) throws IOException {
            throw new NotStartedException("4.8b");
        }
    }
}
