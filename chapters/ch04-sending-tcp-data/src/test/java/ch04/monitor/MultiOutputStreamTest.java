package ch04.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Fault;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.6b: {@link MultiOutputStream}, Go's {@code io.MultiWriter} without its first-error stop. */
@Tag("4.6")
class MultiOutputStreamTest {

    private static final Gen<List<byte[]>> WRITES = Gen.lists(Gen.bytes(0, 600), 0, 8);

    private static byte[] concat(List<byte[]> writes) {
        var all = new ByteArrayOutputStream();
        writes.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Test
    @Tag("4.6b")
    void should_give_every_target_exactly_what_was_written_for_any_writes() {
        forAll(WRITES, Gen.integers(1, 4)).labels("writes", "targets").tries(150).check((writes, count) -> {
            // GIVEN count targets that record what they receive
            List<SpyOutputStream> targets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                targets.add(new SpyOutputStream());
            }
            var out = new MultiOutputStream(targets.toArray(OutputStream[]::new));
            // WHEN each write is made from the middle of a bigger array
            for (byte[] w : writes) {
                byte[] padded = new byte[w.length + 6];
                System.arraycopy(w, 0, padded, 3, w.length);
                out.write(padded, 3, w.length);
            }
            // THEN every target got every byte, in order, one call per write, never a byte at a time
            List<Integer> sizes = writes.stream().map(w -> w.length).toList();
            for (int i = 0; i < count; i++) {
                assertThat(targets.get(i).bytes()).as("bytes target %d of %d received", i + 1, count)
                        .isEqualTo(concat(writes));
                assertThat(targets.get(i).writeSizes())
                        .as("the write calls target %d received: one per write, with that write's length (pass"
                                + " the array, offset and length on; OutputStream's default write loops over"
                                + " single bytes)", i + 1)
                        .isEqualTo(sizes);
            }
        });
    }

    @Test
    @Tag("4.6b")
    void should_write_and_flush_the_targets_in_the_order_given() throws IOException {
        // GIVEN three targets that note each call in one journal
        List<String> journal = new ArrayList<>();
        var out = new MultiOutputStream(new SpyOutputStream("a", journal), new SpyOutputStream("b", journal),
                new SpyOutputStream("c", journal));
        // WHEN one byte, two bytes and a flush are passed on
        out.write('x');
        out.write(new byte[] {1, 2});
        out.flush();
        // THEN each call reached a, b and c, in that order
        assertThat(journal).as("the calls the targets received, in order")
                .containsExactly("a write 1", "b write 1", "c write 1",
                        "a write 2", "b write 2", "c write 2",
                        "a flush", "b flush", "c flush");
    }

    @Test
    @Tag("4.6b")
    void should_refuse_a_range_outside_the_array_before_any_target_sees_it() {
        // GIVEN two targets
        var a = new SpyOutputStream();
        var b = new SpyOutputStream();
        var out = new MultiOutputStream(a, b);
        // WHEN asked to write 5 bytes from offset 2 of a 4-byte array
        Throwable thrown = Thrown.by(() -> out.write(new byte[4], 2, 5));
        // THEN the call is refused as OutputStream's contract says, and no target was called
        assertThat(thrown).as("what write(new byte[4], 2, 5) threw").isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(a.writeSizes()).as("write calls the first target received").isEmpty();
        assertThat(b.writeSizes()).as("write calls the second target received").isEmpty();
    }

    @Test
    @Tag("4.6b")
    void should_need_at_least_one_target_and_work_with_exactly_one() throws IOException {
        // GIVEN no target, then one
        Throwable none = Thrown.by(() -> new MultiOutputStream());
        var only = new SpyOutputStream();
        // WHEN the one is written to
        new MultiOutputStream(only).write(new byte[] {4, 2});
        // THEN no target is refused, and one target gets the bytes
        assertThat(none).as("what new MultiOutputStream() with no target threw").isInstanceOf(IllegalArgumentException.class);
        assertThat(only.bytes()).as("bytes the only target received").containsExactly(4, 2);
    }

    @Test
    @Tag("4.6b")
    void should_keep_writing_to_the_other_targets_when_one_fails_at_any_byte() {
        forAll(WRITES, Gen.integers(0, 2000), Gen.integers(0, 2))
                .labels("writes", "failAt", "failingTarget").tries(150)
                .check((writes, failAt, failing) -> {
                    // GIVEN three targets, one of which breaks for good after failAt bytes
                    var broken = new SocketException("Broken pipe");
                    var capture = new ByteArrayOutputStream();
                    List<OutputStream> targets = new ArrayList<>(List.of(new SpyOutputStream(), new SpyOutputStream()));
                    targets.add(failing, new FaultyOutputStream(capture, Fault.failAt(failAt, broken)));
                    var out = new MultiOutputStream(targets.toArray(OutputStream[]::new));
                    // WHEN the writes are made, noting which ones threw
                    List<Integer> threw = new ArrayList<>();
                    int written = 0;
                    int reaching = -1;
                    for (int i = 0; i < writes.size(); i++) {
                        byte[] w = writes.get(i);
                        if (reaching == -1 && written + w.length > failAt) {
                            reaching = i;
                        }
                        written += w.length;
                        Throwable thrown = Thrown.by(() -> out.write(w));
                        if (thrown != null) {
                            assertThat(thrown).as("what write %d threw: the failing target's own exception", i + 1)
                                    .isSameAs(broken);
                            threw.add(i);
                        }
                    }
                    // THEN the healthy targets got every byte, even those of the write that failed:
                    // Go's MultiWriter stops at the first error, and the targets after it miss the write
                    for (OutputStream t : targets) {
                        if (t instanceof SpyOutputStream healthy) {
                            assertThat(healthy.bytes())
                                    .as("bytes a healthy target received while target %d of 3 failed after %d bytes;"
                                            + " a failing target must not stop the others", failing + 1, failAt)
                                    .isEqualTo(concat(writes));
                        }
                    }
                    // AND the failure was reported once, by the write that reached it, and the broken
                    // target got the bytes before its failure and nothing after
                    assertThat(threw).as("the writes (counted from 0) that threw, for a target that breaks after"
                            + " %d bytes: only the one that reached it, since later writes skip the broken target",
                            failAt).isEqualTo(reaching == -1 ? List.of() : List.of(reaching));
                    assertThat(capture.size()).as("bytes the failing target passed on")
                            .isEqualTo(Math.min(failAt, written));
                });
    }

    @Test
    @Tag("4.6b")
    void should_throw_the_first_failure_of_a_write_with_later_ones_suppressed() throws IOException {
        // GIVEN a healthy target between two that fail at once
        var first = new IOException("first target: disk full");
        var second = new IOException("third target: connection reset");
        var healthy = new SpyOutputStream();
        var out = new MultiOutputStream(new FaultyOutputStream(new ByteArrayOutputStream(), Fault.failAt(0, first)),
                healthy, new FaultyOutputStream(new ByteArrayOutputStream(), Fault.failAt(0, second)));
        // WHEN a write is made
        Throwable thrown = Thrown.by(() -> out.write(new byte[] {9}));
        // THEN the healthy one got it, and the write reports both failures, the first one in front
        assertThat(healthy.bytes()).as("bytes the healthy target between two failing ones received").containsExactly(9);
        assertThat(thrown).as("what the write threw: the first failure").isSameAs(first);
        assertThat(thrown.getSuppressed()).as("the failures suppressed on the first: the later one of the same write")
                .containsExactly(second);
        // AND the next write goes to the healthy target and succeeds
        out.write(new byte[] {8});
        assertThat(healthy.bytes()).as("bytes the healthy target received after the others broke").containsExactly(9, 8);
    }

    @Test
    @Tag("4.6b")
    void should_fail_every_write_once_every_target_has_failed_with_the_first_failure_as_cause() {
        // GIVEN two targets: the second breaks on the first write, the first on the second write
        var early = new SocketException("second target: broken pipe");
        var late = new SocketException("first target: connection reset");
        var out = new MultiOutputStream(new FaultyOutputStream(new ByteArrayOutputStream(), Fault.failAt(1, late)),
                new FaultyOutputStream(new ByteArrayOutputStream(), Fault.failAt(0, early)));
        assertThat(Thrown.by(() -> out.write('a'))).as("the first write, which breaks the second target").isSameAs(early);
        assertThat(Thrown.by(() -> out.write('b'))).as("the second write, which breaks the first target").isSameAs(late);
        // WHEN a third write and a flush are made with no target left
        Throwable write = Thrown.by(() -> out.write('c'));
        Throwable flush = Thrown.by(out::flush);
        // THEN both fail, and say why: a stream with no working target cannot pretend to write
        assertThat(write).as("a write after every target failed").isInstanceOf(IOException.class);
        assertThat(write.getMessage()).as("the message of that failure: it gives the number of targets")
                .contains("2");
        assertThat(write.getCause()).as("the cause of that failure: the first failure in time, not the first"
                + " target's").isSameAs(early);
        assertThat(flush).as("a flush after every target failed").isInstanceOf(IOException.class);
        assertThat(flush.getCause()).as("the cause of that failure").isSameAs(early);
    }

    @Test
    @Tag("4.6b")
    void should_flush_the_other_targets_when_one_fails_to_flush_and_drop_it() throws IOException {
        // GIVEN three targets, the first of which fails to flush
        List<String> journal = new ArrayList<>();
        var stuck = new IOException("flush failed");
        var out = new MultiOutputStream(new SpyOutputStream("a", journal).failFlushWith(stuck),
                new SpyOutputStream("b", journal), new SpyOutputStream("c", journal));
        // WHEN flushed, then written to
        Throwable thrown = Thrown.by(out::flush);
        out.write(new byte[] {1});
        // THEN the flush reached b and c, threw a's failure, and a is dropped from the write after it
        assertThat(thrown).as("what the flush threw").isSameAs(stuck);
        assertThat(journal).as("the calls the targets received")
                .containsExactly("a flush", "b flush", "c flush", "b write 1", "c write 1");
    }

    @Test
    @Tag("4.6b")
    void should_close_every_target_even_when_closing_one_fails() {
        // GIVEN three targets, two of which fail to close, one of which has also failed to write
        var first = new IOException("a: close failed");
        var third = new IOException("c: close failed");
        var a = new SpyOutputStream().failCloseWith(first);
        var b = new SpyOutputStream().failFlushWith(new IOException("b: flush failed"));
        var c = new SpyOutputStream().failCloseWith(third);
        var out = new MultiOutputStream(a, b, c);
        assertThat(Thrown.by(out::flush)).as("the flush that breaks b").isNotNull();
        // WHEN closed
        Throwable thrown = Thrown.by(out::close);
        // THEN all three were closed once, the broken one too, and both close failures are reported
        assertThat(List.of(a.closes(), b.closes(), c.closes())).as("closes of the three targets").containsExactly(1, 1, 1);
        assertThat(thrown).as("what close threw: the first close failure").isSameAs(first);
        assertThat(thrown.getSuppressed()).as("suppressed on it: the later close failure").containsExactly(third);
    }

    @Test
    @Tag("4.6b")
    void should_close_quietly_when_every_target_closes() throws IOException {
        // GIVEN two healthy targets
        var a = new SpyOutputStream();
        var b = new SpyOutputStream();
        // WHEN the stream is closed
        new MultiOutputStream(a, b).close();
        // THEN both are closed
        assertThat(List.of(a.closes(), b.closes())).as("closes of the two targets").containsExactly(1, 1);
    }
}
