package ch04.tcpoptions;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.8b: {@link KeepAlive}, turned on with its three settings, or off. */
@Tag("4.8")
class KeepAliveTest {

    private static final String LINUX = "the ranges of the three settings (32767 s, 127 probes) are Linux's";

    @Test
    @Tag("4.8b")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_turn_keepalive_on_with_its_three_settings() throws IOException {
        // GIVEN a fresh socket, whose keepalive is off with Linux's defaults (7200 s, 75 s, 9)
        try (var socket = new RecordingSocket()) {
            // WHEN a minute's idle, 10 s between probes and 5 probes are applied
            KeepAlive.on(Duration.ofMinutes(1), Duration.ofSeconds(10), 5).applyTo(socket);
            // THEN they read back as set: seconds and a count, not milliseconds
            assertThat(socket.getKeepAlive()).as("getKeepAlive() after applying KeepAlive.on(…): the three settings"
                    + " do nothing while SO_KEEPALIVE is off").isTrue();
            assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).as("TCP_KEEPIDLE after an idle time of"
                    + " one minute: the option counts seconds").isEqualTo(60);
            assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).as("TCP_KEEPINTERVAL after an"
                    + " interval of 10 s").isEqualTo(10);
            assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).as("TCP_KEEPCOUNT after a count of 5")
                    .isEqualTo(5);
            assertThat(socket.options()).as("the options KeepAlive.on(…).applyTo set, in any order: those four and"
                    + " no other").containsExactlyInAnyOrder("SO_KEEPALIVE", "TCP_KEEPIDLE", "TCP_KEEPINTERVAL", "TCP_KEEPCOUNT");
        }
    }

    @Test
    @Tag("4.8b")
    void should_turn_keepalive_off_and_touch_nothing_else() throws IOException {
        // GIVEN a socket with keepalive on
        try (var socket = new RecordingSocket()) {
            socket.setKeepAlive(true);
            socket.calls.clear();
            // WHEN keepalive off is applied
            KeepAlive.off().applyTo(socket);
            // THEN it is off, and that one option was the only one set
            assertThat(socket.getKeepAlive()).as("getKeepAlive() after applying KeepAlive.off() to a socket that had it on")
                    .isFalse();
            assertThat(socket.options()).as("the options KeepAlive.off().applyTo set").containsExactly("SO_KEEPALIVE");
        }
    }

    @Test
    @Tag("4.8b")
    void should_work_on_a_connected_socket_too() throws Exception {
        // GIVEN an open connection
        try (var server = LoopbackServer.start(connection -> connection.getInputStream().read());
             Socket client = server.connect()) {
            // WHEN keepalive is turned on after the handshake THEN it reads back: keepalive acts only when idle
            KeepAlive.on(Duration.ofSeconds(30), Duration.ofSeconds(5), 3).applyTo(client);
            assertThat(client.getKeepAlive()).as("getKeepAlive() on a connected socket after KeepAlive.on(…)").isTrue();
            assertThat(client.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).as("TCP_KEEPIDLE on a connected socket")
                    .isEqualTo(30);
        }
    }

    @Test
    @Tag("4.8b")
    void should_accept_the_ends_of_each_range() {
        for (var on : new KeepAlive.On[] {
            KeepAlive.on(Duration.ofSeconds(1), Duration.ofSeconds(1), 1),
            KeepAlive.on(Duration.ofSeconds(KeepAlive.MAX_SECONDS), Duration.ofSeconds(KeepAlive.MAX_SECONDS), KeepAlive.MAX_COUNT)}) {
            assertThat(on.count()).as("a keepalive at the ends of its ranges keeps its count").isBetween(1, KeepAlive.MAX_COUNT);
        }
        var minute = KeepAlive.on(Duration.ofMinutes(1), Duration.ofSeconds(10), 5);
        assertThat(minute).as("KeepAlive.on keeps what it was given")
                .isEqualTo(new KeepAlive.On(Duration.ofSeconds(60), Duration.ofSeconds(10), 5));
    }

    @Test
    @Tag("4.8b")
    void should_refuse_settings_the_kernel_would_refuse_and_say_why() {
        Duration second = Duration.ofSeconds(1);
        Duration tooLong = Duration.ofSeconds(KeepAlive.MAX_SECONDS + 1);
        refuses("an idle time of 0 s", "0", () -> KeepAlive.on(Duration.ZERO, second, 1));
        refuses("an idle time of -5 s", "-5", () -> KeepAlive.on(Duration.ofSeconds(-5), second, 1));
        refuses("an idle time of 32768 s", "32768", () -> KeepAlive.on(tooLong, second, 1));
        refuses("an idle time of 1.5 s (the kernel counts whole seconds)", "1.5", () -> KeepAlive.on(Duration.ofMillis(1500), second, 1));
        refuses("an interval of 0 s", "0", () -> KeepAlive.on(second, Duration.ZERO, 1));
        refuses("an interval of 32768 s", "32768", () -> KeepAlive.on(second, tooLong, 1));
        refuses("an interval of 1 ns", "0.000000001", () -> KeepAlive.on(second, Duration.ofNanos(1), 1));
        refuses("a count of 0", "0", () -> KeepAlive.on(second, second, 0));
        refuses("a count of 128", "128", () -> KeepAlive.on(second, second, KeepAlive.MAX_COUNT + 1));
        Throwable noIdle = Thrown.by(() -> KeepAlive.on(null, second, 1));
        assertThat(noIdle).as("KeepAlive.on(null, …)").isInstanceOf(NullPointerException.class);
        Throwable noInterval = Thrown.by(() -> KeepAlive.on(second, null, 1));
        assertThat(noInterval).as("KeepAlive.on(…, null, …)").isInstanceOf(NullPointerException.class);
    }

    private static void refuses(String what, String number, Thrown.Call call) {
        Throwable thrown = Thrown.by(call);
        assertThat(thrown).as("KeepAlive.on with %s: expected an IllegalArgumentException, got %s", what, thrown)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).as("the message for %s gives the value", what).contains(number);
    }

    @Test
    @Tag("4.8b")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_read_back_any_keepalive_as_set() {
        Gen<Integer> seconds = Gen.oneOf(Gen.integers(1, 120), Gen.integers(1, KeepAlive.MAX_SECONDS));
        forAll(seconds, seconds, Gen.integers(1, KeepAlive.MAX_COUNT)).labels("idleSeconds", "intervalSeconds", "count")
                .tries(40).check((idle, interval, count) -> {
                    try (var socket = new Socket()) {
                        KeepAlive.on(Duration.ofSeconds(idle), Duration.ofSeconds(interval), count).applyTo(socket);
                        assertThat(socket.getKeepAlive()).as("getKeepAlive()").isTrue();
                        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).as("TCP_KEEPIDLE").isEqualTo(idle);
                        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).as("TCP_KEEPINTERVAL")
                                .isEqualTo(interval);
                        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).as("TCP_KEEPCOUNT").isEqualTo(count);
                    }
                });
    }
}
