package ch04.fixedbuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;

/** 4.1b: {@link PayloadServer}, the server of Listing 4-1. */
@Tag("4.1")
class PayloadServerTest {

    private static final int TIMEOUT_MILLIS = (int) LoopbackServer.SOCKET_TIMEOUT.toMillis();

    /** {@code byteCount} bytes no server can guess: one that sends as many zeros fails. */
    static byte[] random(int byteCount, long seed) {
        byte[] bytes = new byte[byteCount];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException {
        var socket = new Socket();
        try {
            socket.setSoTimeout(timeoutMillis);
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Reads {@code client} to its end. A read that times out is the server's fault, not the test's:
     * it fails with {@code whenSilent}, formatted with the bytes received so far and the timeout.
     */
    private static byte[] readToEnd(Socket client, String whenSilent) throws IOException {
        var received = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = client.getInputStream().read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException silent) {
            fail(String.format(whenSilent, received.size(), client.getSoTimeout()), silent);
        }
        return received.toByteArray();
    }

    @Test
    @Tag("4.1b")
    void should_send_the_whole_payload_then_close_the_connection() throws Exception {
        // GIVEN a server with a random 1 MiB payload
        byte[] payload = random(1 << 20, 1);
        try (var server = PayloadServer.start(payload);
             var client = connect(server.address(), TIMEOUT_MILLIS)) {
            // WHEN a client reads until the stream ends
            byte[] got = readToEnd(client, "the client received %d of " + payload.length + " bytes and then"
                    + " nothing for %d ms, and no end of stream; write the whole payload, then close the connection");
            // THEN it got exactly the payload; reaching the end at all means the server closed
            assertThat(got).as("the bytes a client receives before EOF").isEqualTo(payload);
        }
    }

    @Test
    @Tag("4.1b")
    void should_send_an_empty_payload_as_an_immediate_end_of_stream() throws Exception {
        try (var server = PayloadServer.start(new byte[0]);
             var client = connect(server.address(), TIMEOUT_MILLIS)) {
            byte[] got = readToEnd(client, "a server with an empty payload sent %d bytes and then nothing for"
                    + " %d ms; with nothing to send, close the connection at once");
            assertThat(got).as("bytes from a server with nothing to send").isEmpty();
        }
    }

    @Test
    @Tag("4.1b")
    void should_serve_clients_at_the_same_time_not_one_after_another() throws Exception {
        // GIVEN the chapter's 16 MiB payload, more than the socket buffers hold, and three clients
        byte[] payload = random(PayloadServer.PAYLOAD_SIZE, 2);
        try (var server = PayloadServer.start(payload)) {
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(connect(server.address(), 3000));
                }
                // WHEN they read in the reverse order of connecting
                for (Socket client : clients.reversed()) {
                    // THEN each gets the payload: a server that serves one connection at a time is
                    // stuck writing to the first client and the last one hears nothing
                    byte[] got = readToEnd(client, "a client that connected while another was being served"
                            + " received %d of " + payload.length + " bytes and then nothing for %d ms; the server"
                            + " seems to serve one connection at a time: serve each connection on its own thread");
                    assertThat(got)
                            .as("the payload received by a client that connected while another was being served")
                            .isEqualTo(payload);
                }
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    @Tag("4.1b")
    void should_keep_serving_after_a_client_hangs_up_early() throws Exception {
        // GIVEN a client that connects and leaves without reading
        byte[] payload = random(PayloadServer.PAYLOAD_SIZE, 3);
        try (var server = PayloadServer.start(payload)) {
            connect(server.address(), 3000).close();
            // WHEN another client connects
            try (var client = connect(server.address(), 3000)) {
                // THEN it gets the whole payload: one failed write ends one connection, not the server
                byte[] got = readToEnd(client, "after an earlier client went away, the next one received %d of "
                        + payload.length + " bytes and then nothing for %d ms; a failed write must end that"
                        + " connection only (catch the IOException, close that socket), never the accept loop");
                assertThat(got).as("payload after an earlier client went away").isEqualTo(payload);
            }
        }
    }

    @Test
    @Tag("4.1b")
    void should_close_the_connections_still_being_served_when_closed() throws Exception {
        // GIVEN a client that has begun to receive 16 MiB, with a receive buffer far too small for
        // all of it: the server's serving thread is blocked writing the rest
        byte[] payload = random(PayloadServer.PAYLOAD_SIZE, 5);
        try (var server = PayloadServer.start(payload);
             var client = new Socket()) {
            client.setReceiveBufferSize(64 * 1024);
            client.setSoTimeout(3000);
            client.connect(server.address(), 3000);
            int first = -1;
            try {
                first = client.getInputStream().read();
            } catch (SocketTimeoutException silent) {
                fail("a client heard nothing for 3 s after connecting; serve each accepted connection", silent);
            }
            assertThat(first).as("the first byte a client receives").isEqualTo(payload[0] & 0xFF);
            // WHEN the server is closed in the middle of the write
            server.close();
            // THEN the client's stream ends (an end of stream or a reset) before the payload is complete:
            // at most what was already in the socket buffers still arrives
            long received = 1;
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = client.getInputStream().read(buffer)) != -1; ) {
                    received += n;
                }
            } catch (SocketTimeoutException silent) {
                fail("after close(), a client in the middle of its download received " + received
                        + " bytes and then nothing for 3 s, and no end of stream; close() must close the"
                        + " connections still being served (keep them in a concurrent set)", silent);
            } catch (SocketException reset) {
                // the connection was closed with bytes unread: as good as an end of stream here
            }
            assertThat(received)
                    .as("bytes a client received although the server was closed after the first byte;"
                            + " the whole payload means the connection was served to its end: close() must also"
                            + " close the connections still being served (keep them in a concurrent set)")
                    .isLessThan(payload.length);
        }
    }

    /** What became of one connection attempt made after the server was closed. */
    private enum AfterClose {
        REFUSED("refused"),
        UNANSWERED("neither accepted nor refused"),
        SERVED("accepted and served the payload"),
        ENDED("accepted, then ended with no data"),
        RESET("accepted, then reset"),
        HELD("accepted, then held open with no data");

        final String words;

        AfterClose(String words) {
            this.words = words;
        }
    }

    /**
     * How long a connect may wait for its refusal. Linux and macOS refuse a connection to a closed
     * loopback port at once; Windows answers the reset by sending its SYN twice more and reports
     * the refusal only after about 2 s, so a shorter connect timeout would see no refusal there.
     */
    private static final int REFUSAL_MILLIS = 3000;

    private static AfterClose connectAfterClose(InetSocketAddress address) {
        try (var socket = new Socket()) {
            try {
                socket.connect(address, REFUSAL_MILLIS);
            } catch (ConnectException refused) {
                return AfterClose.REFUSED;
            } catch (SocketTimeoutException unanswered) {
                return AfterClose.UNANSWERED;
            }
            socket.setSoTimeout(500);
            return socket.getInputStream().read() == -1 ? AfterClose.ENDED : AfterClose.SERVED;
        } catch (SocketTimeoutException held) {
            return AfterClose.HELD;
        } catch (IOException reset) {
            return AfterClose.RESET;
        }
    }

    @Test
    @Tag("4.1b")
    void should_stop_accepting_once_closed() throws Exception {
        // GIVEN a started server
        var server = PayloadServer.start(new byte[] {1, 2, 3});
        InetSocketAddress address = server.address();
        assertThat(address.getAddress().isLoopbackAddress()).as("the server binds 127.0.0.1").isTrue();
        // WHEN it is closed
        server.close();
        // THEN no new connection is ever served, and the port soon refuses connections. A connect
        // that races with the closing listener may get in and be reset at once: that is fine, so
        // such an attempt is made again until one is refused or the deadline passes.
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<AfterClose> attempts = new ArrayList<>();
        AfterClose outcome;
        do {
            outcome = connectAfterClose(address);
            attempts.add(outcome);
            assertThat(outcome)
                    .as("a client that connected after close() was served; close() must close the"
                            + " listening socket, and the accept loop must stop")
                    .isNotEqualTo(AfterClose.SERVED);
        } while (outcome != AfterClose.REFUSED && System.nanoTime() < deadline);
        assertThat(outcome)
                .as("connecting for 3 s after close(), %d attempts, the last one %s; close() must close"
                        + " the listening socket so that the port refuses connections", attempts.size(), outcome.words)
                .isEqualTo(AfterClose.REFUSED);
        server.close();
    }

    /**
     * A listener on 127.0.0.1 that the tests script: its accept can fail, hand out connections whose
     * close fails, or hold a connection back until the server has been closed.
     */
    private static final class ScriptedListener extends ServerSocket {
        private volatile IOException acceptFailure;
        private boolean failingCloses;
        private CountDownLatch holdUntil;
        private final CountDownLatch holding = new CountDownLatch(1);

        ScriptedListener() throws IOException {
            super(0, 0, InetAddress.getLoopbackAddress());
        }

        @Override
        public Socket accept() throws IOException {
            if (acceptFailure != null) {
                IOException failure = acceptFailure;
                acceptFailure = null; // once: a loop that retries is then served, and the test says so
                throw failure;
            }
            Socket connection = failingCloses ? new FailingCloseSocket() : new Socket();
            implAccept(connection);
            if (holdUntil != null) {
                holding.countDown();
                try {
                    holdUntil.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return connection;
        }
    }

    /** A connection whose close closes it and then reports a failure, as a close may. */
    private static final class FailingCloseSocket extends Socket {
        @Override
        public synchronized void close() throws IOException {
            super.close();
            throw new IOException("simulated: close failed after closing");
        }
    }

    @Test
    @Tag("4.1b")
    void should_stop_listening_and_report_it_when_accepting_fails() throws Exception {
        // GIVEN a listener whose accept fails with a failure that close() did not cause, as an accept
        // fails when the process has run out of file descriptors
        var listener = new ScriptedListener();
        var failure = new IOException("simulated: Too many open files");
        listener.acceptFailure = failure;
        var address = (InetSocketAddress) listener.getLocalSocketAddress();
        try {
            var server = PayloadServer.serve(listener, new byte[] {1, 2, 3});
            // WHEN clients try to connect
            // THEN the port soon refuses them: a listener left open with nobody accepting lets them
            // connect and wait for an answer that never comes
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            List<AfterClose> attempts = new ArrayList<>();
            AfterClose outcome;
            do {
                outcome = connectAfterClose(address);
                attempts.add(outcome);
                assertThat(outcome)
                        .as("a client that connected after accept failed was %s; the accept loop cannot go on after"
                                + " a failure that close() did not cause: close the listener and end the loop",
                                outcome.words)
                        .isNotIn(AfterClose.SERVED, AfterClose.HELD);
            } while (outcome != AfterClose.REFUSED && System.nanoTime() < deadline);
            assertThat(outcome)
                    .as("connecting for 3 s after accept failed, %d attempts, the last one %s: expected the port to"
                            + " refuse connections, once the accept loop has closed the listener", attempts.size(),
                            outcome.words)
                    .isEqualTo(AfterClose.REFUSED);
            // AND close() reports the failure, so the owner of the server learns why it stopped serving
            Throwable thrown = Thrown.by(server::close);
            assertThat(thrown).as("what close() threw after the accept loop failed with \"simulated: Too many open"
                    + " files\": expected that very failure, kept by the loop for close()")
                    .isSameAs(failure);
        } finally {
            listener.close();
        }
    }

    @Test
    @Tag("4.1b")
    void should_close_every_connection_even_when_closing_one_fails() throws Exception {
        // GIVEN three clients in the middle of a 16 MiB download, on connections whose close fails
        // after closing
        var listener = new ScriptedListener();
        listener.failingCloses = true;
        byte[] payload = random(PayloadServer.PAYLOAD_SIZE, 7);
        List<Socket> clients = new ArrayList<>();
        try {
            var server = PayloadServer.serve(listener, payload);
            for (int i = 0; i < 3; i++) {
                var client = new Socket();
                clients.add(client);
                client.setReceiveBufferSize(64 * 1024);
                client.setSoTimeout(3000);
                client.connect(server.address(), 3000);
                assertThat(firstByte(client, "client " + (i + 1) + " of 3")).as("the first byte client %d receives",
                        i + 1).isEqualTo(payload[0] & 0xFF);
            }
            // WHEN the server is closed
            Throwable thrown = Thrown.by(server::close);
            // THEN every client's stream ends before the payload is complete, and close() reports the
            // failed closes: the first thrown, the others suppressed in it
            for (int i = 0; i < clients.size(); i++) {
                long received = 1 + drain(clients.get(i), "after close(), client " + (i + 1) + " of 3 received %d"
                        + " bytes and then nothing for %d ms, and no end of stream; close() must go on closing the"
                        + " other connections when one close fails, and report the failure after");
                assertThat(received).as("bytes client %d of 3 received although the server was closed after the"
                        + " first byte: close every connection, also after one close failed", i + 1)
                        .isLessThan(payload.length);
            }
            assertThat(thrown).as("what close() threw when each connection's close failed: expected an"
                    + " IOException, the first close that failed").isInstanceOf(IOException.class);
            assertThat(thrown.getSuppressed()).as("the failures suppressed in what close() threw: expected the"
                    + " other two connections' failed closes, so that none goes unreported").hasSize(2);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            listener.close();
        }
    }

    @Test
    @Tag("4.1b")
    void should_close_a_connection_accepted_just_as_the_server_closes() throws Exception {
        // GIVEN a connection that accept returns only once close() has run to its end, so close() could
        // not see it
        var listener = new ScriptedListener();
        var closed = new CountDownLatch(1);
        listener.holdUntil = closed;
        try (listener) {
            var server = PayloadServer.serve(listener, random(1 << 20, 8));
            try (var client = connect(server.address(), 3000)) {
                assertThat(listener.holding.await(3, TimeUnit.SECONDS)).as("the connection reached accept").isTrue();
                // WHEN the server is closed, and only then accept returns the connection
                server.close();
                closed.countDown();
                // THEN the connection is closed without being served: after adding a connection, check whether
                // the listener was closed meanwhile
                long received = drain(client, "a connection accepted just as the server closed received %d bytes and"
                        + " then nothing for %d ms; after close() no connection may stay open");
                assertThat(received).as("bytes sent on a connection accepted just as the server closed: expected none;"
                        + " after adding a connection to the set, check listener.isClosed() and close it if so").isZero();
            }
        }
    }

    /** The first byte {@code client} receives; a read that times out fails, naming {@code who}. */
    private static int firstByte(Socket client, String who) throws IOException {
        try {
            return client.getInputStream().read();
        } catch (SocketTimeoutException silent) {
            return fail(who + " heard nothing for " + client.getSoTimeout() + " ms after connecting while other"
                    + " clients were being served: serve each connection on a thread of its own", silent);
        }
    }

    /**
     * Reads {@code client} until its stream ends, or is reset; returns the bytes read. A read that
     * times out fails with {@code whenSilent}, formatted with the bytes read and the timeout.
     */
    private static long drain(Socket client, String whenSilent) throws IOException {
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = client.getInputStream().read(buffer)) != -1; ) {
                received += n;
            }
        } catch (SocketTimeoutException silent) {
            fail(String.format(whenSilent, received, client.getSoTimeout()), silent);
        } catch (SocketException reset) {
            // the connection was closed with bytes unread: as good as an end of stream here
        }
        return received;
    }
}
