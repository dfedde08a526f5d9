package ch04.fixedbuffer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
// SOLUTION 4.1b
import java.io.Closeable;
import java.util.Objects;
// SKELETON
// import workbook.NotStartedException;
// END 4.1b

/**
 * Listing 4-1's server: it sends every client the same payload and closes the connection.
 *
 * <p>The server writes the payload with a single {@code write}; the client still receives it in
 * many reads of varying sizes, because TCP delivers a stream of bytes, not the writes that made it.
 * Closing the connection is how the client learns that the payload is complete: its next read
 * returns {@code -1}.
 */
public final class PayloadServer implements AutoCloseable {

    /** The chapter's payload size: 16 MiB. */
    public static final int PAYLOAD_SIZE = 1 << 24;

    private final ServerSocket listener;
    private final byte[] payload;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    /** What stopped the accept loop, other than {@link #close()}; reported by the next close(). */
    private final AtomicReference<IOException> acceptFailure = new AtomicReference<>();

    private PayloadServer(ServerSocket listener, byte[] payload) {
        this.listener = listener;
        this.payload = payload;
    }

    /**
     * Binds 127.0.0.1 on an ephemeral port and serves until {@link #close()}: {@link #serve} on a
     * new listener.
     *
     * @param payload the bytes every client receives; not copied, so do not change it while serving
     * @throws IOException if the port cannot be bound
     */
    public static PayloadServer start(byte[] payload) throws IOException {
        // SOLUTION 4.1b
        Objects.requireNonNull(payload, "payload");
        // Port 0: any free port. The constructor binds, and closes the socket itself if binding fails.
        return serve(new ServerSocket(0, 0, InetAddress.getLoopbackAddress()), payload);
        // END 4.1b
    }

    /**
     * Serves {@code payload} on {@code listener}, which is bound already: the second half of
     * {@link #start}, and where tests hand in a listener that fails on purpose.
     *
     * <p>Returns at once; connections are accepted on a virtual thread. Each connection is served on
     * a virtual thread of its own: the whole payload is written, then the connection is closed (also
     * when the write fails, for example because the client went away; such a failure ends that
     * connection only, never the server). If {@code accept} fails for any reason but
     * {@link #close()}, the server closes the listener, so clients are refused instead of waiting
     * for an accept that never comes, and the next {@link #close()} throws that failure.
     *
     * @param listener a bound server socket; the server owns it from now on and closes it
     * @param payload the bytes every client receives; not copied
     */
    static PayloadServer serve(ServerSocket listener, byte[] payload) {
        // SOLUTION 4.1b
        var server = new PayloadServer(listener, payload);
        Thread.ofVirtual().name("payload-accept").start(server::acceptLoop);
        return server;
        // END 4.1b
    }

    /** The address to connect to: 127.0.0.1 and the bound port. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * Stops accepting and closes the connections still being served (their clients see the stream
     * end early, or a reset). Does not wait for the serving threads.
     *
     * <p>Closes the listener and every connection even when closing one of them fails, then throws
     * what went wrong: the failure that stopped the accept loop, if one did, else the first close
     * that failed (any others are suppressed in it). Calling it again closes nothing more.
     *
     * @throws IOException the accept loop's failure, or a close that failed
     */
    @Override
    public void close() throws IOException {
        // SOLUTION 4.1b
        IOException failure = acceptFailure.getAndSet(null);
        // Closing the listener is what wakes the accept loop: accept() throws SocketException.
        failure = closeNoMatterWhat(listener, failure);
        for (Socket connection : connections) {
            failure = closeNoMatterWhat(connection, failure);
        }
        if (failure != null) {
            throw failure;
        }
        // END 4.1b
    }

    // SOLUTION 4.1b
    /**
     * Closes {@code closeable} and returns what went wrong so far: {@code failure}, with what this
     * close threw suppressed in it, or what this close threw if there was nothing before.
     */
    private static IOException closeNoMatterWhat(Closeable closeable, IOException failure) {
        try {
            closeable.close();
        } catch (IOException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }

    private void acceptLoop() {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    // Not close(): nobody will accept on this port again, and an open listener would
                    // let clients connect and wait forever. Close it, and keep the failure for close().
                    acceptFailure.set(e);
                    closeNoMatterWhat(listener, e);
                }
                return;
            }
            connections.add(connection);
            // close() may have run between accept() and add(), too early to see this connection:
            // checked after add(), either close() sees the connection or this sees the close.
            if (listener.isClosed()) {
                connections.remove(connection);
                closeNoMatterWhat(connection, null);
                return;
            }
            Thread.ofVirtual().name("payload-send").start(() -> send(connection));
        }
    }

    private void send(Socket connection) {
        // try-with-resources is the Java for Go's `defer conn.Close()`.
        try (connection) {
            connection.getOutputStream().write(payload);
        } catch (IOException clientWentAway) {
            // One client's failure is that client's problem; the server goes on serving others.
        } finally {
            connections.remove(connection);
        }
    }
    // SKELETON
    // // Your accept loop and the code that serves one connection go here.
    // END 4.1b
}
