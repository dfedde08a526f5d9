package ch04.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;

/**
 * What {@link Proxy#forward} must do whatever sockets it is handed: plain ones, ones made from
 * channels, or one of each. Each implementation says how it makes its two connections; a failure
 * names the implementation's own test.
 *
 * <p>Every check runs on two real loopback connections: a writer talks to {@code source} through
 * the first, and a reader listens to {@code destination} through the second.
 */
interface ForwardContract {

    /** The connection whose near end is forward's source; its far end is the writer. */
    Peers.Pair sourcePair() throws IOException;

    /** The connection whose near end is forward's destination; its far end is the reader. */
    Peers.Pair destinationPair() throws IOException;

    @Test
    default void should_copy_every_byte_in_order_and_return_the_count() {
        forAll(Payload.upTo(256 * 1024)).labels("payload").tries(12).check(payload -> {
            // GIVEN a writer that sends the payload to source in writes of the payload's sizes, then ends
            byte[] sent = payload.bytes();
            try (var source = sourcePair(); var destination = destinationPair()) {
                var writer = CompletableFuture.runAsync(() -> {
                    try {
                        payload.writeTo(source.far().getOutputStream(), sent);
                        source.far().shutdownOutput();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, Thread::startVirtualThread);
                // ... and a reader that takes as many bytes from destination's peer as were sent
                var reader = CompletableFuture.supplyAsync(() -> {
                    try {
                        return destination.far().getInputStream().readNBytes(sent.length);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, Thread::startVirtualThread);
                // WHEN source is forwarded to destination
                long count = Proxy.forward(source.near(), destination.near());
                // THEN every byte arrived, in order, and the count says how many
                byte[] received = reader.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                writer.get(Peers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                int differs = Arrays.mismatch(received, sent);
                assertThat(differs)
                        .as("the destination's peer got %d of the %d bytes sent, the first difference at byte %d;"
                                + " copy each read's bytes, and only those (buffer, 0, n), until read returns -1",
                                received.length, sent.length, differs)
                        .isEqualTo(-1);
                assertThat(count).as("forward's return value: the number of bytes it copied").isEqualTo(sent.length);
            }
        });
    }

    @Test
    default void should_half_close_the_destination_once_the_source_ends() throws Exception {
        try (var source = sourcePair(); var destination = destinationPair()) {
            // GIVEN a peer that sends a request and then ends its stream (Go's CloseWrite)
            Peers.write(source.far(), "request");
            source.far().shutdownOutput();
            // WHEN it is forwarded
            long count = Proxy.forward(source.near(), destination.near());
            // THEN the destination's peer reads the request and then the end of the stream
            byte[] got = Peers.readToEnd(destination.far(), "the destination's peer received %d bytes and then"
                    + " nothing, and no end of stream; the source's end must travel on: once the copy is done,"
                    + " half-close the destination with shutdownOutput(), or a peer that reads a request to its"
                    + " end waits forever");
            assertThat(new String(got, StandardCharsets.UTF_8)).as("what the destination's peer read").isEqualTo("request");
            assertThat(count).as("forward's return value for a 7-byte request").isEqualTo(7);
            assertThat(destination.near().isOutputShutdown())
                    .as("destination.isOutputShutdown() after forward returned").isTrue();
        }
    }

    @Test
    default void should_leave_the_other_direction_open() throws Exception {
        try (var source = sourcePair(); var destination = destinationPair()) {
            // GIVEN a request that has been forwarded to its end
            Peers.write(source.far(), "ping");
            source.far().shutdownOutput();
            Proxy.forward(source.near(), destination.near());
            assertThat(destination.near().isClosed() || source.near().isClosed())
                    .as("a socket was closed by forward; the other direction of a proxy still needs both: half-close"
                            + " the destination's output (shutdownOutput), close nothing")
                    .isFalse();
            // WHEN the answer travels the other way
            Peers.write(destination.far(), "pong");
            String answer = Peers.readText(destination.near(), 4, "the destination stopped receiving after forward"
                    + " returned; forward must half-close its output only, never shut down its input");
            source.near().getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
            // THEN it arrives: the destination can still receive and the source can still send
            assertThat(Peers.readText(source.far(), 4, "the source's peer heard nothing after forward returned;"
                    + " forward must leave the source's output open")).as("the answer, carried back").isEqualTo("pong");
        }
    }

    @Test
    default void should_return_zero_and_half_close_when_the_source_sends_nothing() throws Exception {
        try (var source = sourcePair(); var destination = destinationPair()) {
            // GIVEN a peer that ends its stream at once
            source.far().shutdownOutput();
            // WHEN it is forwarded THEN nothing is copied, and the end still travels on
            assertThat(Proxy.forward(source.near(), destination.near())).as("bytes copied from an empty stream").isZero();
            byte[] got = Peers.readToEnd(destination.far(), "the destination's peer received %d bytes and no end of"
                    + " stream; an empty request must still be passed on as a half-close");
            assertThat(got).as("what the destination's peer read").isEmpty();
        }
    }

    @Test
    default void should_fail_when_the_source_is_reset_and_not_pass_a_half_close_on() throws Exception {
        try (var source = sourcePair(); var destination = destinationPair()) {
            // GIVEN a peer that resets its connection instead of ending it
            Peers.reset(source.far());
            // WHEN it is forwarded
            Throwable thrown = Thrown.by(() -> Proxy.forward(source.near(), destination.near()));
            // THEN forward fails, and the destination is not told that the stream ended well
            assertThat(thrown).as("what forward threw after the source was reset: a reset is a failure, let it"
                    + " through, it is not an end of stream").isInstanceOf(SocketException.class);
            assertThat(destination.near().isOutputShutdown())
                    .as("destination.isOutputShutdown() after the source failed: a failure is not an end of stream,"
                            + " so no half-close goes on")
                    .isFalse();
        }
    }

    @Test
    default void should_fail_when_the_destination_is_gone() throws Exception {
        try (var source = sourcePair(); var destination = destinationPair()) {
            // GIVEN a destination whose peer has reset, and a source that sends
            Peers.reset(destination.far());
            var writer = Thread.startVirtualThread(() -> {
                try {
                    source.far().getOutputStream().write(new byte[1 << 20]);
                    source.far().shutdownOutput();
                } catch (IOException closedByTheTest) {
                    // forward stops reading once it fails; the test's close then ends this write
                }
            });
            // WHEN it is forwarded THEN forward fails
            Throwable thrown = Thrown.by(() -> Proxy.forward(source.near(), destination.near()));
            assertThat(thrown).as("what forward threw when the destination's peer had reset: a failed write must"
                    + " reach the caller").isInstanceOf(IOException.class);
            source.close();
            writer.join();
        }
    }
}
