package ch04.errors;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Objects;
import workbook.NotStartedException;

/**
 * A stream whose reads all share one {@link Deadline}: Go's {@code conn.SetReadDeadline(t)} on a
 * Java socket, whose own timeout ({@code setSoTimeout}) is per read.
 *
 * <p>Before every blocking call ({@code read}, {@code skip}) it sets the connection's read timeout
 * to what is left of the deadline ({@link Deadline#nextTimeoutMillis()}), so the exchange as a
 * whole ends by the deadline however the peer spreads its bytes out. With a plain
 * {@code setSoTimeout(5000)}, a peer that sends one byte every 4.9 s keeps a reader busy forever:
 * no single read ever waits 5 s.
 *
 * <p>A call made when less than 1 ms is left fails at once with {@link DeadlineExceededException},
 * without touching the stream underneath. A read that times out underneath (the socket gave up
 * after the time that was left) also fails with {@link DeadlineExceededException}, the socket's
 * {@link SocketTimeoutException} as its cause. Nothing is consumed by a failed call. Once the
 * deadline has passed, every blocking call fails, as in Go until the deadline is moved.
 *
 * <p>{@code available()} does not block and passes through. {@link #close()} closes the stream
 * underneath (for a socket's stream: the socket). Not thread-safe.
 */
public class DeadlineInputStream extends FilterInputStream {

    private final ReadTimeout timeout;
    private final Deadline deadline;

    /**
     * @param in       the stream to read, closed by {@link #close()}
     * @param timeout  sets the read timeout of the connection {@code in} reads from
     * @param deadline the deadline every read of this stream shares
     */
    public DeadlineInputStream(InputStream in, ReadTimeout timeout, Deadline deadline) {
        super(Objects.requireNonNull(in, "in"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /** The input of {@code socket}, its reads bounded by {@code deadline} through {@code setSoTimeout}. */
    public static DeadlineInputStream of(Socket socket, Deadline deadline) throws IOException {
        return new DeadlineInputStream(socket.getInputStream(), socket::setSoTimeout, deadline);
    }

    /**
     * Reads up to {@code len} bytes, waiting at most what is left of the deadline.
     *
     * @return the bytes read, from 1 to {@code len} (0 if {@code len} is 0), or -1 at the end of the stream
     * @throws DeadlineExceededException if the deadline passes before a byte arrives
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        throw new NotStartedException("4.4a");
    }

    /** Reads one byte, waiting at most what is left of the deadline; -1 at the end of the stream. */
    @Override
    public int read() throws IOException {
        throw new NotStartedException("4.4a");
    }

    /** Skips up to {@code n} bytes; on a socket a skip reads, so it waits at most what is left too. */
    @Override
    public long skip(long n) throws IOException {
        throw new NotStartedException("4.4a");
    }
}
