package ch04.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Alphabet;
import workbook.property.Gen;

/**
 * What every monitor logs, whichever view it is: a plain {@link Monitor} (exercise 4.6c, in
 * {@code MonitorTest}) and its {@code in()} and {@code out()} views (exercise 4.6g, in
 * {@code InboundMonitorTest} and {@code OutboundMonitorTest}). Each test class says how to make
 * its monitor and which mark its lines carry, and carries its exercise's tag.
 */
interface MonitorContract {

    /** A monitor of the kind under test, logging to {@code log}. */
    Monitor monitor(OutputStream log, String prefix, Consumer<? super IOException> onFailure);

    /** The mark its lines carry after the prefix: empty, {@code "< "} or {@code "> "}. */
    String mark();

    /** What it does with its failures in these tests: there are none, so any is a bug. */
    Consumer<IOException> NO_FAILURE = e -> {
        throw new AssertionError("the log did not fail, yet onFailure was told " + e, e);
    };

    private Monitor monitor(OutputStream log) {
        return monitor(log, Monitor.PREFIX, NO_FAILURE);
    }

    /** The log line the monitor should write for {@code line}. */
    private String entry(String line) {
        return Monitor.PREFIX + mark() + line + "\n";
    }

    /** Writes {@code data} to {@code out} in pieces of the sizes given, cycling through them. */
    static void writeInPieces(OutputStream out, byte[] data, List<Integer> sizes) throws IOException {
        for (int off = 0, i = 0; off < data.length; i++) {
            int n = Math.min(sizes.get(i % sizes.size()), data.length - off);
            out.write(data, off, n);
            off += n;
        }
    }

    @Test
    default void should_log_the_chapters_line_once_with_the_prefix() {
        // GIVEN a monitor on a log
        var log = new ByteArrayOutputStream();
        var monitor = monitor(log);
        // WHEN "Test\n" passes it
        monitor.write("Test\n".getBytes(UTF_8), 0, 5);
        // THEN the log holds one line: the prefix, the mark, the text
        assertThat(log.toString(UTF_8)).as("the log after \"Test\\n\" passed the monitor").isEqualTo(entry("Test"));
    }

    @Test
    default void should_log_whole_lines_however_the_bytes_are_cut() {
        Gen<String> line = Gen.strings(Alphabet.UNICODE.minus(Alphabet.of("\n")), 0, 30);
        forAll(Gen.lists(line, 0, 6), Gen.booleans(), StreamGens.readSizes(40))
                .labels("lines", "lastLineEnds", "writeSizes").tries(150)
                .check((lines, lastLineEnds, writeSizes) -> {
                    // GIVEN text made of lines, the last one perhaps without its newline
                    String text = String.join("\n", lines) + (lastLineEnds && !lines.isEmpty() ? "\n" : "");
                    var log = new ByteArrayOutputStream();
                    var monitor = monitor(log);
                    // WHEN it passes the monitor in pieces cut anywhere, even inside a character
                    writeInPieces(monitor, text.getBytes(UTF_8), writeSizes);
                    // THEN each finished line is logged whole, once, and nothing else
                    int finished = lastLineEnds ? lines.size() : Math.max(lines.size() - 1, 0);
                    var expected = new StringBuilder();
                    lines.subList(0, finished).forEach(l -> expected.append(entry(l)));
                    assertThat(log.toString(UTF_8)).as("the log after the text passed in pieces of %s bytes: one"
                            + " line per line of text, not one per write", writeSizes).isEqualTo(expected.toString());
                    // AND a flush logs the unfinished line, if there is one
                    monitor.flush();
                    if (finished < lines.size() && !lines.getLast().isEmpty()) {
                        expected.append(entry(lines.getLast()));
                    }
                    assertThat(log.toString(UTF_8)).as("the log after a flush, which logs an unfinished line as it is")
                            .isEqualTo(expected.toString());
                });
    }

    @Test
    default void should_pass_every_byte_to_the_log_in_order_for_any_data() {
        forAll(Gen.bytes(0, 3000), StreamGens.readSizes(700)).labels("data", "writeSizes").tries(100)
                .check((data, writeSizes) -> {
                    // GIVEN any bytes, newlines and bytes that are not UTF-8 included
                    var log = new ByteArrayOutputStream();
                    var monitor = monitor(log);
                    // WHEN they pass the monitor in pieces, and it is flushed
                    writeInPieces(monitor, data, writeSizes);
                    monitor.flush();
                    // THEN every log line is the prefix, the mark and at most MAX_LINE_BYTES of data,
                    // and the lines' data, joined, is the data without its newlines
                    byte[] head = (Monitor.PREFIX + mark()).getBytes(UTF_8);
                    var seen = new ByteArrayOutputStream();
                    for (byte[] logLine : lines(log.toByteArray())) {
                        assertThat(Arrays.copyOf(logLine, Math.min(head.length, logLine.length)))
                                .as("the start of a log line").isEqualTo(head);
                        assertThat(logLine.length - head.length).as("bytes of data in one log line")
                                .isBetween(0, Monitor.MAX_LINE_BYTES);
                        seen.write(logLine, head.length, logLine.length - head.length);
                    }
                    var expected = new ByteArrayOutputStream();
                    for (byte b : data) {
                        if (b != '\n') {
                            expected.write(b);
                        }
                    }
                    assertThat(seen.toByteArray()).as("the data the log lines hold, joined: the monitor must see"
                            + " every byte, unchanged and in order").isEqualTo(expected.toByteArray());
                });
    }

    /** The log cut at its newlines; every line a monitor writes ends with one. */
    private static List<byte[]> lines(byte[] log) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                lines.add(Arrays.copyOfRange(log, start, i));
                start = i + 1;
            }
        }
        assertThat(start).as("the log must end with a newline: every log line does").isEqualTo(log.length);
        return lines;
    }

    @Test
    default void should_write_each_log_line_in_one_call() {
        // GIVEN a log that records its write calls
        var log = new SpyOutputStream();
        var monitor = monitor(log);
        // WHEN two lines pass, the first byte by byte
        for (byte b : "ab\n".getBytes(UTF_8)) {
            monitor.write(b);
        }
        monitor.write("cde\n".getBytes(UTF_8), 0, 4);
        // THEN each line reached the log in one write: lines from two views can then never be cut
        // into each other, and a log that writes each call at once never shows half a line
        int head = (Monitor.PREFIX + mark()).getBytes(UTF_8).length;
        assertThat(log.writeSizes()).as("the write calls the log received for the lines \"ab\" and \"cde\"")
                .containsExactly(head + 3, head + 4);
        assertThat(log.text()).as("the log").isEqualTo(entry("ab") + entry("cde"));
    }

    @Test
    default void should_refuse_a_range_outside_the_array_and_take_none_of_it() {
        // GIVEN a monitor
        var log = new ByteArrayOutputStream();
        var monitor = monitor(log);
        // WHEN asked to take 5 bytes from offset 2 of a 4-byte array, then flushed
        Throwable thrown = Thrown.by(() -> monitor.write("ab\ncd".getBytes(UTF_8), 2, 5));
        monitor.flush();
        // THEN the call is refused as OutputStream's contract says, before a byte was taken
        assertThat(thrown).as("what write(\"ab\\ncd\", 2, 5) threw").isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(log.toString(UTF_8)).as("the log after a refused write and a flush").isEmpty();
    }

    @Test
    default void should_log_an_empty_line_as_the_prefix_alone() {
        // GIVEN a monitor WHEN two newlines pass it
        var log = new ByteArrayOutputStream();
        monitor(log).write(new byte[] {'\n', '\n'}, 0, 2);
        // THEN it logs two empty lines
        assertThat(log.toString(UTF_8)).as("the log after two newlines: two lines with nothing after the prefix")
                .isEqualTo(entry("") + entry(""));
    }

    @Test
    default void should_log_a_line_of_exactly_the_limit_whole() {
        // GIVEN a line of exactly MAX_LINE_BYTES bytes
        String line = "x".repeat(Monitor.MAX_LINE_BYTES);
        var log = new ByteArrayOutputStream();
        // WHEN it passes with its newline
        monitor(log).write((line + "\n").getBytes(UTF_8), 0, line.length() + 1);
        // THEN it is one log line, with no empty line after it
        assertThat(log.toString(UTF_8)).as("the log of a line of exactly %d bytes", Monitor.MAX_LINE_BYTES)
                .isEqualTo(entry(line));
    }

    @Test
    default void should_log_a_longer_line_in_pieces_of_the_limit() {
        // GIVEN a line one byte over the limit, and a newline
        String line = "y".repeat(Monitor.MAX_LINE_BYTES) + "z";
        var log = new ByteArrayOutputStream();
        // WHEN it passes
        monitor(log).write((line + "\n").getBytes(UTF_8), 0, line.length() + 1);
        // THEN the monitor logged the first MAX_LINE_BYTES bytes as soon as it held them, then the rest
        assertThat(log.toString(UTF_8)).as("the log of a line of %d bytes", Monitor.MAX_LINE_BYTES + 1)
                .isEqualTo(entry("y".repeat(Monitor.MAX_LINE_BYTES)) + entry("z"));
    }

    @Test
    default void should_hold_no_more_than_the_limit_of_a_line_that_never_ends() {
        // GIVEN a peer that never sends a newline
        var log = new ByteArrayOutputStream();
        var monitor = monitor(log);
        byte[] chunk = "w".repeat(100).getBytes(UTF_8);
        // WHEN 25 times MAX_LINE_BYTES bytes pass
        for (int i = 0; i < 25 * Monitor.MAX_LINE_BYTES / chunk.length; i++) {
            monitor.write(chunk, 0, chunk.length);
        }
        // THEN all but the last piece are logged already: the monitor holds at most the limit
        String piece = entry("w".repeat(Monitor.MAX_LINE_BYTES));
        assertThat(log.toString(UTF_8)).as("the log after 25 * %d bytes without a newline", Monitor.MAX_LINE_BYTES)
                .isEqualTo(piece.repeat(24));
    }

    @Test
    default void should_flush_the_log_and_log_nothing_when_no_line_is_unfinished() {
        // GIVEN a monitor whose last line ended
        var log = new SpyOutputStream();
        var monitor = monitor(log);
        monitor.write("done\n".getBytes(UTF_8), 0, 5);
        // WHEN flushed
        monitor.flush();
        // THEN no empty line is logged, and the log itself is flushed
        assertThat(log.text()).as("the log after a flush with no unfinished line").isEqualTo(entry("done"));
        assertThat(log.flushes()).as("flushes of the log").isEqualTo(1);
    }

    @Test
    default void should_log_the_unfinished_line_on_close_and_leave_the_log_open() {
        // GIVEN a monitor holding half a line
        var log = new SpyOutputStream();
        var monitor = monitor(log);
        monitor.write("half".getBytes(UTF_8), 0, 4);
        // WHEN closed
        monitor.close();
        // THEN the half line is logged, and the log, which belongs to the caller, stays open
        assertThat(log.text()).as("the log after close()").isEqualTo(entry("half"));
        assertThat(log.closes()).as("closes of the log: it is the caller's").isZero();
    }

    @Test
    default void should_start_each_line_with_the_prefix_it_was_given() {
        // GIVEN a monitor made with its own prefix WHEN a line passes it
        var log = new ByteArrayOutputStream();
        monitor(log, "conn 7: ", NO_FAILURE).write("hi\n".getBytes(UTF_8), 0, 3);
        // THEN the line starts with that prefix
        assertThat(log.toString(UTF_8)).as("the log of a monitor made with the prefix \"conn 7: \"")
                .isEqualTo("conn 7: " + mark() + "hi\n");
    }
}
