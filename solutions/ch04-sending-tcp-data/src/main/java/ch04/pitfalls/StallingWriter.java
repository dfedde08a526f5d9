package ch04.pitfalls;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.LongSupplier;
// SOLUTION 4.9a
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
// SKELETON
// import workbook.NotStartedException;
// END 4.9a

/**
 * The sender's side of a zero window (Listing 4-26): non-blocking writes show the moment a receiver
 * stops draining, where a blocking write would just stop returning.
 *
 * <pre>
 *  sender                                                     receiver
 *  write() ──► [ send buffer ] ══ TCP, window = free space ══► [ receive buffer ] ──► read() ──► handler
 *                                                                                   (blocked: nothing drains)
 * </pre>
 *
 * When the receiving program stops reading, its receive buffer fills and TCP advertises a window of
 * 0: the sender may send nothing more. The sender's own buffer fills next, and then a non-blocking
 * {@code write} accepts 0 bytes. The bytes written by then are all in flight, held by the two
 * kernels: at least a full send buffer, and at most what the two kernels reserved, twice each
 * buffer size Java reads back (section 4.8).
 */
public final class StallingWriter {

    private StallingWriter() {
    }

    /**
     * Writes {@code data} to {@code channel} with non-blocking writes until one of them accepts
     * nothing, or {@code data} is all written; returns the bytes written. Never blocks. Leaves
     * {@code channel} non-blocking and {@code data}'s position after the last byte written.
     *
     * @param channel a connected channel; this switches it to non-blocking mode
     * @return the bytes written by this call: when fewer than {@code data} held, every one of them
     *         is still in one of the two kernels' buffers unless the receiver read it
     * @throws IOException if a write fails (the connection was reset or closed)
     */
    public static long writeUntilStalled(SocketChannel channel, ByteBuffer data) throws IOException {
        // SOLUTION 4.9a
        channel.configureBlocking(false);
        long written = 0;
        while (data.hasRemaining()) {
            // A short write is not a stall: the kernel took what fitted just now. Only 0 is.
            int n = channel.write(data);
            if (n == 0) {
                break;
            }
            written += n;
        }
        return written;
        // END 4.9a
    }

    /**
     * Writes what is left of {@code data}, waiting (with a {@link java.nio.channels.Selector}) for
     * the channel to take more whenever a write accepts nothing, until all is written or
     * {@code timeout} has passed since the call began. Leaves {@code channel} non-blocking.
     *
     * @param nanoTime the clock that measures the timeout ({@code System::nanoTime})
     * @return the bytes written by this call: all that {@code data} held
     * @throws SocketTimeoutException if {@code timeout} passes first; its message gives the bytes
     *                                written and left, and {@code bytesTransferred} the bytes written
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IOException            if a write fails
     */
    public static long writeAll(SocketChannel channel, ByteBuffer data, Duration timeout, LongSupplier nanoTime)
            throws IOException {
        // SOLUTION 4.9a
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + ": must not be negative");
        }
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        long written = 0;
        try (Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            // Closing the selector (try-with-resources) cancels this registration.
            channel.register(selector, SelectionKey.OP_WRITE);
            while (data.hasRemaining()) {
                int n = channel.write(data);
                written += n;
                if (n > 0) {
                    continue;
                }
                long left = deadline - nanoTime.getAsLong();
                if (left <= 0) {
                    var timedOut = new SocketTimeoutException("wrote " + written + " bytes, " + data.remaining()
                            + " left, when the timeout of " + timeout + " passed: the receiver stopped reading");
                    timedOut.bytesTransferred = (int) Math.min(written, Integer.MAX_VALUE);
                    throw timedOut;
                }
                // select(0) would wait forever: never let the time left round down to 0 ms.
                selector.select(Math.max(1, Duration.ofNanos(left).toMillis()));
                selector.selectedKeys().clear();
            }
        }
        return written;
        // END 4.9a
    }
}
