package ch04.tcpoptions;

import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
// SOLUTION 4.8c
import java.util.Objects;
// SKELETON
// import workbook.NotStartedException;
// END 4.8c

/**
 * What {@code close()} does with data the kernel has not sent yet: Go's {@code SetLinger(sec)}
 * (Listing 4-24), Java's {@code setSoLinger(on, seconds)}.
 *
 * <table>
 *   <caption>The three behaviours and how each API spells them</caption>
 *   <tr><th>behaviour</th><th>Go</th><th>Java</th><th>{@code getSoLinger()}</th></tr>
 *   <tr><td>close returns at once; the kernel sends the rest, then a FIN</td>
 *       <td>{@code SetLinger(-1)}, any sec &lt; 0</td><td>{@code setSoLinger(false, 0)}</td><td>-1</td></tr>
 *   <tr><td>close discards the rest and sends a reset (RST)</td>
 *       <td>{@code SetLinger(0)}</td><td>{@code setSoLinger(true, 0)}</td><td>0</td></tr>
 *   <tr><td>close blocks until the rest is sent and acknowledged, or n seconds pass</td>
 *       <td>{@code SetLinger(n)}</td><td>{@code setSoLinger(true, n)}</td><td>n</td></tr>
 * </table>
 *
 * <p>The first is every socket's default. The second is how a server drops a connection it will
 * not serve; the peer's next read fails with "Connection reset" instead of reading the end of the
 * stream. The third makes {@code close()} a blocking call: use it only where the caller can wait.
 */
public sealed interface Linger permits Linger.OsDefault, Linger.Discard, Linger.WaitUpTo {

    /** The most seconds the JDK passes on: it silently lowers a larger {@code setSoLinger} value to this. */
    int MAX_SECONDS = 65_535;

    /** Close returns at once and the kernel sends what is left: every socket's default. */
    static Linger osDefault() {
        return new OsDefault();
    }

    /** Close throws away what is left and resets the connection. */
    static Linger discard() {
        return new Discard();
    }

    /** Close waits up to {@code timeout} for what is left to be sent and acknowledged. */
    static Linger waitUpTo(Duration timeout) {
        return new WaitUpTo(timeout);
    }

    /**
     * Go's convention, one number for the three behaviours: {@code seconds} below 0 is
     * {@link #osDefault()}, exactly 0 is {@link #discard()}, above 0 is {@link #waitUpTo} that many
     * seconds.
     *
     * @throws IllegalArgumentException if {@code seconds} is above {@link #MAX_SECONDS}
     */
    static Linger ofGoSeconds(int seconds) {
        // SOLUTION 4.8c
        if (seconds < 0) {
            return osDefault();
        }
        if (seconds == 0) {
            return discard();
        }
        return waitUpTo(Duration.ofSeconds(seconds));
        // END 4.8c
    }

    /**
     * What {@code getSoLinger()} reads once this is applied: -1, 0 or the seconds to wait.
     */
    int soLinger();

    /**
     * Sets this behaviour on {@code socket}, before it is closed (any time before: the option only
     * matters to {@code close()}).
     *
     * @throws SocketException if the socket refuses the option (for one, because it is closed)
     */
    void applyTo(Socket socket) throws SocketException;

    /** Close returns at once; the kernel sends the rest in the background, then a FIN. */
    record OsDefault() implements Linger {

        @Override
        public int soLinger() {
            return -1;
        }

        @Override
        public void applyTo(Socket socket) throws SocketException {
            // SOLUTION 4.8c
            // Off is the default: Java has no -1 to pass, and setSoLinger(true, -1) is refused.
            socket.setSoLinger(false, 0);
            // END 4.8c
        }
    }

    /** Close discards unsent data and sends a reset. */
    record Discard() implements Linger {

        @Override
        public int soLinger() {
            return 0;
        }

        @Override
        public void applyTo(Socket socket) throws SocketException {
            // SOLUTION 4.8c
            socket.setSoLinger(true, 0);
            // END 4.8c
        }
    }

    /**
     * Close blocks until unsent data is acknowledged, or {@code timeout} passes.
     *
     * @param timeout whole seconds, 1 to {@link #MAX_SECONDS}: {@code setSoLinger} counts seconds
     * @throws IllegalArgumentException for a timeout out of range or not whole seconds, naming it and the range
     * @throws NullPointerException     if {@code timeout} is null
     */
    record WaitUpTo(Duration timeout) implements Linger {

        public WaitUpTo {
            // SOLUTION 4.8c
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toNanosPart() != 0) {
                throw new IllegalArgumentException("linger " + timeout + ": setSoLinger counts whole seconds");
            }
            if (timeout.getSeconds() < 1 || timeout.getSeconds() > MAX_SECONDS) {
                throw new IllegalArgumentException("linger " + timeout.getSeconds() + " s: must be 1 to "
                        + MAX_SECONDS + " s (0 is discard(), and the default is osDefault())");
            }
            // END 4.8c
        }

        @Override
        public int soLinger() {
            // SOLUTION 4.8c
            return (int) timeout.getSeconds();
            // END 4.8c
        }

        @Override
        public void applyTo(Socket socket) throws SocketException {
            // SOLUTION 4.8c
            socket.setSoLinger(true, soLinger());
            // END 4.8c
        }
    }
}
