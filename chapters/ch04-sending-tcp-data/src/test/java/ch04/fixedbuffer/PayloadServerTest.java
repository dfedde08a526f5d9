package ch04.fixedbuffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;

/** 4.1b: {@link PayloadServer}, the server of Listing 4-1. */
@Tag("4.1")
class PayloadServerTest {

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

    @Test
    @Tag("4.1b")
    void should_send_the_whole_payload_then_close_the_connection() throws Exception {
        // GIVEN a server with a random 1 MiB payload
        byte[] payload = PayloadServer.randomPayload(1 << 20, new Random(1));
        try (var server = PayloadServer.start(payload);
             var client = connect(server.address(), (int) LoopbackServer.SOCKET_TIMEOUT.toMillis())) {
            // WHEN a client reads until the stream ends
            byte[] got = client.getInputStream().readAllBytes();
            // THEN it got exactly the payload; readAllBytes returning at all means the server closed
            assertThat(got).as("4.1b: the bytes a client receives before EOF").isEqualTo(payload);
        }
    }

    @Test
    @Tag("4.1b")
    void should_send_an_empty_payload_as_an_immediate_end_of_stream() throws Exception {
        try (var server = PayloadServer.start(new byte[0]);
             var client = connect(server.address(), (int) LoopbackServer.SOCKET_TIMEOUT.toMillis())) {
            assertThat(client.getInputStream().read()).as("4.1b: first read from a server with nothing to send").isEqualTo(-1);
        }
    }

    @Test
    @Tag("4.1b")
    void should_serve_clients_at_the_same_time_not_one_after_another() throws Exception {
        // GIVEN the chapter's 16 MiB payload, more than the socket buffers hold, and three clients
        byte[] payload = PayloadServer.randomPayload(PayloadServer.PAYLOAD_SIZE, new Random(2));
        try (var server = PayloadServer.start(payload)) {
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(connect(server.address(), 3000));
                }
                // WHEN they read in the reverse order of connecting
                for (Socket client : clients.reversed()) {
                    // THEN each gets the payload: a server that serves one connection at a time is
                    // stuck writing to the first client and the last one times out
                    assertThat(client.getInputStream().readAllBytes())
                            .as("4.1b: payload received by a client that connected while another was"
                                    + " being served; serve each connection on its own thread")
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
        byte[] payload = PayloadServer.randomPayload(PayloadServer.PAYLOAD_SIZE, new Random(3));
        try (var server = PayloadServer.start(payload)) {
            connect(server.address(), 3000).close();
            // WHEN another client connects
            try (var client = connect(server.address(), 3000)) {
                // THEN it gets the whole payload: one failed write ends one connection, not the server
                assertThat(client.getInputStream().readAllBytes())
                        .as("4.1b: payload after an earlier client went away").isEqualTo(payload);
            }
        }
    }

    @Test
    @Tag("4.1b")
    void should_stop_accepting_once_closed() throws Exception {
        // GIVEN a started server
        var server = PayloadServer.start(new byte[] {1, 2, 3});
        InetSocketAddress address = server.address();
        assertThat(address.getAddress().isLoopbackAddress()).as("4.1b: the server binds 127.0.0.1").isTrue();
        // WHEN it is closed
        server.close();
        // THEN the port refuses connections
        assertThat(Thrown.by(() -> connect(address, 2000).close()))
                .as("4.1b: connecting after close(); close the listening socket in close()")
                .isInstanceOf(ConnectException.class);
        server.close();
    }
}
