package ch04.proxy;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import workbook.fixtures.LoopbackServer;

/** Real loopback sockets for the proxy's tests: connected pairs, clients, reads that explain a silence. */
final class Peers {

    /**
     * How long a test waits for bytes that should be on their way, or for an end of stream. Far
     * more than loopback needs even on a loaded machine; reaching it means the code under test
     * holds something back.
     */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    static final int PATIENCE_MILLIS = (int) PATIENCE.toMillis();

    private Peers() {
    }

    /** Two ends of one loopback connection: {@code near} is the one handed to the code under test. */
    record Pair(Socket near, Socket far) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (far) {
                near.close();
            }
        }
    }

    /** A connected pair of plain sockets ({@code new Socket()}, {@code ServerSocket.accept()}): no channels. */
    static Pair plainPair() throws IOException {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket far = new Socket();
            try {
                far.setSoTimeout(PATIENCE_MILLIS);
                far.connect(listener.getLocalSocketAddress(), PATIENCE_MILLIS);
                listener.setSoTimeout(PATIENCE_MILLIS);
                Socket near = listener.accept();
                return new Pair(near, far);
            } catch (IOException e) {
                far.close();
                throw e;
            }
        }
    }

    /** A connected pair whose near end is made from a {@code SocketChannel}, as {@code ProxyServer}'s are. */
    static Pair channelPair() throws IOException {
        try (var listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Socket far = new Socket();
            try {
                far.setSoTimeout(PATIENCE_MILLIS);
                far.connect(listener.getLocalAddress(), PATIENCE_MILLIS);
                SocketChannel near = listener.accept();
                return new Pair(near.socket(), far);
            } catch (IOException e) {
                far.close();
                throw e;
            }
        }
    }

    /** A client connected to {@code address}, with a read timeout of {@link #PATIENCE}. */
    static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(PATIENCE_MILLIS);
            socket.connect(address, PATIENCE_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Closes {@code socket} with a reset (SO_LINGER 0) instead of an end of stream. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /**
     * Reads {@code socket} to its end. A silence of {@link #PATIENCE} fails the test with
     * {@code whenSilent}, formatted with the bytes received so far.
     */
    static byte[] readToEnd(Socket socket, String whenSilent) throws IOException {
        var received = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException silent) {
            fail(String.format(whenSilent, received.size()), silent);
        }
        return received.toByteArray();
    }

    /** Reads exactly {@code n} bytes as UTF-8; a silence of {@link #PATIENCE} fails with {@code whenSilent}. */
    static String readText(Socket socket, int n, String whenSilent) throws IOException {
        try {
            byte[] got = socket.getInputStream().readNBytes(n);
            return new String(got, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException silent) {
            return fail(whenSilent, silent);
        }
    }

    static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs one echo exchange over loopback from a virtual thread, with a plain socket and a channel,
     * so that the JDK's lazily made helpers (its I/O pollers, the carrier threads, the socket it
     * keeps for closing) exist before a test takes its first {@code Census}, and are not taken for
     * leaks of the code under test.
     */
    static void warmUp() throws Exception {
        try (var upstream = LoopbackServer.start(connection -> connection.getInputStream().transferTo(connection.getOutputStream()))) {
            Thread talker = Thread.ofVirtual().start(() -> {
                try (Socket plain = connect(upstream.address());
                     SocketChannel channel = SocketChannel.open(upstream.address())) {
                    plain.getOutputStream().write(1);
                    plain.shutdownOutput();
                    plain.getInputStream().readAllBytes();
                    channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
                    channel.shutdownOutput();
                    channel.socket().getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            talker.join();
        }
    }

    /** Something to check again and again until it holds. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /**
     * Checks {@code check} until it passes or {@link #PATIENCE} has passed (Awaitility, polling on
     * the test's own thread), for state that settles a moment after a call returns: a thread that
     * has ended but is still listed, a slot given back by a session's last line. At the deadline
     * the last failure is thrown as it is, under the words "within 3 s".
     */
    static void eventually(Check check) {
        try {
            await().pollInSameThread().atMost(PATIENCE).untilAsserted(check::run);
        } catch (ConditionTimeoutException late) {
            Throwable last = late.getCause();
            throw new AssertionError("still so after waiting " + PATIENCE.toSeconds() + " s: "
                    + (last == null ? late.getMessage() : last.getMessage()), last == null ? late : last);
        }
    }
}
