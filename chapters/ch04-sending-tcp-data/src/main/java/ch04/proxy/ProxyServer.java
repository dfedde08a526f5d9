package ch04.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import workbook.NotStartedException;

/**
 * Listing 4-17's proxy server: every client that connects is forwarded to one upstream address,
 * each connection pair proxied by {@link Proxy#proxy} on a virtual thread of its own.
 *
 * <pre>
 *  client 1 ──►┐                  ┌──► upstream connection 1 ──►┐
 *  client 2 ──►┤  ProxyServer     ├──► upstream connection 2 ──►┤  upstream
 *  client 3 ──►┘  (max 2 at once) │                             │
 *               client 3: reset at once, upstream never dialled
 * </pre>
 *
 * <p><b>The bound.</b> At most {@link #maxConnections()} clients are proxied at once. A client
 * that arrives while that many are being proxied is refused: the server accepts its connection
 * and resets it at once (it closes it with {@code SO_LINGER} 0), without dialling the upstream.
 * The refused client's next read, or a write soon after, fails with
 * {@code java.net.SocketException: Connection reset} (and when the reset arrives before the
 * client's {@code connect} has returned, {@code connect} itself fails with it): it never reads an
 * end of stream, which it could take for an upstream that closed without answering. A client whose upstream cannot be
 * dialled (within {@link Proxy#CONNECT_TIMEOUT}) is reset the same way. A slot is free again once
 * its session has ended, both sockets closed.
 *
 * <p><b>Who closes.</b> Each session closes its client and upstream sockets when it ends.
 * {@link #close()} stops accepting, closes every socket still open and waits for every thread the
 * server started, so that none outlives it.
 */
public final class ProxyServer implements AutoCloseable {

    /** The bound that {@link #start(InetSocketAddress)} uses: clients proxied at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    /**
     * Connections the kernel queues until the accept loop takes them. A burst larger than this
     * (a hundred clients at once, the accept loop's thread waiting for a core) loses handshakes,
     * and each of those clients tries again only a second later.
     */
    public static final int BACKLOG = 1024;

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final int maxConnections;
    // Your fields go here: what close() must reach (sockets, threads) and what the bound counts.

    private ProxyServer(ServerSocket listener, InetSocketAddress upstream, int maxConnections) {
        this.listener = listener;
        this.upstream = upstream;
        this.maxConnections = maxConnections;
    }

    /**
     * Starts a proxy server with the bound {@link #DEFAULT_MAX_CONNECTIONS}: binds 127.0.0.1 on an
     * ephemeral port, returns once the port is bound, and accepts on a virtual thread until
     * {@link #close()}. Each accepted client is served on a virtual thread of its own: dial
     * {@code upstream}, then {@link Proxy#proxy} between the two; the session's failure (the
     * upstream unreachable, a reset) ends that session only, never the server.
     *
     * @param upstream where every client is forwarded; dialled once per client
     * @throws IOException if the port cannot be bound
     */
    public static ProxyServer start(InetSocketAddress upstream) throws IOException {
        throw new NotStartedException("4.5c");
    }

    /**
     * As {@link #start(InetSocketAddress)}, proxying at most {@code maxConnections} clients at once;
     * the class comment says what a client past the bound sees.
     *
     * @param maxConnections at least 1
     * @throws IllegalArgumentException if {@code maxConnections} is below 1 (the message gives it)
     * @throws IOException              if the port cannot be bound
     */
    public static ProxyServer start(InetSocketAddress upstream, int maxConnections) throws IOException {
        throw new NotStartedException("4.5d");
    }

    /** The address clients connect to: 127.0.0.1 and the bound port. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Where clients are forwarded. */
    public InetSocketAddress upstream() {
        return upstream;
    }

    /** The most clients proxied at once. */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The clients being proxied now: admitted, and their session not yet ended (a session ends
     * once both its sockets are closed). Refused clients never count.
     */
    public int activeConnections() {
        throw new NotStartedException("4.5d");
    }

    /**
     * Stops accepting, closes every client and upstream socket still open (their peers see the
     * stream end, or a reset), and waits until every thread this server started has ended. Calling
     * it again does nothing more.
     *
     * @throws java.io.InterruptedIOException if interrupted while waiting (the sockets are closed by then)
     */
    @Override
    public void close() throws IOException {
        throw new NotStartedException("4.5c");
    }

    // Your accept loop and the code that serves one client go here.
}
