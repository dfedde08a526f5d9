package ch04.tcpoptions;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.8c: {@link Linger}, what close does with unsent data, in Go's numbers and in Java's. */
@Tag("4.8")
class LingerTest {

    @Test
    @Tag("4.8c")
    void should_read_go_seconds_by_their_sign() {
        assertThat(Linger.ofGoSeconds(-1)).as("Linger.ofGoSeconds(-1): Go's default").isEqualTo(Linger.osDefault());
        assertThat(Linger.ofGoSeconds(Integer.MIN_VALUE)).as("Linger.ofGoSeconds(%d): any negative number is Go's"
                + " default", Integer.MIN_VALUE).isEqualTo(Linger.osDefault());
        assertThat(Linger.ofGoSeconds(0)).as("Linger.ofGoSeconds(0): discard and reset, not the default")
                .isEqualTo(Linger.discard());
        assertThat(Linger.ofGoSeconds(1)).as("Linger.ofGoSeconds(1)").isEqualTo(Linger.waitUpTo(Duration.ofSeconds(1)));
        assertThat(Linger.ofGoSeconds(Linger.MAX_SECONDS)).as("Linger.ofGoSeconds(65535)")
                .isEqualTo(Linger.waitUpTo(Duration.ofSeconds(Linger.MAX_SECONDS)));
        Throwable tooLong = Thrown.by(() -> Linger.ofGoSeconds(Linger.MAX_SECONDS + 1));
        assertThat(tooLong).as("Linger.ofGoSeconds(65536): the JDK would silently make it 65535; refuse it instead")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Tag("4.8c")
    void should_count_the_wait_in_seconds() {
        assertThat(Linger.waitUpTo(Duration.ofSeconds(5)).soLinger()).as("soLinger() of waitUpTo(5 s): setSoLinger"
                + " counts seconds, not milliseconds").isEqualTo(5);
        assertThat(Linger.waitUpTo(Duration.ofMinutes(2)).soLinger()).as("soLinger() of waitUpTo(2 min)").isEqualTo(120);
        assertThat(Linger.osDefault().soLinger()).as("soLinger() of osDefault()").isEqualTo(-1);
        assertThat(Linger.discard().soLinger()).as("soLinger() of discard()").isZero();
    }

    @Test
    @Tag("4.8c")
    void should_refuse_a_wait_that_setSoLinger_cannot_express() {
        refuses("0 s: that is discard(), a different behaviour", "0", Duration.ZERO);
        refuses("-1 s: that is Go's spelling of the default, osDefault() in Java", "-1", Duration.ofSeconds(-1));
        refuses("1.5 s: setSoLinger counts whole seconds", "1.5", Duration.ofMillis(1500));
        refuses("65536 s: the JDK would silently lower it to 65535", "65536", Duration.ofSeconds(Linger.MAX_SECONDS + 1));
        Throwable none = Thrown.by(() -> Linger.waitUpTo(null));
        assertThat(none).as("Linger.waitUpTo(null)").isInstanceOf(NullPointerException.class);
    }

    private static void refuses(String what, String number, Duration timeout) {
        Throwable thrown = Thrown.by(() -> Linger.waitUpTo(timeout));
        assertThat(thrown).as("Linger.waitUpTo(%s): expected an IllegalArgumentException, got %s", what, thrown)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).as("the message for waitUpTo(%s) gives the value", what).contains(number);
    }

    @Test
    @Tag("4.8c")
    void should_read_back_each_behaviour_as_set_and_touch_nothing_else() throws IOException {
        try (var socket = new RecordingSocket()) {
            Linger.waitUpTo(Duration.ofSeconds(5)).applyTo(socket);
            assertThat(socket.getSoLinger()).as("getSoLinger() after waitUpTo(5 s): 5 seconds, not 5000").isEqualTo(5);
            Linger.discard().applyTo(socket);
            assertThat(socket.getSoLinger()).as("getSoLinger() after discard()").isZero();
            Linger.osDefault().applyTo(socket);
            assertThat(socket.getSoLinger()).as("getSoLinger() after osDefault(), on a socket that lingered: off again,"
                    + " which Java reads as -1").isEqualTo(-1);
            assertThat(socket.options()).as("the options the three applyTo calls set").containsExactly(
                    "SO_LINGER", "SO_LINGER", "SO_LINGER");
        }
    }

    @Test
    @Tag("4.8c")
    void should_read_back_any_go_number_as_java_reports_it() {
        Gen<Integer> seconds = Gen.oneOf(Gen.integers(-3, 3), Gen.integers(-100, Linger.MAX_SECONDS));
        forAll(seconds).labels("goSeconds").tries(60).check(goSeconds -> {
            try (var socket = new Socket()) {
                socket.setSoLinger(true, 7);
                Linger linger = Linger.ofGoSeconds(goSeconds);
                linger.applyTo(socket);
                int expected = goSeconds < 0 ? -1 : goSeconds;
                assertThat(socket.getSoLinger()).as("getSoLinger() after applying Linger.ofGoSeconds(%d) to a socket"
                        + " that lingered 7 s", goSeconds).isEqualTo(expected);
                assertThat(linger.soLinger()).as("soLinger() of Linger.ofGoSeconds(%d)", goSeconds).isEqualTo(expected);
            }
        });
    }

    @Test
    @Tag("4.8c")
    void should_make_the_peers_next_read_fail_with_a_reset_when_closed_with_discard() throws Exception {
        String outcome = closeAndWatchThePeer(Linger.discard());
        assertThat(outcome).as("what the peer's next read saw after a close with discard(): a reset, not the end of"
                + " the stream (setSoLinger(true, 0) makes close send RST)").contains("reset");
    }

    @Test
    @Tag("4.8c")
    void should_let_the_peer_read_the_end_of_the_stream_after_a_normal_close() throws Exception {
        String outcome = closeAndWatchThePeer(Linger.osDefault());
        assertThat(outcome).as("what the peer's next read saw after a close with osDefault(): the end of the stream")
                .isEqualTo("end of stream");
    }

    /** Applies {@code linger} to a client, closes it, and reports what the server's next read saw. */
    private static String closeAndWatchThePeer(Linger linger) throws Exception {
        var seen = new CompletableFuture<String>();
        var accepted = new CompletableFuture<Void>();
        try (var server = LoopbackServer.start(connection -> {
            accepted.complete(null);
            try {
                int b = connection.getInputStream().read();
                seen.complete(b == -1 ? "end of stream" : "a byte: " + b);
            } catch (SocketException e) {
                seen.complete("SocketException: " + e.getMessage().toLowerCase(java.util.Locale.ROOT));
            }
        })) {
            Socket client = server.connect();
            // The client has read everything it was sent (nothing), so only linger decides FIN or RST.
            accepted.get(5, TimeUnit.SECONDS);
            linger.applyTo(client);
            client.close();
            return seen.get(5, TimeUnit.SECONDS);
        }
    }
}
