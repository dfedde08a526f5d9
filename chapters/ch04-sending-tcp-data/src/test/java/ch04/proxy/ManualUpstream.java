package ch04.proxy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * An upstream whose connections the test accepts itself, one at a time, so that it knows exactly
 * which clients reached the upstream, and can ask without waiting whether one more is queued.
 */
final class ManualUpstream implements AutoCloseable {

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final List<SocketChannel> accepted = new ArrayList<>();

    ManualUpstream() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listener.configureBlocking(false);
        selector = Selector.open();
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) listener.getLocalAddress();
    }

    /**
     * The next connection the proxy dialled, waiting up to {@link Peers#PATIENCE} for it; fails
     * with {@code whenNone} if none comes. The socket has a read timeout of {@link Peers#PATIENCE}.
     */
    Socket accept(String whenNone) throws IOException {
        SocketChannel channel = listener.accept();
        if (channel == null && selector.select(Peers.PATIENCE.toMillis()) > 0) {
            selector.selectedKeys().clear();
            channel = listener.accept();
        }
        if (channel == null) {
            return fail(whenNone);
        }
        accepted.add(channel);
        Socket socket = channel.socket();
        socket.setSoTimeout(Peers.PATIENCE_MILLIS);
        return socket;
    }

    /**
     * Whether a connection is waiting to be accepted right now. A proxy that dialled before it
     * refused a client has its connection queued here by the time that client saw the refusal.
     */
    boolean hasPending() throws IOException {
        SocketChannel channel = listener.accept();
        if (channel != null) {
            accepted.add(channel);
        }
        return channel != null;
    }

    @Override
    public void close() throws IOException {
        try (listener; selector) {
            for (SocketChannel channel : accepted) {
                channel.close();
            }
        }
    }
}
