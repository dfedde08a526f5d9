package ch04.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.StreamGens;
import workbook.property.Gen;

/** Exercise 4.6d: {@link MonitoredEcho}, Listing 4-20's echo with a monitor in both directions. */
@Tag("4.6")
class MonitoredEchoTest {

    @Test
    @Tag("4.6d")
    void should_echo_test_and_log_it_twice_as_the_chapter_does() throws Exception {
        // GIVEN the chapter's monitor, one for both directions, logging to a captured log
        var log = new ByteArrayOutputStream();
        var monitor = new Monitor(log, Monitor.PREFIX, e -> {
            throw new AssertionError("the log did not fail, yet the monitor reported " + e, e);
        });
        // WHEN a client sends "Test\n" through the echo and reads the answer
        var round = Echo.roundTrip("Test\n".getBytes(UTF_8), List.of(5), monitor, monitor);
        // THEN it gets "Test\n" back, and the log reads as Listing 4-20's output: once in, once out
        assertThat(new String(round.echoed(), UTF_8)).as("the echo of \"Test\\n\"").isEqualTo("Test\n");
        assertThat(log.toString(UTF_8)).as("the monitor's log for one \"Test\\n\" round trip")
                .isEqualTo("monitor: Test\nmonitor: Test\n");
    }

    @Test
    @Tag("4.6d")
    void should_echo_any_data_and_show_both_monitors_every_byte() {
        forAll(Gen.bytes(0, 6000), StreamGens.readSizes(2000)).labels("data", "writeSizes").tries(25)
                .check((data, writeSizes) -> {
                    // GIVEN an echo whose monitors record the bytes they see
                    var inbound = new SpyOutputStream();
                    var outbound = new SpyOutputStream();
                    // WHEN a client sends the data in writes of any size and reads the echo
                    var round = Echo.roundTrip(data, writeSizes, inbound, outbound);
                    // THEN the echo is the data, and each monitor saw exactly the data, in order
                    assertThat(round.echoed()).as("the echo of %d bytes sent in writes of %s", data.length, writeSizes)
                            .isEqualTo(data);
                    assertThat(inbound.bytes()).as("bytes the inbound monitor saw (the branch of the tee)").isEqualTo(data);
                    assertThat(outbound.bytes()).as("bytes the outbound monitor saw (a target of the multi-writer)")
                            .isEqualTo(data);
                    assertThat(round.served()).as("what serve returned: the number of bytes echoed").isEqualTo(data.length);
                });
    }

    @Test
    @Tag("4.6d")
    void should_echo_a_message_that_arrives_in_two_reads_whole() throws Exception {
        // GIVEN an echo, and a client that sends "Te" and waits for its echo before sending "st\n",
        // so the server's first read cannot hold the whole message
        var inbound = new SpyOutputStream();
        var outbound = new SpyOutputStream();
        var echoed = new StringBuilder();
        try (var server = LoopbackServer.start(connection -> MonitoredEcho.serve(connection, inbound, outbound));
             var client = server.connect()) {
            client.getOutputStream().write("Te".getBytes(UTF_8));
            echoed.append(new String(Echo.readExactly(client, 2), UTF_8));
            // WHEN the rest follows
            try {
                client.getOutputStream().write("st\n".getBytes(UTF_8));
                client.shutdownOutput();
                echoed.append(new String(client.getInputStream().readAllBytes(), UTF_8));
            } catch (SocketException closedEarly) {
                // The server closed the connection after its first read; the assertion below says so.
            }
        }
        // THEN the whole message came back: Listing 4-20 makes a single Read, and would echo "Te" and stop
        assertThat(echoed.toString()).as("the echo of \"Te\" and then \"st\\n\": read until the end of"
                + " the stream, not once").isEqualTo("Test\n");
    }

    @Test
    @Tag("4.6d")
    void should_leave_the_connection_and_the_monitors_open_and_flush_the_monitors() throws Exception {
        // GIVEN a handler that says "bye" after serve returns, and monitors that count closes and flushes
        var inbound = new SpyOutputStream();
        var outbound = new SpyOutputStream();
        var served = new AtomicLong(-1);
        byte[] got;
        try (var server = LoopbackServer.start(connection -> {
                served.set(MonitoredEcho.serve(connection, inbound, outbound));
                connection.getOutputStream().write("bye".getBytes(UTF_8));
            });
             var client = server.connect()) {
            // WHEN a client sends "hi" and ends its stream
            got = Echo.exchange(client, "hi".getBytes(UTF_8), List.of(2));
        }
        // THEN the echo and the "bye" arrived: serve closed nothing (closing the tee or the
        // multi-writer would close the socket), and it flushed each monitor so a last line
        // without a newline is logged
        assertThat(new String(got, UTF_8)).as("what the client received: the echo, then the handler's \"bye\"")
                .isEqualTo("hibye");
        assertThat(served.get()).as("what serve returned").isEqualTo(2);
        assertThat(List.of(inbound.closes(), outbound.closes())).as("closes of the inbound and outbound monitors:"
                + " they belong to the caller").containsExactly(0, 0);
        assertThat(inbound.flushes()).as("flushes of the inbound monitor at the end of the stream").isPositive();
        assertThat(outbound.flushes()).as("flushes of the outbound monitor at the end of the stream").isPositive();
    }
}
