package ch04.fixedbuffer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import workbook.NotStartedException;

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
        throw new NotStartedException("4.1b");
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
        throw new NotStartedException("4.1b");
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
        throw new NotStartedException("4.1b");
    }

    // Your accept loop and the code that serves one connection go here.
}
