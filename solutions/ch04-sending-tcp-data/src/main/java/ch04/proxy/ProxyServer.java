package ch04.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
// SOLUTION 4.5c
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
// SKELETON
// import workbook.NotStartedException;
// END 4.5c

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
    // SOLUTION 4.5c
    private final AtomicInteger active = new AtomicInteger();
    /** Every client and upstream socket not yet closed, so that close() can close them. */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> sessions = ConcurrentHashMap.newKeySet();
    private volatile Thread acceptor;
    private volatile boolean closing;
    // SKELETON
    // // Your fields go here: what close() must reach (sockets, threads) and what the bound counts.
    // END 4.5c

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
        // SOLUTION 4.5c
        return start(upstream, DEFAULT_MAX_CONNECTIONS);
        // END 4.5c
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
        // SOLUTION 4.5d
        Objects.requireNonNull(upstream, "upstream");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections " + maxConnections + ": must be at least 1");
        }
        // A listener made from a channel accepts sockets that have channels, which Proxy.forward
        // copies through a direct buffer.
        ServerSocket listener = ServerSocketChannel.open().socket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        var server = new ProxyServer(listener, upstream, maxConnections);
        server.acceptor = Thread.ofVirtual().name("proxy-accept").start(server::acceptLoop);
        return server;
        // SKELETON
        // throw new NotStartedException("4.5d");
        // END 4.5d
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
        // SOLUTION 4.5d
        return active.get();
        // END 4.5d
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
        // SOLUTION 4.5c
        closing = true;
        listener.close();
        // A socket tracked from now on sees closing and closes itself (see track): one sweep does.
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        // Only the accept loop starts sessions: once it has ended, the set of sessions is complete.
        join(acceptor);
        for (Thread session : sessions) {
            join(session);
        }
        // END 4.5c
    }

    // SOLUTION 4.5c
    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (!track(client)) {
                return;
            }
            if (active.incrementAndGet() > maxConnections) {
                active.decrementAndGet();
                reset(client);
                continue;
            }
            Thread session = Thread.ofVirtual().name("proxy-session").unstarted(() -> serve(client));
            sessions.add(session);
            session.start();
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstreamSocket = SocketChannel.open().socket()) {
            try {
                // Tracked before the dial, so that close() can abort a dial that hangs.
                if (track(upstreamSocket)) {
                    try {
                        upstreamSocket.connect(upstream, Math.toIntExact(Proxy.CONNECT_TIMEOUT.toMillis()));
                    } catch (IOException unreachable) {
                        reset(client);
                        return;
                    }
                    Proxy.proxy(client, upstreamSocket);
                }
            } finally {
                sockets.remove(upstreamSocket);
            }
        } catch (IOException sessionFailed) {
            // A reset, a broken pipe: the end of this session, never of the server.
        } finally {
            sockets.remove(client);
            active.decrementAndGet();
            sessions.remove(Thread.currentThread());
        }
    }

    /**
     * Adds a socket for close() to close. close() may have swept the set just before: checked
     * after adding, either close() sees the socket or this sees closing and closes it.
     */
    private boolean track(Socket socket) {
        sockets.add(socket);
        if (closing) {
            untrack(socket);
            return false;
        }
        return true;
    }

    private void untrack(Socket socket) {
        sockets.remove(socket);
        closeQuietly(socket);
    }

    /** Closes with SO_LINGER 0: the peer gets a reset, never an end of stream it could misread. */
    private void reset(Socket client) {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException alreadyGone) {
            // Closed or reset already: the client learns of it either way.
        }
        untrack(client);
    }

    private static void join(Thread thread) throws InterruptedIOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the proxy's threads to end");
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is unusable afterwards either way.
        }
    }
    // SKELETON
    // // Your accept loop and the code that serves one client go here.
    // END 4.5c
}
