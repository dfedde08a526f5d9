package ch04.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.Fault;
import workbook.fixtures.FaultyInputStream;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.6a: {@link TeeInputStream}, Go's {@code io.TeeReader}, copies what it reads. */
@Tag("4.6")
class TeeInputStreamTest {

    /** One way to take bytes from the tee. */
    sealed interface Op {
    }

    /** {@code read()}. */
    record ReadOne() implements Op {
    }

    /** {@code read(buffer, off, len)} into a buffer of {@code off + len + slack} bytes. */
    record ReadInto(int off, int len, int slack) implements Op {
    }

    /** {@code skip(n)}. */
    record Skip(int n) implements Op {
    }

    /** The byte every test buffer is filled with before a read, so bytes the read did not write show. */
    private static final byte STALE = (byte) 0xEE;

    private static final Gen<Op> OPS = Gen.oneOf(
            Gen.constant(new ReadOne()),
            Gen.combine(Gen.integers(0, 16), Gen.integers(1, 700), Gen.integers(0, 16), ReadInto::new),
            Gen.integers(1, 3000).map(Skip::new));

    @Test
    @Tag("4.6a")
    void should_hand_out_the_bytes_unchanged_and_copy_each_byte_taken_for_any_data_chunking_and_reads() {
        forAll(Gen.bytes(0, 4000), StreamGens.readSizes(900), Gen.lists(OPS, 1, 6))
                .labels("data", "readSizes", "ops").tries(200)
                .check((data, readSizes, ops) -> {
                    // GIVEN a tee over a source that hands out the data a few bytes at a time
                    var branch = new SpyOutputStream();
                    var tee = new TeeInputStream(ChunkedInputStream.of(data, readSizes), branch);
                    var handedOut = new ByteArrayOutputStream();
                    var notSkipped = new ByteArrayOutputStream();
                    int taken = 0;
                    // WHEN the ops are made in a cycle until every byte is taken
                    for (int i = 0; taken < data.length; i++) {
                        Op op = ops.get(i % ops.size());
                        int before = branch.size();
                        int n = apply(tee, op, handedOut);
                        // THEN each op copies exactly the bytes it took, no more and no fewer
                        assertThat(n).as("what %s returned with %d of %d bytes taken", op, taken, data.length)
                                .isPositive();
                        byte[] copied = branch.bytesFrom(before);
                        assertThat(copied)
                                .as("the bytes the branch received for %s, which returned %d; copy exactly the"
                                        + " bytes this read took from the source, nothing before or after them", op, n)
                                .isEqualTo(Arrays.copyOfRange(data, taken, taken + n));
                        if (!(op instanceof Skip)) {
                            notSkipped.write(data, taken, n);
                        }
                        taken += n;
                    }
                    // AND at the end the tee says -1 and copies nothing more
                    assertThat(tee.read()).as("read() after the last byte").isEqualTo(-1);
                    assertThat(tee.read(new byte[8], 0, 8)).as("read(buffer, 0, 8) after the last byte").isEqualTo(-1);
                    assertThat(branch.bytes()).as("the branch's copy: every byte taken from the source, in order")
                            .isEqualTo(data);
                    assertThat(handedOut.toByteArray()).as("the bytes the reads handed out: the data as it was,"
                            + " less what was skipped").isEqualTo(notSkipped.toByteArray());
                });
    }

    /** Makes {@code op} on {@code tee}, writing what it handed out to {@code handedOut}; returns bytes taken. */
    private static int apply(TeeInputStream tee, Op op, ByteArrayOutputStream handedOut) throws IOException {
        switch (op) {
            case ReadOne r -> {
                int b = tee.read();
                assertThat(b).as("read() returns a byte as 0 to 255, or -1 at the end").isBetween(-1, 255);
                if (b != -1) {
                    handedOut.write(b);
                }
                return b == -1 ? -1 : 1;
            }
            case ReadInto r -> {
                byte[] buffer = new byte[r.off() + r.len() + r.slack()];
                Arrays.fill(buffer, STALE);
                int n = tee.read(buffer, r.off(), r.len());
                if (n > 0) {
                    handedOut.write(buffer, r.off(), n);
                }
                return n;
            }
            case Skip s -> {
                return (int) tee.skip(s.n());
            }
        }
    }

    @Test
    @Tag("4.6a")
    void should_copy_only_the_bytes_a_read_returned_from_the_offset_it_was_given() throws IOException {
        // GIVEN a source that returns at most 3 bytes per read, and a big buffer full of stale bytes
        var branch = new SpyOutputStream();
        var tee = new TeeInputStream(ChunkedInputStream.of(new byte[] {1, 2, 3, 4, 5}, List.of(3)), branch);
        byte[] buffer = new byte[16];
        Arrays.fill(buffer, STALE);
        // WHEN one read asks for 10 bytes at offset 4
        int n = tee.read(buffer, 4, 10);
        // THEN it got 3, and the branch got those 3 in one write: not the 16-byte buffer, not
        // buffer[0..3), not 10 bytes
        assertThat(n).as("bytes the read returned").isEqualTo(3);
        assertThat(branch.bytes())
                .as("the branch's copy after read(buffer, 4, 10) returned 3; a tee that copies the whole buffer"
                        + " (write(buffer)) or ignores the offset copies bytes nobody read")
                .containsExactly(1, 2, 3);
        assertThat(branch.writeSizes()).as("write calls the branch received for one read of 3 bytes")
                .containsExactly(3);
    }

    @Test
    @Tag("4.6a")
    void should_copy_nothing_for_a_zero_length_read_or_at_the_end_of_the_stream() throws IOException {
        // GIVEN a tee over two bytes
        var branch = new SpyOutputStream();
        var tee = new TeeInputStream(ChunkedInputStream.of(new byte[] {7, 8}, List.of(8)), branch);
        // WHEN asked for 0 bytes, then read to the end and past it
        assertThat(tee.read(new byte[4], 1, 0)).as("read(buffer, 1, 0) returns 0").isZero();
        assertThat(branch.writeSizes()).as("write calls on the branch after a read of 0 bytes: a read that"
                + " moved no byte copies nothing, not even an empty write").isEmpty();
        assertThat(tee.read(new byte[4], 0, 4)).as("the read that takes both bytes").isEqualTo(2);
        assertThat(tee.read(new byte[4], 0, 4)).as("the read at the end of the stream").isEqualTo(-1);
        assertThat(tee.read()).as("read() at the end of the stream").isEqualTo(-1);
        // THEN the branch got the two bytes in one call, and nothing for -1
        assertThat(branch.writeSizes()).as("write calls on the branch: one for the 2 bytes, none for -1")
                .containsExactly(2);
        assertThat(branch.bytes()).as("the branch's copy").containsExactly(7, 8);
    }

    @Test
    @Tag("4.6a")
    void should_return_and_copy_the_byte_ff_as_255_not_as_the_end() throws IOException {
        // GIVEN a source whose bytes are ff and 00
        var branch = new SpyOutputStream();
        var tee = new TeeInputStream(ChunkedInputStream.of(new byte[] {(byte) 0xFF, 0}, List.of(1)), branch);
        // WHEN read one byte at a time
        int first = tee.read();
        int second = tee.read();
        // THEN ff is 255 (an int from 0 to 255; -1 is only the end) and both bytes are copied
        assertThat(first).as("read() of the byte ff: 255, since -1 means the end").isEqualTo(255);
        assertThat(second).as("read() of the byte 00").isZero();
        assertThat(branch.bytes()).as("the branch's copy after two read() calls").containsExactly(0xFF, 0);
    }

    @Test
    @Tag("4.6a")
    void should_read_the_bytes_it_skips_so_the_branch_sees_them() throws IOException {
        // GIVEN a tee over 5000 bytes that come 700 at a time
        byte[] data = new byte[5000];
        new Random(46).nextBytes(data);
        var branch = new SpyOutputStream();
        var tee = new TeeInputStream(ChunkedInputStream.of(data, List.of(700)), branch);
        // WHEN 4000 bytes are skipped, then 0, then a negative count, then the rest and more
        long skipped = tee.skip(4000);
        long none = tee.skip(0);
        long negative = tee.skip(-5);
        long rest = tee.skip(2000);
        // THEN the skips say how many bytes went by, and every one of them is in the branch:
        // FilterInputStream.skip asks the source to skip, and the branch never sees those bytes
        assertThat(skipped).as("skip(4000) over a stream of 5000 bytes").isEqualTo(4000);
        assertThat(none).as("skip(0)").isZero();
        assertThat(negative).as("skip(-5)").isZero();
        assertThat(rest).as("skip(2000) with 1000 bytes left").isEqualTo(1000);
        assertThat(branch.bytes()).as("the branch's copy after skipping the whole stream: skipped bytes are"
                + " bytes taken from the source, and a monitor must see them").isEqualTo(data);
        assertThat(tee.skip(10)).as("skip(10) at the end of the stream").isZero();
    }

    @Test
    @Tag("4.6a")
    void should_skip_a_huge_count_with_a_small_buffer() throws IOException {
        // GIVEN a tee over 3000 bytes
        byte[] data = new byte[3000];
        new Random(9).nextBytes(data);
        var branch = new SpyOutputStream();
        var tee = new TeeInputStream(ChunkedInputStream.of(data, List.of(512)), branch);
        // WHEN asked to skip Long.MAX_VALUE bytes
        long skipped = tee.skip(Long.MAX_VALUE);
        // THEN it skips to the end through a buffer of a few KiB: a buffer sized by the count would
        // not even exist (Long.MAX_VALUE as an int is -1)
        assertThat(skipped).as("skip(Long.MAX_VALUE) over 3000 bytes").isEqualTo(3000);
        assertThat(branch.bytes()).as("the branch's copy of the skipped bytes").isEqualTo(data);
    }

    @Test
    @Tag("4.6a")
    void should_copy_through_transfer_to_and_read_all_bytes() throws IOException {
        // GIVEN two tees over the same data
        byte[] data = new byte[3000];
        new Random(7).nextBytes(data);
        var branch1 = new SpyOutputStream();
        var branch2 = new SpyOutputStream();
        // WHEN one is read with transferTo and the other with readAllBytes, InputStream's own loops
        var sink = new ByteArrayOutputStream();
        long moved = new TeeInputStream(ChunkedInputStream.of(data, List.of(333)), branch1).transferTo(sink);
        byte[] all = new TeeInputStream(ChunkedInputStream.of(data, List.of(333)), branch2).readAllBytes();
        // THEN both hand out the data and copy it whole: they call read(buffer, off, len)
        assertThat(moved).as("bytes transferTo moved").isEqualTo(data.length);
        assertThat(sink.toByteArray()).as("bytes transferTo handed out").isEqualTo(data);
        assertThat(all).as("bytes readAllBytes returned").isEqualTo(data);
        assertThat(branch1.bytes()).as("the branch's copy after transferTo").isEqualTo(data);
        assertThat(branch2.bytes()).as("the branch's copy after readAllBytes").isEqualTo(data);
    }

    @Test
    @Tag("4.6a")
    void should_pass_on_the_sources_failure_after_copying_what_came_before_it() throws IOException {
        // GIVEN a source that breaks after 10 bytes
        byte[] data = new byte[20];
        new Random(3).nextBytes(data);
        var reset = new SocketException("Connection reset");
        var branch = new SpyOutputStream();
        var tee = new TeeInputStream(new FaultyInputStream(ChunkedInputStream.of(data, List.of(4)),
                Fault.failAt(10, reset)), branch);
        // WHEN it is read until it fails
        Throwable thrown = Thrown.by(() -> {
            byte[] buffer = new byte[8];
            while (tee.read(buffer, 0, 8) != -1) {
                // keep reading
            }
        });
        // THEN the failure is the source's, unchanged, and the branch holds the 10 bytes before it
        assertThat(thrown).as("what reading a source that fails after 10 bytes threw").isSameAs(reset);
        assertThat(branch.bytes()).as("the branch's copy of a source that failed after 10 bytes")
                .isEqualTo(Arrays.copyOf(data, 10));
    }

    @Test
    @Tag("4.6a")
    void should_refuse_reset_since_a_copy_cannot_be_taken_back() throws IOException {
        // GIVEN a tee that has handed out a byte
        var branch = new SpyOutputStream();
        var tee = new TeeInputStream(ChunkedInputStream.of(new byte[] {1, 2, 3}, List.of(3)), branch);
        tee.mark(10);
        assertThat(tee.read()).as("the first byte").isEqualTo(1);
        // WHEN asked to go back to the mark
        Throwable thrown = Thrown.by(tee::reset);
        // THEN it refuses: the byte is in the branch already, and reading it again would copy it twice
        assertThat(tee.markSupported()).as("markSupported()").isFalse();
        assertThat(thrown).as("what reset() threw").isInstanceOf(IOException.class);
        assertThat(tee.read()).as("the byte after a refused reset").isEqualTo(2);
        assertThat(branch.bytes()).as("the branch's copy").containsExactly(1, 2);
    }

    @Test
    @Tag("4.6a")
    void should_copy_a_socket_stream_whole() throws Exception {
        // GIVEN a server that sends 1 MiB in bursts of growing size
        byte[] payload = new byte[1 << 20];
        new Random(46).nextBytes(payload);
        try (var server = LoopbackServer.start(connection -> {
                var out = connection.getOutputStream();
                for (int off = 0, burst = 1; off < payload.length; off += burst, burst = burst * 3 + 1) {
                    out.write(payload, off, Math.min(burst, payload.length - off));
                }
            });
             var client = server.connect()) {
            // WHEN the client reads it through a tee
            var branch = new ByteArrayOutputStream();
            byte[] got = new TeeInputStream(client.getInputStream(), branch).readAllBytes();
            // THEN the client and the branch both have every byte
            assertThat(got).as("bytes the client read through the tee").isEqualTo(payload);
            assertThat(branch.toByteArray()).as("bytes the branch received").isEqualTo(payload);
        }
    }
}
