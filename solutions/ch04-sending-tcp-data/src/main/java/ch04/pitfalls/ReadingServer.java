package ch04.pitfalls;

import ch04.pitfalls.DrainingReader.ChunkHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Listing 4-27's server, the part both versions share: it listens on 127.0.0.1, accepts on a
 * virtual thread, and serves each connection on a virtual thread of its own with {@link #serve},
 * which reads the connection to its end and hands every read's bytes to a handler.
 *
 * <p>The two versions differ only in {@code serve}: {@link LeakyServer} returns without closing
 * the connection, as the listing does; {@link ClosingServer} closes it on every path.
 */
public abstract sealed class ReadingServer implements AutoCloseable permits LeakyServer, ClosingServer {

    /** The size of the buffer each connection is read through. */
    public static final int BUFFER_SIZE = 1024;

    private final ServerSocket listener;
    /** Handed every read's bytes; called from many connections' threads at once. */
    protected final ChunkHandler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ReadingServer(ChunkHandler handler) throws IOException {
        this.handler = handler;
        // This constructor binds, and closes the socket itself if binding fails.
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("reading-server-accept-" + listener.getLocalPort()).start(this::acceptLoop);
    }

    /** The address to connect to: 127.0.0.1 and the port the system chose. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * Serves one accepted connection, on a thread of its own: reads it to its end through a buffer of
     * {@link #BUFFER_SIZE} bytes and hands a copy of each read's bytes to {@link #handler}.
     */
    protected abstract void serve(Socket connection);

    /** The accepted connections not yet known to be closed: for tests. */
    List<Socket> openConnections() {
        return List.copyOf(open);
    }

    /** The first exception or error that {@code serve} let out, or {@code null}: for tests. */
    Throwable failure() {
        return failure.get();
    }

    private void acceptLoop() {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException closedOrBroken) {
                // close() makes accept throw; any other failure also ends the loop, and close() the port.
                return;
            }
            open.add(connection);
            if (listener.isClosed()) {
                // close() may have swept the set before this connection joined it.
                closeQuietly(connection);
                return;
            }
            Thread.ofVirtual().name("reading-server-serve").start(() -> {
                try {
                    serve(connection);
                } catch (RuntimeException | Error e) {
                    // serve must not throw; keep what it threw for failure(), instead of losing it on this thread.
                    failure.compareAndSet(null, e);
                }
                // A connection that serve closed is done with; one it left open stays until close().
                if (connection.isClosed()) {
                    open.remove(connection);
                }
            });
        }
    }

    /**
     * Stops listening, and closes every connection that is still open, including those that
     * {@code serve} returned from without closing: in Go, the end of the process would close them;
     * here, without this, the garbage collector would, some unknown time later. Calling it again does
     * nothing.
     */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket connection : open) {
            closeQuietly(connection);
        }
        open.clear();
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }
}
