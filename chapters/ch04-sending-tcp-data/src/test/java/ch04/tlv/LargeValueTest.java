package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.AllocationMeter;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/**
 * Exercise 4.3g: a value whose bytes have all arrived is read into one array of exactly its length
 * and handed to its payload without another copy, while a claim that nothing backs still costs
 * one chunk at most.
 */
@Tag("4.3")
class LargeValueTest {

    private static final int MIB = 1 << 20;

    /** The most a 1 MiB value may cost: the value and a tenth more for everything else. */
    private static final long ONE_ARRAY = MIB + MIB / 10;

    /**
     * A stream that reports {@code waiting} bytes available and refuses to be read: {@code capacity}
     * may ask how much has arrived, never take it.
     */
    private static InputStream reporting(int waiting) {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("Frame.capacity read from the stream: it may only ask available()");
            }

            @Override
            public int available() {
                return waiting;
            }
        };
    }

    /**
     * A stream that must not be asked anything: {@code capacity} has no reason to ask
     * {@code available()} when the claim alone, or what was read, already earns the whole value.
     */
    private static InputStream notToBeAsked(String why) {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("Frame.capacity read from the stream: it may only ask available()");
            }

            @Override
            public int available() {
                throw new AssertionError("Frame.capacity asked in.available() for " + why + ": the answer could not"
                        + " change the result, and on a socket each call is a system call, paid by every small frame");
            }
        };
    }

    /** The four length bytes of a frame claiming {@code claimed}, followed by {@code arrived} zero bytes. */
    private static byte[] claimThen(long claimed, int arrived) {
        return Golden.concat(FrameBodyReadTest.lengthField(claimed), new byte[arrived]);
    }

    @Test
    @Tag("4.3g")
    void should_make_room_for_the_whole_value_when_all_of_it_has_arrived() throws IOException {
        // GIVEN a 1 MiB value whose bytes are all waiting in the stream, and one with more waiting behind it
        // WHEN capacity is asked before anything is read
        int allThere = Frame.capacity(reporting(MIB), MIB, 0);
        int nextFrameToo = Frame.capacity(reporting(MIB + 5), MIB, 0);
        // THEN the array is the value's length at once, never longer
        assertThat(allThere).as("capacity for a 1048576-byte value with all 1048576 bytes waiting in the stream:"
                + " they have arrived, so the whole value can have its array now, with no copy later").isEqualTo(MIB);
        assertThat(nextFrameToo).as("capacity for a 1048576-byte value with 1048581 bytes waiting: the bytes past"
                + " the value belong to the next frame, and an array longer than the value would read them")
                .isEqualTo(MIB);
    }

    @Test
    @Tag("4.3g")
    void should_give_a_claim_that_nothing_backs_one_chunk() throws IOException {
        // GIVEN claims with nothing waiting in the stream
        // WHEN capacity is asked before anything is read
        int bigClaim = Frame.capacity(reporting(0), Frame.MAX_PAYLOAD_SIZE, 0);
        int smallClaim = Frame.capacity(reporting(0), 1000, 0);
        // THEN a claim alone earns at most CHUNK_SIZE bytes, and never more than it claims
        assertThat(bigClaim).as("capacity for a claim of 10485760 bytes with nothing waiting: the claim is only a"
                + " claim, so it earns CHUNK_SIZE (%d) bytes and no more", Frame.CHUNK_SIZE).isEqualTo(Frame.CHUNK_SIZE);
        assertThat(smallClaim).as("capacity for a claim of 1000 bytes with nothing waiting: an array of the"
                + " value's length, no bigger").isEqualTo(1000);
    }

    @Test
    @Tag("4.3g")
    void should_not_ask_the_stream_when_the_value_needs_no_more_than_it_already_earned() throws IOException {
        // GIVEN values that one chunk holds (up to exactly CHUNK_SIZE), and a full array whose doubling reaches the
        // value's end exactly, on streams that fail when asked
        int chunk = Frame.CHUNK_SIZE;
        // WHEN capacity is asked
        int small = Frame.capacity(notToBeAsked("a 16-byte value"), 16, 0);
        int oneChunk = Frame.capacity(notToBeAsked("a value of exactly CHUNK_SIZE bytes"), chunk, 0);
        int doubled = Frame.capacity(notToBeAsked("a value of 2 x CHUNK_SIZE bytes with CHUNK_SIZE read"), 2 * chunk,
                chunk);
        // THEN the value's length comes back without a question to the stream
        assertThat(small).as("capacity for a 16-byte value, nothing read").isEqualTo(16);
        assertThat(oneChunk).as("capacity for a value of exactly CHUNK_SIZE (%d) bytes, nothing read", chunk)
                .isEqualTo(chunk);
        assertThat(doubled).as("capacity for a value of %d bytes with %d read: doubling reaches its end", 2 * chunk,
                chunk).isEqualTo(2 * chunk);
    }

    @Test
    @Tag("4.3g")
    void should_grow_a_full_array_by_what_was_read_or_by_what_is_waiting() throws IOException {
        // GIVEN an array of CHUNK_SIZE bytes, full, for a value that claims the limit
        int filled = Frame.CHUNK_SIZE;
        // WHEN capacity is asked with nothing waiting, and with 300000 bytes waiting
        int nothingWaiting = Frame.capacity(reporting(0), Frame.MAX_PAYLOAD_SIZE, filled);
        int someWaiting = Frame.capacity(reporting(300_000), Frame.MAX_PAYLOAD_SIZE, filled);
        int nearTheEnd = Frame.capacity(reporting(300_000), 100_000, filled);
        // THEN the array doubles, or makes room for all that is waiting, and never passes the value's end
        assertThat(nothingWaiting).as("capacity after %d bytes read, nothing waiting: twice what was read, so a"
                + " value that trickles in is copied a few times in all, not once per chunk", filled)
                .isEqualTo(2 * filled);
        assertThat(someWaiting).as("capacity after %d bytes read with 300000 waiting: room for all that has"
                + " arrived, %d + 300000", filled, filled).isEqualTo(filled + 300_000);
        assertThat(nearTheEnd).as("capacity after %d bytes of a 100000-byte value, 300000 waiting: the value's"
                + " length, because the rest of what waits is the next frame", filled).isEqualTo(100_000);
    }

    /** A value's claimed length, how much of it was read, and how many bytes the stream says are waiting. */
    record Progress(int length, int filled, int waiting) {
    }

    @Test
    @Tag("4.3g")
    void should_size_the_array_by_the_bytes_that_arrived_and_never_by_the_claim() {
        Gen<Integer> lengths = Gen.oneOf(Gen.integers(1, 3 * Frame.CHUNK_SIZE),
                Gen.integers(1, Frame.MAX_PAYLOAD_SIZE), Gen.constant(Frame.MAX_PAYLOAD_SIZE));
        Gen<Integer> waiting = Gen.oneOf(Gen.integers(0, 3 * Frame.CHUNK_SIZE),
                Gen.integers(0, Frame.MAX_PAYLOAD_SIZE + 5), Gen.constant(Integer.MAX_VALUE));
        Gen<Progress> cases = lengths.flatMap(length -> Gen.combine(
                Gen.oneOf(Gen.constant(0), Gen.integers(0, length - 1)), waiting,
                (filled, w) -> new Progress(length, filled, w)));
        forAll(cases).labels("progress").tries(300).check(p -> {
            // GIVEN a value of p.length() bytes with p.filled() read and p.waiting() reported waiting
            // WHEN capacity is asked
            int capacity = Frame.capacity(reporting(p.waiting()), p.length(), p.filled());
            // THEN it is the value's length, or what was read plus the most of: one chunk, what was read,
            // what is waiting; computed without overflow
            long earned = (long) p.filled() + Math.max(Frame.CHUNK_SIZE, Math.max(p.filled(), p.waiting()));
            assertThat(capacity).as("capacity for %s: min(length, filled + max(CHUNK_SIZE, filled, waiting)),"
                    + " all the bytes that arrived can earn and nothing the claim alone could", p)
                    .isEqualTo((int) Math.min(p.length(), earned));
        });
    }

    @Test
    @Tag("4.3g")
    void should_read_a_value_that_has_arrived_into_one_array() throws IOException {
        // GIVEN a 1 MiB value that has arrived in full, followed by the next frame's first byte
        byte[] value = MsgGens.filled(MIB, false, 11).value();
        byte[] bytes = Golden.concat(FrameBodyReadTest.body(value), new byte[] {42});
        // WHEN its body is read, and the allocation measured
        long allocated = AllocationMeter.allocatedBy(5, () -> Frame.readBody(new ByteArrayInputStream(bytes), Frame.BINARY_TYPE));
        InputStream in = new ByteArrayInputStream(bytes);
        byte[] read = Frame.readBody(in, Frame.BINARY_TYPE);
        // THEN it is the value, the next byte is left, and it cost one array of the value's length
        Compare.bytes(read, value, "Frame.readBody of a 1048576-byte value that had fully arrived");
        assertThat(in.read()).as("the byte after the value, 42, must be left in the stream").isEqualTo(42);
        assertThat(allocated).as("bytes allocated to read a 1048576-byte value whose bytes were all waiting in"
                + " the stream (available() said so): one array of the value's length and a little more, not"
                + " a 64 KiB array grown and copied up to 1 MiB (about 2 MiB in all); call capacity where"
                + " readBody makes and grows its array").isLessThanOrEqualTo(ONE_ARRAY);
    }

    @Test
    @Tag("4.3g")
    void should_hand_the_array_read_to_the_binary_payload_without_copying_it() throws IOException {
        // GIVEN a 1 MiB binary frame that has arrived in full
        byte[] value = MsgGens.filled(MIB, false, 12).value();
        byte[] frame = IndependentCodec.encode(Msg.binary(value));
        // WHEN it is decoded, and the allocation measured
        long allocated = AllocationMeter.allocatedBy(5, () -> Decoder.decode(new ByteArrayInputStream(frame)));
        Payload decoded = Decoder.decode(new ByteArrayInputStream(frame));
        // THEN it is the payload, and it cost one array: Binary.readBody hands over the array it read
        assertThat(decoded).as("Decoder.decode of a 1048576-byte binary frame").isInstanceOf(Binary.class);
        Compare.bytes(((Binary) decoded).value(), value, "the value of a decoded 1048576-byte binary frame");
        assertThat(allocated).as("bytes allocated to decode a 1048576-byte binary frame that had fully arrived:"
                + " one array of the value's length and a little more; 2 MiB means the payload copied the"
                + " array readBody returned (give it away with Binary.adopt, nobody else holds it), 3 MiB"
                + " that readBody also grew its array by copying").isLessThanOrEqualTo(ONE_ARRAY);
        // AND a payload made by a caller still holds its own copy
        byte[] callers = value.clone();
        Binary made = new Binary(callers);
        callers[0]++;
        Compare.bytes(made.value(), value, "new Binary(array) after the caller changed its array: the public"
                + " constructor must keep copying, only the decoder's own arrays are handed over");
    }

    @Test
    @Tag("4.3g")
    void should_still_allocate_a_chunk_at_most_for_a_header_alone() {
        // GIVEN a length field claiming the limit, 10 MiB, and then the end of the stream
        byte[] claim = claimThen(Frame.MAX_PAYLOAD_SIZE, 0);
        // WHEN its body is read (it fails as truncated), and the allocation measured
        long allocated = AllocationMeter.allocatedBy(5, () -> Frame.readBody(new ByteArrayInputStream(claim), Frame.BINARY_TYPE));
        // THEN it cost one chunk, and a little for the exception
        assertThat(allocated).as("bytes allocated for a claim of 10485760 bytes with nothing behind it: nothing"
                + " has arrived, so nothing is trusted, and the array is CHUNK_SIZE (%d) bytes at most;"
                + " 16 KiB more are allowed for the exception", Frame.CHUNK_SIZE)
                .isLessThanOrEqualTo(Frame.CHUNK_SIZE + 16 * 1024L);
    }

    @Test
    @Tag("4.3g")
    void should_trust_the_bytes_that_arrived_and_not_the_claim_they_came_with() {
        // GIVEN a claim of 10 MiB of which 300000 bytes arrive before the end of the stream
        int arrived = 300_000;
        byte[] some = claimThen(Frame.MAX_PAYLOAD_SIZE, arrived);
        // WHEN its body is read (it fails as truncated), and the allocation measured
        long allocated = AllocationMeter.allocatedBy(5, () -> Frame.readBody(new ByteArrayInputStream(some), Frame.BINARY_TYPE));
        // THEN memory followed the 300000 bytes, not the 10485760 claimed
        assertThat(allocated).as("bytes allocated when 300000 of 10485760 claimed bytes arrive: some bytes"
                + " waiting is no reason to believe the rest will come, so the array grows with them"
                + " (at most 4 x 300000 bytes), never to the claim").isLessThanOrEqualTo(4L * arrived);
        Throwable thrown = Thrown.by(() -> Frame.readBody(new ByteArrayInputStream(some), Frame.BINARY_TYPE));
        assertThat(thrown).as("Frame.readBody on a claim of 10485760 bytes of which 300000 arrive: the stream ends"
                + " inside the value").isInstanceOf(TruncatedFrameException.class);
        assertThat(((TruncatedFrameException) thrown).arrived()).as("arrived() when 300000 of the claimed bytes came")
                .isEqualTo(arrived);
    }

    @Test
    @Tag("4.3g")
    void should_read_any_large_value_exactly_however_its_bytes_arrive() {
        Gen<byte[]> values = Gen.combine(Gen.integers(0, 300_000), Gen.longs(0, Long.MAX_VALUE),
                (size, seed) -> MsgGens.filled(size, false, seed).value());
        Gen<List<Integer>> cuts = Gen.oneOf(StreamGens.readSizes(700), StreamGens.readSizes(200_000),
                Gen.constant(List.of(Integer.MAX_VALUE)));
        forAll(values, cuts).labels("value", "readSizes").tries(40).check((value, sizes) -> {
            // GIVEN a body and the next frame's first byte, handed out in reads of the given sizes
            // (available() reports what the next read would return)
            InputStream in = ChunkedInputStream.of(Golden.concat(FrameBodyReadTest.body(value), new byte[] {7}), sizes);
            // WHEN read THEN the whole value comes back and the next byte is left
            Compare.bytes(Frame.readBody(in, Frame.BINARY_TYPE), value, "Frame.readBody of a " + value.length
                    + "-byte value handed out in reads of at most " + sizes + " bytes");
            assertThat(in.read()).as("the byte after the %d-byte value, 7, must be left in the stream", value.length)
                    .isEqualTo(7);
        });
    }
}
