package ch04.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Census;
import workbook.fixtures.LoopbackServer;

/**
 * What a proxy must do for the client and the upstream on either side of it, written once for the
 * two things the section builds: {@link Proxy#proxy} on a pair of connections (4.5b) and
 * {@link ProxyServer} (4.5c). Each implementation says how a client reaches an upstream through
 * it; a failure names the implementation's own test.
 */
interface ProxyContract {

    /** The proxy under test, in front of one upstream. */
    interface Front extends AutoCloseable {

        /** A client connected through the proxy, with a read timeout of {@link Peers#PATIENCE}. */
        Socket connect() throws IOException;

        /**
         * Ends what the front started and waits for it: the server's close(), or the end of every
         * proxy() call. Fails the test if something does not end.
         */
        @Override
        void close() throws Exception;
    }

    /** Starts the proxy under test in front of {@code upstream}. */
    Front front(InetSocketAddress upstream) throws IOException;

    /** See {@link Peers#warmUp()}: before any census. */
    @BeforeAll
    static void warmUp() throws Exception {
        Peers.warmUp();
    }

    @Test
    default void should_carry_the_chapters_ping_pong_exchange() throws Exception {
        // GIVEN Listing 4-16's upstream, which answers ping with pong and echoes anything else
        try (var upstream = LoopbackServer.start(Upstreams.pingPong());
             var front = front(upstream.address());
             Socket client = front.connect()) {
            // WHEN Listing 4-18's client sends its four messages, one at a time
            List<String> replies = new ArrayList<>();
            for (String message : Upstreams.CHAPTER_MESSAGES) {
                Peers.write(client, message);
                replies.add(Peers.readText(client, 4, "the client sent \"" + message + "\" through the proxy and got"
                        + " no 4-byte reply within " + Peers.PATIENCE.toSeconds() + " s, after the replies "
                        + replies + "; each direction needs its own thread, copying as the bytes arrive"));
            }
            // THEN each reply is the chapter's
            assertThat(replies).as("the replies to ping, pong, echo, ping").isEqualTo(Upstreams.CHAPTER_REPLIES);
        }
    }

    @Test
    default void should_pass_the_end_of_a_request_on_so_that_its_answer_comes_back() throws Exception {
        // GIVEN an upstream that reads a request to its end before it answers
        try (var upstream = LoopbackServer.start(Upstreams.readToEndThenAnswer());
             var front = front(upstream.address());
             Socket client = front.connect()) {
            // WHEN the client sends a request and half-closes
            Peers.write(client, "what time is it?");
            client.shutdownOutput();
            // THEN the answer comes back, then the end of the stream
            byte[] answer = Peers.readToEnd(client, "the client half-closed after its request, then received %d"
                    + " bytes and no end of stream; the upstream reads the request to its end before it answers, so"
                    + " the client's end must travel on as a half-close (shutdownOutput on the upstream socket), and"
                    + " the answer must still come back after it");
            assertThat(new String(answer, StandardCharsets.UTF_8))
                    .as("the upstream's answer to a request it read to its end; nothing at all means the connections"
                            + " were closed when the client's direction ended, before the answer came back: the"
                            + " session ends when both directions have ended")
                    .isEqualTo(Upstreams.answerTo(16));
        }
    }

    @Test
    default void should_pass_the_upstreams_end_on_while_the_client_still_sends() throws Exception {
        // GIVEN an upstream that greets, half-closes, and only then listens to the client
        var request = new CompletableFuture<String>();
        try (var upstream = LoopbackServer.start(Upstreams.greetThenListen("hello", request));
             var front = front(upstream.address());
             Socket client = front.connect()) {
            // WHEN the client reads the greeting to its end, then sends its request and half-closes
            byte[] greeting = Peers.readToEnd(client, "the client received %d bytes of the upstream's greeting and"
                    + " no end of stream; the upstream half-closed: pass its end on to the client too");
            assertThat(new String(greeting, StandardCharsets.UTF_8)).as("the greeting").isEqualTo("hello");
            Peers.write(client, "my request");
            client.shutdownOutput();
            // THEN the upstream receives the whole request: one direction's end is not the session's end
            assertThat(request.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the request the upstream read after its own half-close; the other direction must go on"
                            + " until it ends too")
                    .isEqualTo("my request");
        }
    }

    @Test
    default void should_end_the_upstream_connection_when_the_client_resets() throws Exception {
        // GIVEN an upstream that reads until its connection ends, and a client whose byte reached it
        var arrived = new CompletableFuture<Integer>();
        var ended = new CompletableFuture<String>();
        try (var upstream = LoopbackServer.start(connection -> {
                 arrived.complete(connection.getInputStream().read());
                 Upstreams.readUntilTheConnectionEnds(ended).handle(connection);
             });
             var front = front(upstream.address())) {
            Socket client = front.connect();
            client.getOutputStream().write(42);
            assertThat(arrived.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the client's byte, at the upstream").isEqualTo(42);
            // WHEN the client resets its connection
            Peers.reset(client);
            // THEN the proxy closes the upstream connection too: its read ends at once, not by timing out
            assertThat(ended.get(Peers.PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS))
                    .as("how the upstream's connection ended after the client reset its own; when one side fails,"
                            + " close both connections (closing is what wakes the thread blocked reading the other)")
                    .doesNotContain("SocketTimeoutException");
        }
    }

    @Test
    default void should_echo_any_bytes_in_any_chunking() {
        forAll(Payload.upTo(256 * 1024)).labels("payload").tries(12).check(payload -> {
            // GIVEN an echo upstream behind the proxy
            byte[] sent = payload.bytes();
            try (var upstream = LoopbackServer.start(Upstreams.echo());
                 var front = front(upstream.address());
                 Socket client = front.connect()) {
                // WHEN a client sends the payload in the payload's writes, then half-closes, while it reads
                var writer = CompletableFuture.runAsync(() -> {
                    try {
                        payload.writeTo(client.getOutputStream(), sent);
                        client.shutdownOutput();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, Thread::startVirtualThread);
                // (as many bytes as it sent: the end of the stream is the examples' business, and
                // waiting for one that never comes would cost every try its full patience)
                byte[] received;
                try {
                    received = client.getInputStream().readNBytes(sent.length);
                } catch (java.net.SocketTimeoutException silent) {
                    throw new AssertionError("the client sent " + sent.length + " bytes and waited " + Peers.PATIENCE
                            .toSeconds() + " s for the echo; both directions must copy as the bytes arrive", silent);
                }
                writer.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                // THEN it gets back exactly its bytes
                int differs = Arrays.mismatch(received, sent);
                assertThat(differs).as("the first byte that differs between what the client sent (%d bytes) and what"
                        + " came back (%d bytes)", sent.length, received.length).isEqualTo(-1);
            }
        });
    }

    @Test
    default void should_leave_no_thread_and_no_socket_behind() throws Exception {
        // GIVEN a census of threads and descriptors
        Census before = Census.take();
        // WHEN three clients exchange through the proxy, one of them resetting, and everything is closed
        try (var upstream = LoopbackServer.start(Upstreams.echo()); var front = front(upstream.address())) {
            for (int i = 0; i < 3; i++) {
                try (Socket client = front.connect()) {
                    Peers.write(client, "abc");
                    assertThat(Peers.readText(client, 3, "no echo through the proxy")).isEqualTo("abc");
                    if (i == 1) {
                        Peers.reset(client);
                    } else {
                        client.shutdownOutput();
                        Peers.readToEnd(client, "the client half-closed and then got %d more bytes and no end of"
                                + " stream; its end must reach the upstream, and the upstream's end come back");
                    }
                }
            }
        }
        // THEN no thread the proxy started is alive and no socket it opened is open
        Peers.eventually(() ->
                assertThat(Census.take().newSince(before))
                        .as("threads alive and sockets open after every connection ended and everything was"
                                + " closed; both directions' threads must have ended and both sockets be closed when"
                                + " the proxy is done (join the threads; close in finally)")
                        .isEmpty());
    }
}
