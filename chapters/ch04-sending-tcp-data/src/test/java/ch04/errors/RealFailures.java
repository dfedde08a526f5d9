package ch04.errors;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import workbook.fixtures.Thrown;

/**
 * Real connections on loopback, in the states that make I/O fail: reset by the peer, closed by us.
 * Each method returns what the failing call threw, so a test can classify a failure the JDK really
 * produces instead of one made up with {@code new}.
 */
final class RealFailures {

    /** The read timeout of every socket made here, so nothing waits forever. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private RealFailures() {
    }

    /**
     * A client socket whose peer has reset the connection (linger 0, then close: the peer's kernel
     * sends RST), and that has already read the reset: its next write fails.
     *
     * @return the client socket; the caller closes it
     */
    static Socket resetByPeerAndSeen(IOException[] whatTheReadThrew) throws IOException {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var client = new Socket();
            try {
                client.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
                client.connect(listener.getLocalSocketAddress(), (int) SOCKET_TIMEOUT.toMillis());
                try (Socket accepted = listener.accept()) {
                    accepted.setSoLinger(true, 0);
                }
                // The read waits for the RST (no sleep needed) and reports it.
                whatTheReadThrew[0] = (IOException) Thrown.by(() -> client.getInputStream().read());
                if (whatTheReadThrew[0] == null) {
                    throw new AssertionError("the read after the peer's RST returned instead of failing");
                }
                return client;
            } catch (IOException | RuntimeException | Error e) {
                client.close();
                throw e;
            }
        }
    }

    /** What a read throws after the peer reset the connection: {@code SocketException: Connection reset}. */
    static IOException readAfterReset() throws IOException {
        var seen = new IOException[1];
        resetByPeerAndSeen(seen).close();
        return seen[0];
    }

    /** What a write throws after the peer reset the connection and a read saw it: {@code Broken pipe}. */
    static IOException writeAfterReset() throws IOException {
        try (Socket client = resetByPeerAndSeen(new IOException[1])) {
            return (IOException) Thrown.by(() -> client.getOutputStream().write(new byte[100]));
        }
    }

    /** What a read throws on a socket we have closed ourselves: {@code SocketException: Socket closed}. */
    static IOException readOnClosedSocket() throws IOException {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); var client = new Socket()) {
            client.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
            client.connect(listener.getLocalSocketAddress(), (int) SOCKET_TIMEOUT.toMillis());
            var in = client.getInputStream();
            client.close();
            return (IOException) Thrown.by(in::read);
        }
    }

    /** What a read throws when a silent peer lets the socket's timeout pass: {@code SocketTimeoutException}. */
    static IOException readTimeout(Duration timeout) throws IOException {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); var client = new Socket()) {
            client.connect(listener.getLocalSocketAddress(), (int) SOCKET_TIMEOUT.toMillis());
            try (Socket accepted = listener.accept()) {
                client.setSoTimeout((int) timeout.toMillis());
                return (IOException) Thrown.by(() -> client.getInputStream().read());
            }
        }
    }

    /**
     * What a {@link SocketChannel} write throws after the peer reset the connection: NIO reports it
     * as a plain {@code IOException}, not a {@link SocketException}.
     */
    static IOException channelWriteAfterReset() throws IOException {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var channel = SocketChannel.open()) {
            channel.socket().setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
            channel.socket().connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()),
                    (int) SOCKET_TIMEOUT.toMillis());
            try (Socket accepted = listener.accept()) {
                accepted.setSoLinger(true, 0);
            }
            // Wait for the RST with a read through the socket adaptor, which honours the timeout.
            Thrown.by(() -> channel.socket().getInputStream().read());
            return (IOException) Thrown.by(() -> {
                for (int i = 0; i < 3; i++) {
                    channel.write(ByteBuffer.allocate(100));
                }
            });
        }
    }
}
