package ch04.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Census;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/**
 * 4.5c: {@link ProxyServer}, Listing 4-17's proxy server, with Listings 4-16 and 4-18 as its
 * first test. The checks every proxy must pass come from {@link ProxyContract}.
 */
@Tag("4.5")
@Tag("4.5c")
class ProxyServerTest implements ProxyContract {

    /** How many clients talk through the server at once in the concurrency property. */
    static final int CLIENTS = 100;

    /** The most each of them sends: 1 MiB. */
    static final int MAX_BYTES = 1 << 20;

    @Override
    public Front front(InetSocketAddress upstream) throws IOException {
        ProxyServer server = ProxyServer.start(upstream);
        return new Front() {
            @Override
            public Socket connect() throws IOException {
                return Peers.connect(server.address());
            }

            @Override
            public void close() throws Exception {
                server.close();
            }
        };
    }

    /** One of the hundred clients: how much it sends, from where in the try's random bytes, in which writes. */
    record Client(int size, int offset, List<Integer> writeSizes) {
    }

    /**
     * A hundred clients whose sizes are spread from 0 to 1 MiB in every try, most of them small:
     * client i's drawn size plus i hundredths of 1 MiB (modulo 1 MiB + 1) is a point u spread
     * evenly over the range, and it sends 1 MiB * (u / 1 MiB)^3 bytes. So even the tries where
     * every drawn size is the same (0, or the maximum) send a spread of sizes instead of 100 times
     * the same case, and a try moves about 25 MiB each way: enough for the largest clients to fill
     * every socket buffer on the way, little enough for a loaded machine. Each client's bytes start
     * at its own offset in the try's 2 MiB of random bytes, so no two clients send the same bytes.
     */
    static Gen<List<Client>> hundredClients() {
        Gen<Integer> size = Gen.integers(0, MAX_BYTES);
        Gen<Integer> offset = Gen.integers(0, MAX_BYTES - 1);
        Gen<List<Integer>> writes = StreamGens.readSizes(64 * 1024);
        return source -> {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                double u = ((size.generate(source) + (long) i * (MAX_BYTES / CLIENTS)) % (MAX_BYTES + 1))
                        / (double) MAX_BYTES;
                int start = (int) ((offset.generate(source) + (long) i * 10_007) % MAX_BYTES);
                clients.add(new Client((int) Math.round(MAX_BYTES * u * u * u), start, writes.generate(source)));
            }
            return List.copyOf(clients);
        };
    }

    @Test
    void should_give_a_hundred_concurrent_clients_exactly_their_own_bytes_and_leave_nothing_behind() {
        // One try moves about 100 MiB through loopback (25 MiB each way, over both hops) and takes 1 to
        // 5 s on a loaded 2-core machine; -Dproperty.thorough=true makes it ten tries.
        forAll(hundredClients(), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)).labels("clients", "seed").tries(1)
                .check((clients, seed) -> {
            // GIVEN an echo upstream behind a proxy server, 2 MiB of random bytes, and a census
            byte[] pool = new byte[2 * MAX_BYTES];
            new SplittableRandom(seed).nextBytes(pool);
            Census before = Census.take();
            try (var upstream = LoopbackServer.start(Upstreams.echo(), 2 * CLIENTS);
                 var server = ProxyServer.start(upstream.address())) {
                // WHEN a hundred clients connect, then all send at once (each its own bytes in its own
                // writes, then a half-close) while reading what comes back
                List<Socket> sockets = new ArrayList<>();
                List<CompletableFuture<String>> outcomes = new ArrayList<>();
                try {
                    for (int i = 0; i < CLIENTS; i++) {
                        sockets.add(Peers.connect(server.address()));
                    }
                    for (int i = 0; i < CLIENTS; i++) {
                        Client c = clients.get(i);
                        byte[] sent = Arrays.copyOfRange(pool, c.offset(), c.offset() + c.size());
                        outcomes.add(talk(i, c, sockets.get(i), sent));
                    }
                    // THEN each gets back exactly its own bytes
                    List<String> problems = new ArrayList<>();
                    for (var outcome : outcomes) {
                        String problem = outcome.get(Peers.PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS);
                        if (problem != null) {
                            problems.add(problem);
                        }
                    }
                    assertThat(problems).as("clients that did not get exactly their own bytes back").isEmpty();
                } finally {
                    for (Socket socket : sockets) {
                        socket.close();
                    }
                }
            }
            // ... and once the server and the upstream are closed, nothing they started is left
            Peers.eventually(() ->
                    assertThat(Census.take().newSince(before))
                            .as("threads alive and sockets open after the server was closed; close() must close"
                                    + " every socket and wait for every thread it started")
                            .isEmpty());
        });
    }

    /** Client {@code i} sends {@code sent} on one virtual thread and checks the echo on another. */
    private static CompletableFuture<String> talk(int i, Client client, Socket socket, byte[] sent) {
        var writer = CompletableFuture.supplyAsync(() -> {
            try {
                new Payload(sent.length, 0, client.writeSizes()).writeTo(socket.getOutputStream(), sent);
                socket.shutdownOutput();
                return null;
            } catch (IOException e) {
                return "client " + i + " " + client + " could not send its bytes: " + e;
            }
        }, Thread::startVirtualThread);
        var reader = CompletableFuture.supplyAsync(() -> check(i, client, socket, sent), Thread::startVirtualThread);
        return writer.thenCombine(reader, (w, r) -> w != null ? w : r);
    }

    /**
     * Reads as many bytes as were sent and compares them as they arrive; null when they matched.
     * The end of the stream after them is the examples' business: waiting for one that never
     * comes would cost every try its full patience.
     */
    private static String check(int i, Client client, Socket socket, byte[] sent) {
        byte[] buffer = new byte[64 * 1024];
        int at = 0;
        try {
            InputStream in = socket.getInputStream();
            while (at < sent.length) {
                int n = in.read(buffer, 0, Math.min(buffer.length, sent.length - at));
                if (n == -1) {
                    return "client " + i + " " + client + " got back " + at + " of its " + sent.length
                            + " bytes, then the end of the stream";
                }
                int differs = Arrays.mismatch(buffer, 0, n, sent, at, at + n);
                if (differs != -1) {
                    return "client " + i + " " + client + " got back a different byte at " + (at + differs)
                            + ": another client's bytes, or bytes lost or repeated";
                }
                at += n;
            }
            return null;
        } catch (IOException e) {
            return "client " + i + " " + client + " got back " + at + " of its " + sent.length + " bytes, then " + e;
        }
    }

    @Test
    void should_end_the_sessions_under_way_when_closed_and_leave_nothing_behind() throws Exception {
        Census before = Census.take();
        // GIVEN a session under way: a byte has reached the upstream, which waits for more
        var arrived = new CompletableFuture<Integer>();
        var ended = new CompletableFuture<String>();
        try (var upstream = LoopbackServer.start(connection -> {
                 arrived.complete(connection.getInputStream().read());
                 Upstreams.readUntilTheConnectionEnds(ended).handle(connection);
             });
             var server = ProxyServer.start(upstream.address());
             Socket client = Peers.connect(server.address())) {
            client.getOutputStream().write(42);
            assertThat(arrived.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the byte at the upstream")
                    .isEqualTo(42);
            // WHEN the server is closed
            server.close();
            // THEN the client's stream ends, the upstream's connection ends, and close() can be called again
            Object got;
            try {
                got = client.getInputStream().read();
            } catch (SocketException reset) {
                got = reset;
            }
            assertThat(got).as("the client's read after close(): close() must close the sessions' sockets")
                    .matches(g -> g instanceof SocketException || Integer.valueOf(-1).equals(g), "-1 or a reset");
            assertThat(ended.get(Peers.PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS))
                    .as("how the upstream's connection ended after close()").doesNotContain("SocketTimeoutException");
            server.close();
        }
        Peers.eventually(() ->
                assertThat(Census.take().newSince(before)).as("threads alive and sockets open after close()").isEmpty());
    }

    @Test
    void should_close_the_sockets_and_keep_the_interrupt_when_interrupted_while_closing() throws Exception {
        // GIVEN a session under way: a byte has reached the upstream, which waits for more
        var arrived = new CompletableFuture<Integer>();
        var ended = new CompletableFuture<String>();
        try (var upstream = LoopbackServer.start(connection -> {
                 arrived.complete(connection.getInputStream().read());
                 Upstreams.readUntilTheConnectionEnds(ended).handle(connection);
             });
             var server = ProxyServer.start(upstream.address());
             Socket client = Peers.connect(server.address())) {
            client.getOutputStream().write(42);
            assertThat(arrived.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the byte at the upstream")
                    .isEqualTo(42);
            // WHEN close() is called by a thread that has been interrupted
            Thread.currentThread().interrupt();
            Throwable thrown = Thrown.by(server::close);
            boolean stillInterrupted = Thread.interrupted();
            // THEN the interrupt is kept (an InterruptedIOException if close() had to wait), and the
            // sessions' sockets were closed before any waiting
            assertThat(stillInterrupted).as("the caller's interrupt flag after close(); it may stop waiting, but"
                    + " must set the flag again (what it threw: %s)", thrown).isTrue();
            if (thrown != null) {
                assertThat(thrown).as("what close() threw when interrupted").isInstanceOf(InterruptedIOException.class);
            }
            assertThat(ended.get(Peers.PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS))
                    .as("how the upstream's connection ended after an interrupted close(); close the sockets first,"
                            + " then wait").doesNotContain("SocketTimeoutException");
            // ... and a second close() finishes the job
            server.close();
        }
    }

    @Test
    void should_reset_a_client_whose_upstream_cannot_be_dialled_and_serve_the_next() throws Exception {
        Census before = Census.take();
        // GIVEN a server whose upstream port has nobody listening
        InetSocketAddress nobody;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) closed.getLocalSocketAddress();
        }
        try (var server = ProxyServer.start(nobody)) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                // WHEN a client connects THEN it is reset: an end of stream would look like an answer. The
                // reset may come before the connecting thread has looked, and then fails the connect itself.
                Object[] got = new Object[1];
                Throwable thrown = Thrown.by(() -> {
                    try (Socket client = Peers.connect(server.address())) {
                        got[0] = client.getInputStream().read();
                    }
                });
                assertThat(thrown).as("client %d's read when the upstream cannot be dialled (it read %s);"
                        + " reset the client (SO_LINGER 0, then close), and go on serving", attempt, got[0])
                        .isInstanceOf(SocketException.class);
            }
        }
        Peers.eventually(() ->
                assertThat(Census.take().newSince(before))
                        .as("threads alive and sockets open after failed dials and close(); close the upstream socket"
                                + " whose dial failed too").isEmpty());
    }

    @Test
    void should_serve_the_next_client_after_one_resets() throws Exception {
        try (var upstream = LoopbackServer.start(Upstreams.pingPong()); var server = ProxyServer.start(upstream.address())) {
            try (Socket first = Peers.connect(server.address())) {
                Peers.write(first, "ping");
                assertThat(Peers.readText(first, 4, "no pong")).isEqualTo("pong");
                Peers.reset(first);
            }
            try (Socket next = Peers.connect(server.address())) {
                Peers.write(next, "ping");
                assertThat(Peers.readText(next, 4, "a client that came after another one's reset got no answer; one"
                        + " session's failure must end that session only, never the server")).isEqualTo("pong");
            }
        }
    }
}
