package ch04.fixedbuffer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
// SOLUTION 4.1b
import java.io.UncheckedIOException;
import java.net.SocketException;
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

    private PayloadServer(ServerSocket listener, byte[] payload) {
        this.listener = listener;
        this.payload = payload;
    }

    /** {@code byteCount} bytes from {@code random}, for a payload no client can guess. */
    public static byte[] randomPayload(int byteCount, RandomGenerator random) {
        byte[] payload = new byte[byteCount];
        random.nextBytes(payload);
        return payload;
    }

    /**
     * Binds 127.0.0.1 on an ephemeral port and serves until {@link #close()}.
     *
     * <p>Returns once the port is bound; connections are accepted on a virtual thread. Each
     * connection is served on a virtual thread of its own: the whole payload is written, then the
     * connection is closed (also when the write fails, for example because the client went away;
     * such a failure ends that connection only, never the server).
     *
     * @param payload the bytes every client receives; not copied, so do not change it while serving
     * @throws IOException if the port cannot be bound
     */
    public static PayloadServer start(byte[] payload) throws IOException {
        // SOLUTION 4.1b
        Objects.requireNonNull(payload, "payload");
        // Port 0: any free port. The constructor binds, and closes the socket itself if binding fails.
        var listener = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
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
     * end early, or a reset). Does not wait for the serving threads. Calling it again does nothing.
     */
    @Override
    public void close() throws IOException {
        // SOLUTION 4.1b
        // Closing the listener is what wakes the accept loop: accept() throws SocketException.
        listener.close();
        for (Socket connection : connections) {
            connection.close();
        }
        // END 4.1b
    }

    // SOLUTION 4.1b
    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            connections.add(connection);
            // close() may have run between accept() and add(), too early to see this connection:
            // checked after add(), either close() sees the connection or this sees the close.
            if (listener.isClosed()) {
                closeQuietly(connection);
                return;
            }
            Thread.ofVirtual().name("payload-send").start(() -> send(connection));
        }
    }

    private void closeQuietly(Socket connection) {
        connections.remove(connection);
        try {
            connection.close();
        } catch (IOException ignored) {
            // Nothing was sent on it; there is nothing to report.
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
