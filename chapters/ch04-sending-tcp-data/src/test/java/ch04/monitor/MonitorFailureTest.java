package ch04.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Alphabet;
import workbook.property.Gen;

/**
 * Exercise 4.6f: a monitor whose log fails reports it once and steps aside, and the echo's peer
 * receives every byte whatever the monitor does.
 */
@Tag("4.6")
class MonitorFailureTest {

    @Test
    @Tag("4.6f")
    void should_report_the_logs_failure_once_and_log_nothing_after_it() {
        Gen<String> line = Gen.strings(Alphabet.ASCII.minus(Alphabet.of("\n")), 0, 20);
        forAll(Gen.lists(line, 0, 8), StreamGens.readSizes(30), Faults.anyAt(300))
                .labels("lines", "writeSizes", "logFault").tries(150)
                .check((lines, writeSizes, fault) -> {
                    // GIVEN a monitor whose log fails after fault.atByte() bytes
                    byte[] text = lines.stream().map(l -> l + "\n").reduce("", String::concat).getBytes(UTF_8);
                    var kept = new ByteArrayOutputStream();
                    var log = new FaultyOutputStream(kept, fault);
                    List<IOException> reported = new ArrayList<>();
                    var monitor = new Monitor(log, Monitor.PREFIX, reported::add);
                    // WHEN the lines pass it in pieces, and it is flushed
                    Throwable thrown = Thrown.by(() -> {
                        MonitorContract.writeInPieces(monitor, text, writeSizes);
                        monitor.flush();
                    });
                    // THEN nothing was thrown at the writer, the failure was reported once, and the log
                    // was never written again: it holds what it took before failing, and no more
                    assertThat(thrown).as("what writing to a monitor whose log failed threw: a monitor must never"
                            + " fail the data it watches").isNull();
                    boolean struck = log.faultsThrown() > 0;
                    assertThat(log.faultsThrown()).as("failures the log threw: after the first, the monitor must"
                            + " step aside and write to it no more").isLessThanOrEqualTo(1);
                    assertThat(reported).as("failures reported to onFailure: exactly the log's one failure")
                            .hasSize(struck ? 1 : 0);
                    if (struck) {
                        Faults.assertIsTheFault(reported.getFirst(), fault, "the failure reported to onFailure");
                    }
                    String full = lines.stream().map(l -> Monitor.PREFIX + l + "\n").reduce("", String::concat);
                    byte[] fullLog = full.getBytes(UTF_8);
                    assertThat(kept.toByteArray()).as("what the log kept: the log lines up to its failure")
                            .isEqualTo(Arrays.copyOf(fullLog, (int) Math.min(fault.atByte(), fullLog.length)));
                });
    }

    @Test
    @Tag("4.6f")
    void should_step_aside_when_the_log_fails_to_flush() {
        // GIVEN a monitor whose log fails to flush
        var failure = new IOException("log: flush failed");
        var log = new SpyOutputStream().failFlushWith(failure);
        List<IOException> reported = new ArrayList<>();
        var monitor = new Monitor(log, Monitor.PREFIX, reported::add);
        // WHEN it is flushed twice, with a line in between
        Throwable thrown = Thrown.by(() -> {
            monitor.flush();
            monitor.write("after\n".getBytes(UTF_8), 0, 6);
            monitor.flush();
        });
        // THEN the failure was reported once, and the monitor stayed quiet after it
        assertThat(thrown).as("what the flushes threw").isNull();
        assertThat(reported).as("failures reported to onFailure").containsExactly(failure);
        assertThat(log.flushes()).as("flushes the log received: none after its failure").isEqualTo(1);
        assertThat(log.text()).as("the log after its flush failed").isEmpty();
    }

    @Test
    @Tag("4.6f")
    void should_deliver_every_byte_to_the_peer_whatever_the_monitors_log_does() {
        forAll(Gen.bytes(0, 4000), StreamGens.readSizes(1500), Faults.anyAt(2000))
                .labels("data", "writeSizes", "logFault").tries(25)
                .check((data, writeSizes, fault) -> {
                    // GIVEN the chapter's echo, with one monitor whose log fails at some point
                    var log = new FaultyOutputStream(new ByteArrayOutputStream(), fault);
                    List<IOException> reported = new ArrayList<>();
                    var monitor = new Monitor(log, Monitor.PREFIX, reported::add);
                    // WHEN a client sends the data and reads the echo
                    var round = Echo.roundTrip(data, writeSizes, monitor, monitor);
                    // THEN the peer got every byte back, and the monitor reported at most once
                    assertThat(round.echoed()).as("the echo of %d bytes while the monitor's log failed after %d bytes;"
                            + " a monitor must never change what the peer receives", data.length, fault.atByte())
                            .isEqualTo(data);
                    assertThat(round.served()).as("what serve returned").isEqualTo(data.length);
                    assertThat(reported).as("failures the monitor reported").hasSizeLessThanOrEqualTo(1);
                });
    }
}
