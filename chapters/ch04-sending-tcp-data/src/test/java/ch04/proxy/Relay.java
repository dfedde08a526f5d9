package ch04.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opentest4j.AssertionFailedError;
import workbook.NotStartedException;

/**
 * A front for {@link Proxy#proxy} alone: for each client it accepts the connection on a listener
 * of the test's own, dials the upstream with a plain socket, and runs {@code proxy(accepted,
 * upstream)} on a virtual thread. When the call fails, the relay closes both sockets itself, so
 * that a client waiting for bytes hears at once that nothing will come.
 */
final class Relay implements ProxyContract.Front {

    /** One proxy() call: the sockets it was handed and how it ended. */
    record Call(Socket from, Socket to, Thread thread, CompletableFuture<Proxy.Traffic> result) {
    }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    Relay(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(Peers.PATIENCE_MILLIS);
    }

    @Override
    public Socket connect() throws IOException {
        Socket client = Peers.connect((InetSocketAddress) listener.getLocalSocketAddress());
        Socket from = listener.accept();
        Socket to = new Socket();
        to.connect(upstream, Peers.PATIENCE_MILLIS);
        var result = new CompletableFuture<Proxy.Traffic>();
        Thread thread = Thread.ofVirtual().name("relay-call").unstarted(() -> {
            try {
                result.complete(Proxy.proxy(from, to));
            } catch (Throwable t) {
                result.completeExceptionally(t);
                closeQuietly(from);
                closeQuietly(to);
            }
        });
        calls.add(new Call(from, to, thread, result));
        thread.start();
        return client;
    }

    /** The proxy() calls so far, in the order their clients connected. */
    List<Call> calls() {
        return calls;
    }

    /**
     * Waits up to {@link Peers#PATIENCE} for every proxy() call to return; rethrows a stub's
     * {@code NotStartedException}; fails if a call is still running.
     */
    @Override
    public void close() throws Exception {
        listener.close();
        for (Call call : calls) {
            call.thread().join(Peers.PATIENCE);
            if (call.result().isCompletedExceptionally()) {
                NotStartedException stub = NotStartedException.findIn(call.result().exceptionNow());
                if (stub != null) {
                    throw stub;
                }
            }
            if (call.thread().isAlive()) {
                closeQuietly(call.from());
                closeQuietly(call.to());
                throw new AssertionFailedError("proxy() had not returned " + Peers.PATIENCE.toSeconds() + " s after"
                        + " its client and upstream were done; it must return once both directions have ended, or"
                        + " either has failed, and never leave a thread behind");
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
