package ch04.errors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.LongSupplier;
import workbook.NotStartedException;

/**
 * An output stream over a {@link SocketChannel} whose writes time out: the write deadline a
 * blocking {@link java.net.Socket} cannot give (Go's {@code conn.SetWriteDeadline}).
 *
 * <p>A blocking write returns once the kernel has taken every byte. When the peer stops reading,
 * its receive window fills, then our send buffer, and the write waits for as long as the
 * connection lives: {@code setSoTimeout} bounds reads only. This stream puts the channel in
 * non-blocking mode, writes what the kernel takes, and waits for room with a {@link Selector}
 * for at most the time left of the call's deadline:
 *
 * <pre>
 *   write(8 MiB), deadline = now + writeTimeout
 *     channel.write  -> 2.5 MiB taken, the rest does not fit
 *     select(left)   -> writable again: the peer read some
 *     channel.write  -> 64 KiB taken
 *     select(left)   -> nothing before the deadline
 *     SocketTimeoutException, bytesTransferred = 2.5 MiB + 64 KiB
 * </pre>
 *
 * <p>A timed-out write leaves the connection intact: the bytes counted in
 * {@code bytesTransferred} stay written and reach the peer once it reads, the rest was never
 * handed to the kernel, and the next write goes on from there (what {@link RetryingOutputStream}
 * needs). Each call gets a deadline of its own, {@code writeTimeout} from its start.
 *
 * <p>The stream owns the channel: {@link #close()} closes it, as closing a socket's stream closes
 * the socket. {@code flush()} does nothing (there is no buffer here). Not thread-safe.
 */
public final class ChannelOutputStream extends OutputStream {

    // Your fields go here.

    /** A stream whose writes time out after {@code writeTimeout}, timed by {@link System#nanoTime()}. */
    public ChannelOutputStream(SocketChannel channel, Duration writeTimeout) throws IOException {
        this(channel, writeTimeout, System::nanoTime);
    }

    /**
     * Puts {@code channel} in non-blocking mode and prepares to wait for it to become writable.
     *
     * @param channel      a connected channel; this stream owns it from now on
     * @param writeTimeout how long one write call may take, at least {@link Deadline#RESOLUTION}
     * @param nanoTime     the clock the deadlines are measured on
     * @throws IllegalArgumentException if {@code writeTimeout} is under 1 ms
     * @throws IOException              if the channel cannot be switched or registered (a closed
     *     channel); nothing is left open then
     */
    public ChannelOutputStream(SocketChannel channel, Duration writeTimeout, LongSupplier nanoTime) throws IOException {
        throw new NotStartedException("4.4f");
    }

    /**
     * Writes all {@code len} bytes, or fails when the call's deadline passes first.
     *
     * @throws SocketTimeoutException if {@code writeTimeout} passes before every byte went out; its
     *     {@code bytesTransferred} is how many of these {@code len} bytes did, which the peer will
     *     receive
     * @throws IOException            if the channel fails (a reset, a closed channel); how many bytes
     *     went out before is unknown
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        throw new NotStartedException("4.4f");
    }

    /** Writes one byte, with the same deadline as any write. */
    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Closes the selector and the channel. Closing twice does nothing more. */
    @Override
    public void close() throws IOException {
        throw new NotStartedException("4.4f");
    }
}
