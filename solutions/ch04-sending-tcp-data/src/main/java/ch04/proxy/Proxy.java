package ch04.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
// SOLUTION 4.5a
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
// SKELETON
// END 4.5a
// SOLUTION 4.5b
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
// SKELETON
// import workbook.NotStartedException;
// END 4.5b

/**
 * Listings 4-14 and 4-15: moving bytes between two connections, in both directions at once.
 *
 * <pre>
 *             from                                     to
 *  client ◄──────────►  proxy(from, to)  ◄──────────►  upstream
 *
 *  from's input  ── forward(from, to) ──►  to's output     then to.shutdownOutput()
 *  from's output ◄── forward(to, from) ──  to's input      then from.shutdownOutput()
 * </pre>
 *
 * <p>Each direction is a {@link #forward} of its own, on a virtual thread of its own: a direction
 * blocked in a read (the client thinking, the upstream computing an answer) must never hold the
 * other one up. A direction ends at its source's end of stream, which it passes on as a
 * half-close; the connection pair ends when both directions have ended, or at once when either
 * fails.
 */
public final class Proxy {

    /** How long dialing an address may take, in {@link #proxyConn} and in {@link ProxyServer}. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The copy buffer of one direction, in bytes. Large transfers cost one system call per buffer
     * in each of a read and a write, so a buffer much smaller than the socket buffers (a few
     * hundred KiB on loopback) spends its time in calls; {@code benchmarks/README.md} has the
     * numbers.
     */
    public static final int BUFFER_SIZE = 256 * 1024;

    private Proxy() {
    }

    /** What one proxied pair of connections carried, in bytes, each way. */
    public record Traffic(long fromTo, long toFrom) {
    }

    /**
     * Copies everything {@code source} receives to {@code destination}, then half-closes
     * {@code destination}'s output ({@link Socket#shutdownOutput()}), so that the peer behind
     * {@code destination} reads the end of the stream that {@code source}'s peer sent.
     *
     * <p>This is one direction of a proxy: what Go's {@code io.Copy(to, from)} does in Listing 4-15,
     * plus the half-close that the listing leaves out. Blocks until {@code source}'s input ends
     * ({@code -1}) or a read or write fails. Closes neither socket and leaves {@code source}'s output
     * and {@code destination}'s input alone: the other direction may still be using them.
     *
     * @return the number of bytes copied
     * @throws IOException if reading {@code source}, writing {@code destination} or the half-close
     *     fails; bytes copied before the failure stay copied, and no half-close is sent
     */
    public static long forward(Socket source, Socket destination) throws IOException {
        // SOLUTION 4.5a
        SocketChannel in = source.getChannel();
        SocketChannel out = destination.getChannel();
        long copied = in != null && out != null
                ? copy(in, out)
                : copy(source.getInputStream(), destination.getOutputStream());
        // The end of one direction is news for the peer: without it, a peer that reads a request
        // to its end waits forever, while the other direction still carries its answer back.
        destination.shutdownOutput();
        return copied;
        // END 4.5a
    }

    // SOLUTION 4.5a
    /**
     * Sockets made from channels (as {@link ProxyServer}'s are) copy through one direct buffer:
     * the kernel reads into it and writes from it, where a {@code byte[]} costs a copy between the
     * heap and native memory on every read and every write.
     */
    private static long copy(SocketChannel in, SocketChannel out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        long copied = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            buffer.clear();
            copied += n;
        }
        return copied;
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long copied = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }
    // SKELETON
    // // Your copy loop may live in a helper here.
    // END 4.5a

    /**
     * Listing 4-15: proxies between two connected sockets in both directions until both directions
     * have ended, then closes both sockets.
     *
     * <p>Each direction is a {@link #forward} on a virtual thread of its own, so each end of stream
     * travels on as a half-close and an answer sent after it still comes back. Blocks until both
     * directions have ended. When either direction fails (a reset, a write to a closed peer), both
     * sockets are closed at once, which ends the other direction too. Either way, both threads
     * have ended and both sockets are closed when this returns or throws: nothing outlives the
     * call.
     *
     * <p>If the calling thread is interrupted while it waits, both sockets are closed, the threads
     * are waited for, and this throws {@link java.io.InterruptedIOException} with the interrupt flag set
     * again.
     *
     * @return the bytes carried each way
     * @throws IOException the failure of the first direction that failed (a failure that closing
     *     the sockets caused in the other direction is a consequence, not reported)
     * @throws RuntimeException     an unchecked exception a direction failed with, as it was thrown
     * @throws NullPointerException with the parameter's name ({@code "from"} or {@code "to"}) as its
     *     message, before any thread starts, if a socket is null
     */
    public static Traffic proxy(Socket from, Socket to) throws IOException {
        // SOLUTION 4.5b
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        var bytes = new AtomicLongArray(2);
        var firstFailure = new AtomicReference<Exception>();
        Thread forth = Thread.ofVirtual().name("proxy-forth").start(
                () -> direction(from, to, bytes, 0, firstFailure));
        Thread back = Thread.ofVirtual().name("proxy-back").start(
                () -> direction(to, from, bytes, 1, firstFailure));
        boolean interrupted = false;
        for (Thread direction : new Thread[] {forth, back}) {
            while (direction.isAlive()) {
                try {
                    direction.join();
                } catch (InterruptedException e) {
                    // Closing is what ends a thread blocked in a read; then wait for it all the same.
                    interrupted = true;
                    closeBoth(from, to);
                }
            }
        }
        closeBoth(from, to);
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while proxying; both connections are closed");
        }
        Exception failure = firstFailure.get();
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return new Traffic(bytes.get(0), bytes.get(1));
        // END 4.5b
    }

    /**
     * Listing 4-14: dials {@code source} and {@code destination} (each within
     * {@link #CONNECT_TIMEOUT}) and proxies between the two connections as {@link #proxy} does.
     * Both connections are closed when this returns or throws, also when the second dial fails.
     *
     * @return the bytes carried each way: {@code fromTo} is what source sent to destination
     * @throws IOException if a dial fails, or as {@link #proxy} does
     */
    public static Traffic proxyConn(InetSocketAddress source, InetSocketAddress destination) throws IOException {
        // SOLUTION 4.5b
        try (Socket from = dial(source); Socket to = dial(destination)) {
            return proxy(from, to);
        }
        // END 4.5b
    }

    // SOLUTION 4.5b
    private static void direction(Socket source, Socket destination, AtomicLongArray bytes, int slot,
            AtomicReference<Exception> firstFailure) {
        try {
            bytes.set(slot, forward(source, destination));
        } catch (IOException | RuntimeException e) {
            // Only the first failure is news; the other direction then fails because of this close.
            if (firstFailure.compareAndSet(null, e)) {
                closeBoth(source, destination);
            }
        }
    }

    private static Socket dial(InetSocketAddress address) throws IOException {
        Socket socket = SocketChannel.open().socket();
        // A SocketChannel whose connect fails closes itself: nothing to clean up here.
        socket.connect(address, Math.toIntExact(CONNECT_TIMEOUT.toMillis()));
        return socket;
    }

    private static void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The socket is unusable either way; the session's outcome is decided elsewhere.
        }
    }
    // SKELETON
    // // Your helpers go here (a method that runs one direction on its thread, for one).
    // END 4.5b
}
