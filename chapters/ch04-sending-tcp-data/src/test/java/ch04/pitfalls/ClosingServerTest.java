package ch04.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.fixtures.LinuxTcp;
import workbook.fixtures.Poll;
import workbook.fixtures.Thrown;

/** Exercise 4.9d: {@link ClosingServer}, Listing 4-27 with every connection closed. */
@Tag("4.9")
class ClosingServerTest {

    private static final String LINUX = "the kernel's connection states are read from /proc/net/tcp, which only Linux has";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] LINE = "a line\n".getBytes(StandardCharsets.UTF_8);

    /** A connection made here: the client's end, and the server's end as accepted, not yet served. */
    private record Pair(ServerSocket listener, Socket client, Socket accepted) implements AutoCloseable {
        static Pair open() throws IOException {
            var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            var client = new Socket();
            try {
                client.setSoTimeout((int) WAIT.toMillis());
                client.connect(listener.getLocalSocketAddress(), (int) WAIT.toMillis());
                Socket accepted = listener.accept();
                accepted.setSoTimeout((int) WAIT.toMillis());
                return new Pair(listener, client, accepted);
            } catch (IOException e) {
                client.close();
                listener.close();
                throw e;
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            try (listener; client; accepted) {
                // all three closed, whatever serve did
            }
        }
    }

    @Test
    @Tag("4.9d")
    void should_read_to_the_end_of_the_stream_and_then_close() throws Exception {
        // GIVEN a client that sends a line and closes
        var received = new ByteArrayOutputStream();
        try (var server = ClosingServer.start(received::writeBytes); var pair = Pair.open()) {
            pair.client().getOutputStream().write(LINE);
            pair.client().close();
            // WHEN the server serves the connection
            server.serve(pair.accepted());
            // THEN it handed over the line and closed its side, as defer conn.Close() would
            assertThat(received.toByteArray()).as("the bytes the handler got").isEqualTo(LINE);
            assertThat(pair.accepted().isClosed()).as("the server's side of the connection once serve returned:"
                    + " closed, or it waits in CLOSE_WAIT for as long as the process lives").isTrue();
        }
    }

    @Test
    @Tag("4.9d")
    void should_close_the_connection_when_the_handler_throws() throws Exception {
        try (var server = ClosingServer.start(chunk -> {
            throw new IllegalStateException("the handler broke");
        }); var pair = Pair.open()) {
            pair.client().getOutputStream().write(LINE);
            Throwable thrown = Thrown.by(() -> server.serve(pair.accepted()));
            assertThat(thrown).as("what serve let out when the handler threw: nothing, a handler's failure ends"
                    + " its connection only").isNull();
            assertThat(pair.accepted().isClosed()).as("the connection after its handler threw: closed").isTrue();
            assertThat(readOrReset(pair.client())).as("the client's next read after the server closed (-1: end of stream, -2: reset)")
                    .isIn(-1, -2);
        }
    }

    @Test
    @Tag("4.9d")
    void should_close_the_connection_when_a_read_fails() throws Exception {
        try (var server = ClosingServer.start(chunk -> { }); var pair = Pair.open()) {
            pair.client().setSoLinger(true, 0);
            pair.client().close();
            Throwable thrown = Thrown.by(() -> server.serve(pair.accepted()));
            assertThat(thrown).as("what serve let out when the client reset the connection: nothing").isNull();
            assertThat(pair.accepted().isClosed()).as("the connection after a reset: closed, or its descriptor leaks")
                    .isTrue();
        }
    }

    /** The state of each client's side of its connection to {@code port}, -1 when the kernel lists none. */
    private static List<Integer> clientStates(List<Integer> clientPorts, int port) throws IOException {
        List<Integer> states = new ArrayList<>();
        for (int clientPort : clientPorts) {
            states.add(LinuxTcp.stateOf(clientPort, port).orElse(-1));
        }
        return states;
    }

    /**
     * Whether the server's listener is gone: a connection to {@code address} is refused. A connect
     * that races with the closing listener may get in and be reset at once: that is not a refusal
     * yet, so the caller tries again. A connect that times out found a listener that takes no
     * connection and whose queue is full, which the server's listener never is (it accepts, with a
     * queue of 50): the freed port has been bound by another process's test, as when the grader
     * runs two students' tests at once. The server's own listener is gone all the same.
     */
    private static boolean refuses(InetSocketAddress address) throws IOException {
        try (var socket = new Socket()) {
            // Linux refuses a connection to a closed loopback port at once (this test runs on Linux only).
            socket.connect(address, 2000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (SocketTimeoutException portTakenByAnotherProcess) {
            return true;
        } catch (SocketException resetWhileClosing) {
            return false;
        }
    }

    private static int readOrReset(Socket client) throws IOException {
        try {
            return client.getInputStream().read();
        } catch (SocketException reset) {
            return -2;
        }
    }

    @Test
    @Tag("4.9d")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_leave_no_close_wait_behind_after_its_clients_close() throws Exception {
        // GIVEN the fixed server and three clients that each send a line and close
        var received = new AtomicLong();
        try (var server = ClosingServer.start(chunk -> received.addAndGet(chunk.length))) {
            int port = server.address().getPort();
            List<Integer> clientPorts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                try (var client = new Socket()) {
                    client.connect(server.address(), (int) WAIT.toMillis());
                    clientPorts.add(client.getLocalPort());
                    client.getOutputStream().write(LINE);
                }
            }
            // WHEN the server has served them: each client's side then moves from FIN_WAIT2 to
            // TIME_WAIT, since the server's FIN arrived (or serve failed, or the wait ran out)
            List<Integer> states = Poll.until(WAIT, () -> clientStates(clientPorts, port),
                    now -> server.failure() != null || now.stream().allMatch(state -> state == LinuxTcp.TIME_WAIT));
            if (server.failure() != null) {
                Thrown.by(() -> {
                    throw server.failure();
                });
            }
            // THEN no socket of the server's port is in CLOSE_WAIT, the server holds no connection,
            // and every line was read
            assertThat(LinuxTcp.count(port, LinuxTcp.CLOSE_WAIT)).as("sockets of the server's port %d in CLOSE_WAIT"
                    + " after three clients closed; the clients' sides are in states %s (5 is FIN_WAIT2: still"
                    + " waiting for the server's close; 6 is TIME_WAIT: closed on both sides)", port, states).isZero();
            int open = Poll.until(WAIT, () -> server.openConnections().size(), n -> n == 0);
            assertThat(open).as("connections the server still holds open after serving three clients").isZero();
            assertThat(server.failure()).as("what serve let out").isNull();
            long read = Poll.until(WAIT, received::get, n -> n == 3L * LINE.length);
            assertThat(read).as("bytes the handler got from three clients").isEqualTo(3L * LINE.length);
            // WHEN the server is closed THEN its port refuses connections
            server.close();
            boolean refused = Poll.until(WAIT, () -> refuses(server.address()), r -> r);
            assertThat(refused).as("a connection to the server's port after close()").isTrue();
        }
    }
}
