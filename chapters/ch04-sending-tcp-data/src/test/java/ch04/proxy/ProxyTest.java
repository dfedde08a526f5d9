package ch04.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Census;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;

/**
 * 4.5b: {@link Proxy#proxy} between two connected sockets (Listing 4-15) and {@link Proxy#proxyConn}
 * (Listing 4-14). The checks every proxy must pass come from {@link ProxyContract}, run here
 * through a {@link Relay} that hands each client's connection and a plain upstream socket to
 * {@code proxy}.
 */
@Tag("4.5")
@Tag("4.5b")
class ProxyTest implements ProxyContract {

    @Override
    public Front front(InetSocketAddress upstream) throws IOException {
        return new Relay(upstream);
    }

    @Test
    void should_return_the_bytes_carried_each_way_and_close_both_sockets() throws Exception {
        // GIVEN an upstream that answers a whole request
        try (var upstream = LoopbackServer.start(Upstreams.readToEndThenAnswer()); var relay = new Relay(upstream.address())) {
            try (Socket client = relay.connect()) {
                // WHEN a 16-byte request goes through and the answer comes back
                Peers.write(client, "what time is it?");
                client.shutdownOutput();
                Peers.readToEnd(client, "the client got %d bytes and no end of stream");
            }
            // THEN proxy() returns what it carried each way, and has closed both sockets
            Relay.Call call = relay.calls().getFirst();
            Proxy.Traffic traffic = call.result().get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(traffic).as("proxy()'s Traffic: 16 request bytes from the client, the answer's bytes back")
                    .isEqualTo(new Proxy.Traffic(16, Upstreams.answerTo(16).length()));
            assertThat(call.from().isClosed() && call.to().isClosed())
                    .as("both sockets closed when proxy() returned; the call owns them from then on").isTrue();
        }
    }

    @Test
    void should_throw_the_first_failure_and_close_both_sockets() throws Exception {
        // GIVEN a session whose upstream waits for the client
        var ended = new CompletableFuture<String>();
        try (var upstream = LoopbackServer.start(Upstreams.readUntilTheConnectionEnds(ended));
             var relay = new Relay(upstream.address())) {
            // WHEN the client resets its connection
            Peers.reset(relay.connect());
            Relay.Call call = relay.calls().getFirst();
            call.thread().join(Peers.PATIENCE);
            // THEN proxy() throws the reset itself, not what closing the other socket caused afterwards
            assertThat(call.result().isDone())
                    .as("proxy() returned within %d s of the client's reset", Peers.PATIENCE.toSeconds()).isTrue();
            assertThat(call.result().exceptionNow())
                    .as("what proxy() threw after its client reset: the first failure (the reset), not the"
                            + " \"Socket closed\" that closing caused in the other direction")
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
            assertThat(call.from().isClosed() && call.to().isClosed()).as("both sockets closed after a failure").isTrue();
        }
    }

    @Test
    void should_close_both_sockets_and_throw_when_interrupted() throws Exception {
        // GIVEN a proxy() call between a client and an upstream that both wait
        try (var client = Peers.plainPair(); var upstream = Peers.plainPair()) {
            var thrown = new AtomicReference<Throwable>();
            var flagAfter = new AtomicBoolean();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    Proxy.proxy(client.near(), upstream.near());
                } catch (Throwable t) {
                    // kept whole, a stub's NotStartedException included: the test's thread rethrows that one
                    thrown.set(t);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
            });
            // WHEN its thread is interrupted
            caller.interrupt();
            caller.join(Peers.PATIENCE);
            // THEN it closes both sockets, waits for its threads and throws InterruptedIOException, flag set again
            assertThat(caller.isAlive()).as("proxy() still running %d s after its thread was interrupted; close both"
                    + " sockets to end the directions, then wait for them", Peers.PATIENCE.toSeconds()).isFalse();
            workbook.NotStartedException stub = workbook.NotStartedException.findIn(thrown.get());
            if (stub != null) {
                throw stub;
            }
            assertThat(thrown.get()).as("what proxy() threw when interrupted").isInstanceOf(InterruptedIOException.class);
            assertThat(flagAfter.get()).as("the caller's interrupt flag after proxy() threw: set it again").isTrue();
            assertThat(client.near().isClosed() && upstream.near().isClosed()).as("both sockets closed").isTrue();
        }
    }

    @Test
    void should_rethrow_an_unchecked_failure_of_a_direction_and_close_both() throws Exception {
        // GIVEN a socket whose input fails with an unchecked exception (its output takes anything,
        // so that this is the only failure), and a real connection
        var broken = new IllegalStateException("this socket's stream is broken");
        Socket failing = new Socket() {
            @Override
            public InputStream getInputStream() {
                throw broken;
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }
        };
        try (var upstream = Peers.plainPair()) {
            // WHEN proxy() runs between them
            Throwable thrown = Thrown.by(() -> Proxy.proxy(failing, upstream.near()));
            // THEN that very exception comes out, after both sockets were closed
            assertThat(thrown).as("what proxy() threw when one direction failed with an unchecked exception: the"
                    + " same exception, or a direction thread dies and the other waits forever").isSameAs(broken);
            assertThat(upstream.near().isClosed()).as("the other socket, closed after the failure").isTrue();
        }
    }

    @Test
    void should_refuse_null_sockets_before_starting_anything() throws Exception {
        try (var pair = Peers.plainPair()) {
            assertThat(Thrown.by(() -> Proxy.proxy(null, pair.near()))).as("proxy(null, socket): check before starting")
                    .isInstanceOf(NullPointerException.class).hasMessage("from");
            assertThat(Thrown.by(() -> Proxy.proxy(pair.near(), null))).as("proxy(socket, null): check before starting")
                    .isInstanceOf(NullPointerException.class).hasMessage("to");
            assertThat(pair.near().isClosed()).as("the socket handed in with a null, left open").isFalse();
        }
    }

    @Test
    void should_dial_both_addresses_and_proxy_between_them() throws Exception {
        // GIVEN Listing 4-14's two servers: a source that sends a request and reads the answer, and a
        // destination that answers whole requests
        var answer = new CompletableFuture<String>();
        try (var source = LoopbackServer.start(connection -> {
                 Peers.write(connection, "ping");
                 connection.shutdownOutput();
                 answer.complete(new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
             });
             var destination = LoopbackServer.start(Upstreams.readToEndThenAnswer())) {
            // WHEN proxyConn connects them
            Proxy.Traffic traffic = Proxy.proxyConn(source.address(), destination.address());
            // THEN the request went one way, the answer the other
            assertThat(answer.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the answer the source read back; nothing at all means the connections were closed when the"
                            + " source's direction ended, before the answer came back")
                    .isEqualTo(Upstreams.answerTo(4));
            assertThat(traffic).as("proxyConn's Traffic").isEqualTo(new Proxy.Traffic(4, Upstreams.answerTo(4).length()));
        }
    }

    @Test
    void should_close_the_first_connection_when_the_second_cannot_be_dialled() throws Exception {
        // GIVEN a source that waits on its connection, and a destination port where nothing listens
        InetSocketAddress nobody;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) closed.getLocalSocketAddress();
        }
        var ended = new CompletableFuture<String>();
        Census before = Census.take();
        try (var source = LoopbackServer.start(Upstreams.readUntilTheConnectionEnds(ended))) {
            // WHEN proxyConn dials both
            Throwable thrown = Thrown.by(() -> Proxy.proxyConn(source.address(), nobody));
            // THEN it fails with the refusal, and the source's connection is closed, not left open
            assertThat(thrown).as("proxyConn to a port where nothing listens").isInstanceOf(ConnectException.class);
            assertThat(ended.get(Peers.PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS))
                    .as("how the source's connection ended after the second dial failed: close the first connection"
                            + " on every path (try-with-resources)")
                    .isEqualTo("end of stream");
        }
        Peers.eventually(() -> assertThat(Census.take().newSince(before))
                .as("sockets open after proxyConn failed: close the socket whose dial failed, too").isEmpty());
    }
}
