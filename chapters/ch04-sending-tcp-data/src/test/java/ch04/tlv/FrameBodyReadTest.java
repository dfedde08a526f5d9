package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.AllocationMeter;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.3b: {@code Frame.readBody}, the length and exactly that many value bytes, safely. */
@Tag("4.3")
class FrameBodyReadTest {

    private static final int LIMIT = Frame.MAX_PAYLOAD_SIZE;

    /** The body of a frame: the four length bytes and the value, without the type byte. */
    static byte[] body(byte[] value) {
        byte[] frame = IndependentCodec.encode(Msg.binary(value));
        return Arrays.copyOfRange(frame, 1, frame.length);
    }

    static byte[] lengthField(long claimed) {
        return Arrays.copyOfRange(IndependentCodec.header(Msg.BINARY, claimed), 1, 5);
    }

    @Test
    @Tag("4.3b")
    void should_read_the_value_the_length_announces_and_nothing_more() throws IOException {
        // GIVEN a body of "Don't panic." followed by another byte
        InputStream in = new ByteArrayInputStream(Golden.concat(
                body("Don't panic.".getBytes(StandardCharsets.UTF_8)), new byte[] {42}));
        // WHEN the body is read
        byte[] value = Frame.readBody(in, Frame.BINARY_TYPE);
        // THEN the value comes back and the next byte is still in the stream
        assertThat(new String(value, StandardCharsets.UTF_8)).as("the value of a body whose length field says 12")
                .isEqualTo("Don't panic.");
        assertThat(in.read()).as("the byte after the 12-byte value: expected 42 left in the stream; -1 or another"
                + " byte means readBody read past the value").isEqualTo(42);
    }

    @Test
    @Tag("4.3b")
    void should_read_a_value_that_arrives_one_byte_per_read() throws IOException {
        // GIVEN a 1000-byte value handed out one byte per read, as a slow socket may
        byte[] value = MsgGens.filled(1000, false, 3).value();
        InputStream in = ChunkedInputStream.of(body(value), List.of(1));
        // WHEN read THEN all 1000 bytes come back: one read() would have returned 1
        Compare.bytes(Frame.readBody(in, Frame.BINARY_TYPE), value,
                "the value read one byte per read (a single in.read(buf) returns only part of it)");
    }

    @Test
    @Tag("4.3b")
    void should_read_any_value_through_any_cut_of_reads() {
        forAll(Gen.bytes(0, 5000), StreamGens.readSizes(700)).labels("value", "readSizes").tries(100)
                .check((value, sizes) -> {
                    // GIVEN a body and one more byte, handed out in reads of the given sizes
                    InputStream in = ChunkedInputStream.of(Golden.concat(body(value), new byte[] {7}), sizes);
                    // WHEN read THEN the whole value comes back and the next byte is left
                    Compare.bytes(Frame.readBody(in, Frame.BINARY_TYPE), value, "Frame.readBody of a " + value.length
                            + "-byte value handed out in reads of at most " + sizes + " bytes");
                    assertThat(in.read()).as("the byte after the %d-byte value: expected 7 left in the stream",
                            value.length).isEqualTo(7);
                });
    }

    @Test
    @Tag("4.3b")
    void should_refuse_a_one_gibibyte_claim_with_the_numbers() {
        // GIVEN a length field claiming 1 << 30 bytes
        InputStream in = new ByteArrayInputStream(lengthField(1L << 30));
        // WHEN read
        Throwable thrown = Thrown.by(() -> Frame.readBody(in, Frame.STRING_TYPE));
        // THEN it is refused with the claim and the limit
        assertThat(thrown).as("Frame.readBody on a length field that claims 1073741824 bytes: expected a"
                + " FrameTooLargeException").isInstanceOf(FrameTooLargeException.class);
        var e = (FrameTooLargeException) thrown;
        assertThat(e.getMessage()).as("the message: it must give the claim, 1073741824, and the limit")
                .contains("1073741824").contains(String.valueOf(LIMIT));
        assertThat(e.claimed()).as("claimed() of a 1 GiB claim").isEqualTo(1L << 30);
        assertThat(e.limit()).as("limit(): Frame.MAX_PAYLOAD_SIZE").isEqualTo(LIMIT);
        assertThat(e.type()).as("type(): the type byte given to readBody, STRING_TYPE").isEqualTo(Frame.STRING_TYPE);
    }

    @Test
    @Tag("4.3b")
    void should_read_the_length_as_an_unsigned_number() {
        // GIVEN a length field of ff ff ff ff: 4294967295 unsigned, -1 if read as an int
        InputStream in = new ByteArrayInputStream(lengthField(0xFFFF_FFFFL));
        // WHEN read THEN it is a claim over the limit, not a length of -1
        Throwable thrown = Thrown.by(() -> Frame.readBody(in, Frame.BINARY_TYPE));
        assertThat(thrown).as("Frame.readBody on a length field of ff ff ff ff, 4294967295 bytes: expected a"
                + " FrameTooLargeException").isInstanceOf(FrameTooLargeException.class);
        assertThat(((FrameTooLargeException) thrown).claimed()).as("claimed() of ff ff ff ff: the length is unsigned,"
                + " so 4294967295, not -1").isEqualTo(4294967295L);
    }

    @Test
    @Tag("4.3b")
    void should_accept_a_claim_of_exactly_the_limit_and_refuse_one_byte_more() throws IOException {
        // GIVEN a value of exactly the limit WHEN read THEN it passes
        byte[] value = MsgGens.filled(LIMIT, false, 5).value();
        Compare.bytes(Frame.readBody(ChunkedInputStream.of(body(value), List.of(100_000)), Frame.BINARY_TYPE),
                value, "Frame.readBody of a value of exactly " + LIMIT + " bytes, the limit");
        // GIVEN a claim of one byte more WHEN read THEN it is refused
        Throwable thrown = Thrown.by(() ->
                Frame.readBody(new ByteArrayInputStream(lengthField(LIMIT + 1L)), Frame.BINARY_TYPE));
        assertThat(thrown).as("Frame.readBody on a claim of %d bytes, one over the limit: expected a"
                + " FrameTooLargeException", LIMIT + 1).isInstanceOf(FrameTooLargeException.class);
        assertThat(((FrameTooLargeException) thrown).claimed()).as("claimed() of a claim one over the limit")
                .isEqualTo(LIMIT + 1L);
    }

    @Test
    @Tag("4.3b")
    void should_fail_with_the_counts_when_the_stream_ends_inside_the_length() {
        // GIVEN two of the four length bytes, then the end
        InputStream in = new ByteArrayInputStream(new byte[] {0, 0});
        // WHEN read THEN it is a truncated length field: 4 bytes expected, 2 arrived
        Throwable thrown = Thrown.by(() -> Frame.readBody(in, Frame.BINARY_TYPE));
        assertThat(thrown).as("Frame.readBody on a stream that ends after 2 of the 4 length bytes: expected a"
                + " TruncatedFrameException").isInstanceOf(TruncatedFrameException.class);
        var e = (TruncatedFrameException) thrown;
        assertThat(e.part()).as("part() of a binary frame cut inside its length field (see"
                + " TruncatedFrameException's javadoc)").isEqualTo("binary length field");
        assertThat(e.expected()).as("expected(): a length field is 4 bytes").isEqualTo(4);
        assertThat(e.arrived()).as("arrived(): 2 of the 4 length bytes came").isEqualTo(2);
    }

    @Test
    @Tag("4.3b")
    void should_name_the_part_that_was_cut_with_the_frames_type() {
        // GIVEN a string frame's body cut inside the length, and one cut inside the value
        byte[] lengthCut = {0};
        byte[] valueCut = Arrays.copyOf(body(new byte[10]), 4 + 3);
        // WHEN each is read as a string body
        Throwable inLength = Thrown.by(() -> Frame.readBody(new ByteArrayInputStream(lengthCut), Frame.STRING_TYPE));
        Throwable inValue = Thrown.by(() -> Frame.readBody(new ByteArrayInputStream(valueCut), Frame.STRING_TYPE));
        // THEN part() is "<type> length field" or "<type> value", the type word from Frame.typeName
        assertThat(inLength).as("Frame.readBody(in, STRING_TYPE) on 1 of the 4 length bytes: expected a"
                + " TruncatedFrameException").isInstanceOf(TruncatedFrameException.class);
        assertThat(inValue).as("Frame.readBody(in, STRING_TYPE) on a 10-byte value cut after 3 bytes: expected a"
                + " TruncatedFrameException").isInstanceOf(TruncatedFrameException.class);
        assertThat(((TruncatedFrameException) inLength).part()).as("part() of a string frame cut inside its length"
                + " field (see TruncatedFrameException's javadoc)").isEqualTo("string length field");
        assertThat(((TruncatedFrameException) inValue).part()).as("part() of a string frame cut inside its value")
                .isEqualTo("string value");
        assertThat(inValue.getMessage()).as("the message of a string value cut after 3 of 10 bytes")
                .isEqualTo("truncated frame: string value expected 10 bytes, 3 arrived before the end of the stream");
    }

    @Test
    @Tag("4.3b")
    void should_fail_with_the_counts_when_the_stream_ends_inside_the_value() {
        // GIVEN a claim of 100 bytes of which 37 arrive, 10 per read
        byte[] cut = Arrays.copyOf(body(new byte[100]), 4 + 37);
        // WHEN read
        Throwable thrown = Thrown.by(() -> Frame.readBody(ChunkedInputStream.of(cut, List.of(10)), Frame.BINARY_TYPE));
        // THEN it is truncated, with both counts: never a short value
        assertThat(thrown).as("Frame.readBody on a value cut after 37 of 100 bytes: expected a"
                + " TruncatedFrameException, never a short value").isInstanceOf(TruncatedFrameException.class);
        var e = (TruncatedFrameException) thrown;
        assertThat(e.part()).as("part() of a binary frame cut inside its value").isEqualTo("binary value");
        assertThat(e.expected()).as("expected(): the 100 bytes the length announced").isEqualTo(100);
        assertThat(e.arrived()).as("arrived(): the value bytes that came").isEqualTo(37);
        assertThat(e.getMessage()).as("the message: it must give both counts, 100 and 37").contains("100").contains("37");
    }

    /** A value and where its body (4 length bytes, then the value) is cut: after {@code cut} bytes. */
    record CutBody(byte[] value, int cut) {
    }

    @Test
    @Tag("4.3b")
    void should_fail_as_truncated_wherever_the_body_is_cut() {
        Gen<CutBody> cases = Gen.bytes(0, 300).flatMap(value ->
                Gen.integers(0, value.length + 3).map(cut -> new CutBody(value, cut)));
        forAll(cases).labels("cutBody").tries(150).check(c -> {
            // GIVEN a body of 4 + value.length bytes cut short after c.cut() of them
            byte[] bytes = Arrays.copyOf(body(c.value()), c.cut());
            boolean inLength = c.cut() < 4;
            // WHEN read
            Throwable thrown = Thrown.by(() -> Frame.readBody(new ByteArrayInputStream(bytes), Frame.BINARY_TYPE));
            // THEN it is truncated, in the part where the cut fell, with the counts of that part
            String where = "a body of " + (4 + c.value().length) + " bytes cut after " + c.cut()
                    + (inLength ? ", inside the length field" : ", inside the " + c.value().length + "-byte value");
            assertThat(thrown).as("Frame.readBody on %s: expected a TruncatedFrameException", where)
                    .isInstanceOf(TruncatedFrameException.class);
            var e = (TruncatedFrameException) thrown;
            assertThat(e.part()).as("part() for %s", where).isEqualTo(inLength ? "binary length field" : "binary value");
            assertThat(e.expected()).as("expected() for %s", where).isEqualTo(inLength ? 4 : c.value().length);
            assertThat(e.arrived()).as("arrived() for %s", where).isEqualTo(inLength ? c.cut() : c.cut() - 4);
        });
    }

    @Test
    @Tag("4.3b")
    void should_allocate_with_the_bytes_that_arrive_not_with_the_claim() {
        // GIVEN a length field claiming the limit, 10 MiB, and then the end of the stream
        byte[] claim = lengthField(LIMIT);
        assertThat(Thrown.by(() -> Frame.readBody(new ByteArrayInputStream(claim), Frame.BINARY_TYPE)))
                .as("Frame.readBody on a claim of %d bytes and no value: expected a TruncatedFrameException", LIMIT)
                .isInstanceOf(TruncatedFrameException.class);
        // WHEN read (it fails as truncated)
        long headerOnly = AllocationMeter.allocatedBy(5,
                () -> Frame.readBody(new ByteArrayInputStream(claim), Frame.BINARY_TYPE));
        // AND the same claim followed by 100 KB of value before the end
        byte[] some = Golden.concat(claim, new byte[100_000]);
        long someBytes = AllocationMeter.allocatedBy(5,
                () -> Frame.readBody(new ByteArrayInputStream(some), Frame.BINARY_TYPE));
        // THEN memory followed the bytes: far less than the claim
        assertThat(headerOnly).as("bytes allocated for a claim of %d with no value behind it: expected under 1 MiB;"
                + " new byte[claimed] would pin 10 MiB per connection that sends 5 bytes", LIMIT).isLessThan(1L << 20);
        assertThat(someBytes).as("bytes allocated when 100000 of the %d claimed arrive: expected under 1 MiB", LIMIT)
                .isLessThan(1L << 20);
    }
}
