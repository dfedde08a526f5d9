package ch04.pitfalls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import workbook.fixtures.LoopbackServer;

/**
 * One loopback connection with small buffers, set where section 4.8 says (the receiver's on the
 * listener before bind, the sender's before connect), so that a stalled receiver stalls the sender
 * after a few tens of kilobytes: a sender's {@link SocketChannel} and the receiver's accepted
 * {@link Socket}, whose reads time out after {@link LoopbackServer#SOCKET_TIMEOUT}.
 */
final class Connection implements AutoCloseable {

    /** The size asked for each buffer: small, so that filling both takes a few tens of kilobytes. */
    static final int BUFFER_SIZE = 16 * 1024;

    final SocketChannel sender;
    final Socket receiver;

    private Connection(SocketChannel sender, Socket receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    static Connection open() throws IOException {
        return open(BUFFER_SIZE, BUFFER_SIZE);
    }

    static Connection open(int receiveBuffer, int sendBuffer) throws IOException {
        try (var listener = new ServerSocket()) {
            listener.setReceiveBufferSize(receiveBuffer);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            SocketChannel sender = SocketChannel.open();
            try {
                sender.setOption(StandardSocketOptions.SO_SNDBUF, sendBuffer);
                sender.connect(listener.getLocalSocketAddress());
                Socket receiver = listener.accept();
                receiver.setSoTimeout((int) LoopbackServer.SOCKET_TIMEOUT.toMillis());
                return new Connection(sender, receiver);
            } catch (IOException | RuntimeException e) {
                sender.close();
                throw e;
            }
        }
    }

    /** What the receiver's buffer reads back: the size asked for, as the kernel clamped it. */
    int receiveReadBack() throws IOException {
        return receiver.getReceiveBufferSize();
    }

    /** What the sender's buffer reads back. */
    int sendReadBack() throws IOException {
        return sender.getOption(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public void close() throws IOException {
        try (sender; receiver) {
            // both closed, the receiver first: it may hold unread bytes, and then sends a reset
        }
    }
}
