package ch04.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;

/** 4.5d: {@link ProxyServer}'s bound on the clients proxied at once, and what a refused client sees. */
@Tag("4.5")
class ConnectionBoundTest {

    /**
     * A client whose session has reached the upstream, proven by a byte that crossed the proxy: the
     * pair's near end is the client, its far end the upstream's side of the session.
     */
    private static Peers.Pair admitted(ProxyServer server, ManualUpstream upstream, int n) throws IOException {
        Socket client = Peers.connect(server.address());
        client.getOutputStream().write(n);
        Socket upstreamSide = upstream.accept("client " + n + " connected, but the proxy never dialled the upstream"
                + " for it within " + Peers.PATIENCE.toSeconds() + " s; clients within the bound must be served");
        assertThat(upstreamSide.getInputStream().read()).as("the byte client %d sent, at the upstream", n).isEqualTo(n);
        return new Peers.Pair(client, upstreamSide);
    }

    /**
     * What a new client's connect and first read give: a byte, -1, or what they threw. A reset
     * that arrives before the connecting thread has looked makes the connect itself fail.
     */
    private static Object connectAndRead(ProxyServer server, List<Socket> clients) {
        Object[] got = new Object[1];
        Throwable thrown = Thrown.by(() -> {
            Socket client = Peers.connect(server.address());
            clients.add(client);
            got[0] = client.getInputStream().read();
        });
        return thrown != null ? thrown : got[0];
    }

    @Test
    @Tag("4.5d")
    void should_reset_the_client_past_the_bound_without_dialling_for_it() throws Exception {
        // GIVEN a server bounded at 3 with three sessions under way
        try (var upstream = new ManualUpstream(); var server = ProxyServer.start(upstream.address(), 3)) {
            List<Socket> clients = new ArrayList<>();
            try {
                for (int n = 1; n <= 3; n++) {
                    clients.add(admitted(server, upstream, n).near());
                }
                // WHEN a fourth client connects
                // THEN it is reset at once: not served, not left waiting, not handed an end of stream
                Object got = connectAndRead(server, clients);
                assertThat(got)
                        .as("the first read of a client past the bound of 3 gave %s; %s", got,
                                got instanceof SocketTimeoutException
                                        ? "it was admitted and is waiting for the upstream: count the sessions and refuse past the bound"
                                        : got instanceof Integer i && i == -1
                                                ? "an end of stream looks like an upstream that closed without answering: refuse with a reset (SO_LINGER 0, then close)"
                                                : "refuse with a reset")
                        .isInstanceOf(SocketException.class);
                assertThat(((SocketException) got).getMessage()).as("the refused client's exception").contains("reset");
                assertThat(upstream.hasPending())
                        .as("a connection to the upstream for the refused client; decide before dialling")
                        .isFalse();
                assertThat(server.activeConnections()).as("activeConnections() with three sessions and one refused")
                        .isEqualTo(3);
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    @Tag("4.5d")
    void should_count_the_sessions_under_way_and_none_after_close() throws Exception {
        try (var upstream = new ManualUpstream(); var server = ProxyServer.start(upstream.address(), 2)) {
            assertThat(server.activeConnections()).as("activeConnections() before any client").isZero();
            try (var first = admitted(server, upstream, 1)) {
                assertThat(server.activeConnections()).as("activeConnections() with one session").isEqualTo(1);
                try (var second = admitted(server, upstream, 2)) {
                    assertThat(server.activeConnections()).as("activeConnections() with two sessions").isEqualTo(2);
                    // WHEN the server is closed
                    server.close();
                    // THEN no session is under way
                    assertThat(server.activeConnections())
                            .as("activeConnections() once close() returned: every session has ended, and each"
                                    + " must have given its slot back (in finally)")
                            .isZero();
                }
            }
        }
    }

    @Test
    @Tag("4.5d")
    void should_give_a_slot_back_when_a_session_ends() throws Exception {
        // GIVEN a server bounded at 1, its slot taken, and a second client refused
        try (var upstream = new ManualUpstream(); var server = ProxyServer.start(upstream.address(), 1)) {
            var first = admitted(server, upstream, 1);
            List<Socket> refused = new ArrayList<>();
            Object got = connectAndRead(server, refused);
            assertThat(got).as("what a second client's connect and first read gave while the only slot was taken: %s;"
                    + " it must be refused with a reset", got).isInstanceOf(SocketException.class);
            for (Socket socket : refused) {
                socket.close();
            }
            // WHEN the first session ends: the client closes, and so does the upstream's side
            first.close();
            // THEN the slot is free again, and the next client is served
            Peers.eventually(() ->
                    assertThat(server.activeConnections())
                            .as("activeConnections() after the only session ended; give the slot back when a"
                                    + " session ends, on every path")
                            .isZero());
            try (var next = admitted(server, upstream, 3)) {
                assertThat(server.activeConnections()).as("activeConnections() with the new session").isEqualTo(1);
            }
        }
    }

    @Test
    @Tag("4.5d")
    void should_refuse_a_bound_below_one_and_a_null_upstream() throws Exception {
        var upstream = new InetSocketAddress("127.0.0.1", 9);
        assertThat(Thrown.by(() -> ProxyServer.start(null, 1).close())).as("start(null, 1): refuse it before binding")
                .isInstanceOf(NullPointerException.class);
        for (int bound : new int[] {0, -1}) {
            Throwable thrown = Thrown.by(() -> ProxyServer.start(upstream, bound).close());
            assertThat(thrown).as("start(upstream, %d)", bound).isInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).as("the message for a bound of %d names it", bound).contains(String.valueOf(bound));
        }
        try (var server = ProxyServer.start(upstream, 1)) {
            assertThat(server.maxConnections()).as("maxConnections() of a server bounded at 1").isEqualTo(1);
        }
    }

    @Test
    @Tag("4.5d")
    void should_bound_a_server_started_without_a_bound_at_the_default() throws Exception {
        var upstream = new InetSocketAddress("127.0.0.1", 9);
        try (var server = ProxyServer.start(upstream); var bounded = ProxyServer.start(upstream, 7)) {
            assertThat(server.maxConnections()).as("maxConnections() of start(upstream): Listing 4-17 has no bound,"
                    + " ours has DEFAULT_MAX_CONNECTIONS").isEqualTo(ProxyServer.DEFAULT_MAX_CONNECTIONS);
            assertThat(bounded.maxConnections()).as("maxConnections() of start(upstream, 7)").isEqualTo(7);
            assertThat(server.upstream()).as("upstream()").isEqualTo(upstream);
        }
    }
}
