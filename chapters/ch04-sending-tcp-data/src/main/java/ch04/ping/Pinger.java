package ch04.ping;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import workbook.NotStartedException;

/**
 * Listing 4-22's loop: it times TCP connects to one address, as the system {@code ping} times ICMP
 * echoes, for hosts whose firewall drops ICMP but lets a port through.
 *
 * <p>Everything that touches the world comes in through the constructor: the name lookup, the
 * connect, the clock and the pause between attempts. {@link #system()} wires in the real ones;
 * a test passes a {@code workbook.fixtures.FakeClock} ({@code clock::nanoTime}, {@code clock::sleep})
 * and a connector of its own, so no test waits a real second.
 */
public final class Pinger {

    /** Looks up a host name once, before the first attempt. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress resolve(String host) throws UnknownHostException;
    }

    /**
     * Makes one TCP connection to {@code address}, waiting at most {@code timeout} for it, and
     * closes it at once: the handshake is what is timed.
     */
    @FunctionalInterface
    public interface Connector {
        void connect(InetSocketAddress address, Duration timeout) throws IOException;
    }

    /** Waits between attempts; throws if the thread is interrupted while it waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Hears about the run as it happens: the ping command prints each event. */
    public interface Listener {

        /** The host is resolved, and the first attempt is about to start. */
        void started(InetSocketAddress address);

        /** An attempt is over: connected, timed out, or failed for good. */
        void attempted(Attempt attempt);
    }

    /** Why a run stopped. */
    public enum Ending {
        /** Every attempt that {@code count} asked for was made. */
        COMPLETED,
        /** An attempt failed for good ({@link Verdict#PERMANENT}); it was the last. */
        FAILED,
        /** The thread was interrupted (Ctrl+C); the attempt in progress, if any, is not counted. */
        INTERRUPTED
    }

    /** How a run ended, and its numbers. */
    public record Result(Summary summary, Ending ending) {

        public Result {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(ending, "ending");
        }

        /** The ping command's exit status for this result: see {@link Ping}. */
        public int exitStatus() {
            return switch (ending) {
                case INTERRUPTED -> Ping.INTERRUPTED;
                case FAILED -> Ping.FAILURE;
                case COMPLETED -> summary.connected() == summary.sent() ? Ping.SUCCESS : Ping.FAILURE;
            };
        }
    }

    /** The system's name service, through {@link InetAddress#getByName}. */
    public static final Resolver SYSTEM_RESOLVER = InetAddress::getByName;

    /** A real TCP connect: {@link #connectOnce}. */
    public static final Connector TCP = Pinger::connectOnce;

    /** A real pause: {@link Thread#sleep(Duration)}. */
    public static final Sleeper SYSTEM_SLEEPER = Thread::sleep;

    private final Resolver resolver;
    private final Connector connector;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    /**
     * @param resolver  looks up the host name
     * @param connector makes each attempt
     * @param nanoTime  a monotonic clock in nanoseconds, like {@link System#nanoTime()}
     * @param sleeper   waits between attempts
     */
    public Pinger(Resolver resolver, Connector connector, LongSupplier nanoTime, Sleeper sleeper) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A pinger on the real network, clock and sleep. */
    public static Pinger system() {
        return new Pinger(SYSTEM_RESOLVER, TCP, System::nanoTime, SYSTEM_SLEEPER);
    }

    /**
     * Runs the attempts {@code options} ask for and returns how the run ended.
     *
     * <ol>
     *   <li>Resolves {@code options.host()} once, before the clock starts, and tells the listener
     *       the address ({@link Listener#started}).</li>
     *   <li>Attempt {@code n} (from 1) connects with {@code options.timeout()}, timed on the
     *       clock from just before the connect to just after it, and the outcome goes to the
     *       {@link Statistics} and then to the listener ({@link Listener#attempted}). The
     *       connector's exception decides the outcome ({@link Verdict}): a timeout is reported
     *       and the run goes on; a permanent failure is reported and ends the run
     *       ({@link Ending#FAILED}); an interrupt ends it at once, unreported
     *       ({@link Ending#INTERRUPTED}).</li>
     *   <li>After attempt {@code count} the run ends ({@link Ending#COMPLETED}), with no pause
     *       after it. A {@code count} of 0 or less never ends this way.</li>
     *   <li>Otherwise the next attempt starts {@code options.interval()} after this one started:
     *       the sleeper waits for what is left of the interval, and is not called when nothing is
     *       left (an attempt that took the whole interval or more is followed at once). An
     *       interrupt during the pause ends the run ({@link Ending#INTERRUPTED}).</li>
     * </ol>
     * When the run ends because the thread was interrupted, the thread's interrupt status is set
     * again on return, so the caller sees it too.
     *
     * @throws UnknownHostException if the host name cannot be resolved; no attempt is made
     */
    public Result run(PingOptions options, Listener listener) throws UnknownHostException {
        throw new NotStartedException("4.7d");
    }
    // Your helper methods go here, if you want any.

    /**
     * One real attempt: opens a TCP connection to {@code address} within {@code timeout} and
     * closes it at once. Interrupting the thread stops a connect in progress with a
     * {@link java.nio.channels.ClosedByInterruptException}, so Ctrl+C never waits for a timeout.
     *
     * @param timeout how long to wait for the handshake; under 1 ms counts as 1 ms
     * @throws java.net.SocketTimeoutException if the handshake takes longer than {@code timeout}
     * @throws java.net.ConnectException if the host refuses the connection
     * @throws IOException if the connect fails otherwise
     */
    static void connectOnce(InetSocketAddress address, Duration timeout) throws IOException {
        throw new NotStartedException("4.7d");
    }
}
