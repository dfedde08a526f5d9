package ch04.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Fault;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.LoopbackServer;

/**
 * Exercise 4.6g: the views {@link Monitor#in()} and {@link Monitor#out()} share one log and keep
 * their lines apart. What each view logs is checked by {@code InboundMonitorTest} and
 * {@code OutboundMonitorTest}.
 */
@Tag("4.6")
class DirectionalMonitorTest {

    private static Monitor monitor(ByteArrayOutputStream log) {
        return new Monitor(log, Monitor.PREFIX, e -> {
            throw new AssertionError("the log did not fail, yet the monitor reported " + e, e);
        });
    }

    @Test
    @Tag("4.6g")
    void should_keep_the_unfinished_lines_of_the_two_directions_apart() {
        // GIVEN the two views of one monitor
        var log = new ByteArrayOutputStream();
        var monitor = monitor(log);
        var in = monitor.in();
        var out = monitor.out();
        // WHEN their lines arrive in pieces, one direction's pieces between the other's
        in.write("Te".getBytes(UTF_8), 0, 2);
        out.write("Pi".getBytes(UTF_8), 0, 2);
        in.write("st\n".getBytes(UTF_8), 0, 3);
        out.write("ng\n".getBytes(UTF_8), 0, 3);
        // THEN each line is whole and marked: one monitor for both directions would log "TePist"
        assertThat(log.toString(UTF_8)).as("the log of two views whose lines arrived in pieces")
                .isEqualTo("monitor: < Test\nmonitor: > Ping\n");
    }

    @Test
    @Tag("4.6g")
    void should_share_one_log_between_the_monitor_and_its_views() {
        // GIVEN a monitor
        var log = new ByteArrayOutputStream();
        var monitor = monitor(log);
        // WHEN it and a view of each direction log a line
        monitor.write("a\n".getBytes(UTF_8), 0, 2);
        monitor.in().write("b\n".getBytes(UTF_8), 0, 2);
        monitor.out().write("c\n".getBytes(UTF_8), 0, 2);
        // THEN the three lines are in the one log, each with its mark
        assertThat(log.toString(UTF_8)).as("the log a monitor and its views share")
                .isEqualTo("monitor: a\nmonitor: < b\nmonitor: > c\n");
    }

    @Test
    @Tag("4.6g")
    void should_mark_both_directions_of_the_echo_when_a_line_comes_in_two_reads() throws Exception {
        // GIVEN the echo, with the views of one monitor, and a client that sends "Te", waits for its
        // echo, then sends "st\n": the chapter's single monitor would mix the directions' pieces
        var log = new ByteArrayOutputStream();
        var monitor = monitor(log);
        try (var server = LoopbackServer.start(connection -> MonitoredEcho.serve(connection, monitor.in(), monitor.out()));
             var client = server.connect()) {
            client.getOutputStream().write("Te".getBytes(UTF_8));
            Echo.readExactly(client, 2);
            // WHEN the rest of the line follows
            byte[] rest = Echo.exchange(client, "st\n".getBytes(UTF_8), List.of(3));
            assertThat(new String(rest, UTF_8)).as("the rest of the echo").isEqualTo("st\n");
        }
        // THEN the log holds the line once in each direction, whole and marked
        assertThat(log.toString(UTF_8)).as("the log of the echo of \"Te\" then \"st\\n\" through monitor.in() and"
                + " monitor.out()").isEqualTo("monitor: < Test\nmonitor: > Test\n");
    }

    @Test
    @Tag("4.6g")
    void should_step_aside_in_every_view_and_report_once() {
        // GIVEN a monitor's two views on a log that fails at once
        var failure = new IOException("log: gone");
        var log = new FaultyOutputStream(new ByteArrayOutputStream(), Fault.failAt(0, failure));
        List<IOException> reported = new ArrayList<>();
        var monitor = new Monitor(log, Monitor.PREFIX, reported::add);
        var in = monitor.in();
        var out = monitor.out();
        // WHEN each view and the monitor itself log a line
        in.write("one\n".getBytes(UTF_8), 0, 4);
        out.write("two\n".getBytes(UTF_8), 0, 4);
        monitor.write("three\n".getBytes(UTF_8), 0, 6);
        // THEN the log's failure was reported once, and no view tried the log again: the views share it
        assertThat(reported).as("failures reported for a log that three views share").containsExactly(failure);
        assertThat(log.faultsThrown()).as("failures the log threw: the views must step aside together").isEqualTo(1);
    }
}
