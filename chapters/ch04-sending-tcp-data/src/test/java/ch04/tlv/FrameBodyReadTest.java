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
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.StreamGens;
import workbook.property.Gen;

/** Exercise 4.3b: {@code Frame.readBody}, the length and exactly that many value bytes, safely. */
@Tag("4.3")
class FrameBodyReadTest {

    private static final int LIMIT = 10 << 20;

    /** The body of a frame: the four length bytes and the value, without the type byte. */
    static byte[] body(byte[] value) {
        byte[] frame = IndependentCodec.encode(Msg.binary(value));
        return Arrays.copyOfRange(frame, 1, frame.length);
    }

    static byte[] lengthField(long claimed) {
        return Arrays.copyOfRange(IndependentCodec.header((byte) 1, claimed), 1, 5);
    }

    @Test
    @Tag("4.3b")
    void should_read_the_value_the_length_announces_and_nothing_more() throws IOException {
        // GIVEN a body of "Don't panic." followed by another byte
        InputStream in = new ByteArrayInputStream(Golden.concat(body("Don't panic.".getBytes(StandardCharsets.UTF_8)), new byte[] {42}));
        // WHEN the body is read
        byte[] value = Frame.readBody(in, Frame.BINARY_TYPE);
        // THEN the value comes back and the next byte is still in the stream
        assertThat(new String(value, StandardCharsets.UTF_8)).as("value of a body whose length field says 12 (reread 4.3b)")
                .isEqualTo("Don't panic.");
        assertThat(in.read()).as("the byte after the 12-byte value, 42, must be left in the stream; -1 or another"
                + " byte means readBody read past the value (reread 4.3b)").isEqualTo(42);
    }

    @Test
    @Tag("4.3b")
    void should_read_a_value_that_arrives_one_byte_per_read() throws IOException {
        // GIVEN a 1000-byte value handed out one byte per read, as a slow socket may
        byte[] value = MsgGens.filled(1000, false, 3).value();
        InputStream in = ChunkedInputStream.of(body(value), List.of(1));
        // WHEN read THEN all 1000 bytes come back: one read() would have returned 1
        Expect.sameBytes(Frame.readBody(in, Frame.BINARY_TYPE), value,
                "value read one byte per read: a single in.read(buf) returns only part of it (reread 4.3b)");
    }

    @Test
    @Tag("4.3b")
    void should_read_any_value_through_any_cut_of_reads() {
        forAll(Gen.bytes(0, 5000), StreamGens.readSizes(700)).labels("value", "readSizes").tries(100).check((value, sizes) -> {
            // GIVEN a body and one more byte, handed out in reads of the given sizes
            InputStream in = ChunkedInputStream.of(Golden.concat(body(value), new byte[] {7}), sizes);
            // WHEN read THEN the whole value comes back and the next byte is left
            Expect.sameBytes(Frame.readBody(in, Frame.BINARY_TYPE), value, "Frame.readBody of a " + value.length
                    + "-byte value handed out in reads of at most " + sizes + " bytes (reread 4.3b)");
            assertThat(in.read()).as("the byte after the %d-byte value, 7, must be left in the stream (reread 4.3b)",
                    value.length).isEqualTo(7);
        });
    }

    @Test
    @Tag("4.3b")
    void should_refuse_a_one_gibibyte_claim_with_the_numbers() {
        // GIVEN a length field claiming 1 << 30 bytes
        InputStream in = new ByteArrayInputStream(lengthField(1L << 30));
        // WHEN read THEN it is refused with the claim and the limit
        FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                "Frame.readBody on a length field claiming 1073741824 bytes (reread 4.3b)",
                () -> Frame.readBody(in, Frame.STRING_TYPE));
        assertThat(e.getMessage()).as("getMessage() must give the claim, 1073741824, and the limit, 10485760 (reread 4.3b)")
                .contains("1073741824").contains("10485760");
        assertThat(e.claimed()).as("claimed() of a 1 GiB claim (reread 4.3b)").isEqualTo(1L << 30);
        assertThat(e.limit()).as("limit(): MAX_PAYLOAD_SIZE (reread 4.3b)").isEqualTo(LIMIT);
        assertThat(e.type()).as("type(): the type byte given to readBody, STRING_TYPE (reread 4.3b)")
                .isEqualTo(Frame.STRING_TYPE);
    }

    @Test
    @Tag("4.3b")
    void should_read_the_length_as_an_unsigned_number() {
        // GIVEN a length field of ff ff ff ff: 4294967295 unsigned, -1 if read as an int
        InputStream in = new ByteArrayInputStream(lengthField(0xFFFF_FFFFL));
        FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                "Frame.readBody on a length field of ff ff ff ff, 4294967295 bytes: over the limit, not -1 (reread 4.3b)",
                () -> Frame.readBody(in, Frame.BINARY_TYPE));
        assertThat(e.claimed()).as("claimed(): the length is unsigned, not -1 (reread 4.3b)").isEqualTo(4294967295L);
    }

    @Test
    @Tag("4.3b")
    void should_accept_a_claim_of_exactly_the_limit_and_refuse_one_byte_more() throws IOException {
        byte[] value = MsgGens.filled(LIMIT, false, 5).value();
        Expect.sameBytes(Frame.readBody(ChunkedInputStream.of(body(value), List.of(100_000)), Frame.BINARY_TYPE),
                value, "Frame.readBody of a value of exactly 10485760 bytes, the limit, which must pass (reread 4.3b)");
        FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                "Frame.readBody on a claim of 10485761 bytes, one over the limit (reread 4.3b)",
                () -> Frame.readBody(new ByteArrayInputStream(lengthField(LIMIT + 1L)), Frame.BINARY_TYPE));
        assertThat(e.claimed()).as("claimed() of a 10485761-byte claim (reread 4.3b)").isEqualTo(LIMIT + 1L);
    }

    @Test
    @Tag("4.3b")
    void should_fail_with_the_counts_when_the_stream_ends_inside_the_length() {
        // GIVEN two of the four length bytes, then the end
        InputStream in = new ByteArrayInputStream(new byte[] {0, 0});
        // WHEN read THEN it is a truncated length field: 4 bytes expected, 2 arrived
        TruncatedFrameException e = Expect.thrown(TruncatedFrameException.class,
                "Frame.readBody on a stream that ends after 2 of the 4 length bytes (reread 4.3b)",
                () -> Frame.readBody(in, Frame.BINARY_TYPE));
        assertThat(e.part()).as("part() of a binary frame cut inside its length field (reread 4.3b and"
                + " TruncatedFrameException's javadoc)").isEqualTo("binary length field");
        assertThat(e.expected()).as("expected(): a length field is 4 bytes (reread 4.3b)").isEqualTo(4);
        assertThat(e.arrived()).as("arrived(): 2 of the 4 length bytes came (reread 4.3b)").isEqualTo(2);
    }

    @Test
    @Tag("4.3b")
    void should_name_the_part_that_was_cut_with_the_frames_type() {
        // GIVEN a string frame's body cut inside the length, and one cut inside the value
        byte[] lengthCut = {0};
        byte[] valueCut = Arrays.copyOf(body(new byte[10]), 4 + 3);
        // WHEN each is read as a string body
        TruncatedFrameException inLength = Expect.thrown(TruncatedFrameException.class,
                "Frame.readBody(in, STRING_TYPE) on 1 of the 4 length bytes (reread 4.3b)",
                () -> Frame.readBody(new ByteArrayInputStream(lengthCut), Frame.STRING_TYPE));
        TruncatedFrameException inValue = Expect.thrown(TruncatedFrameException.class,
                "Frame.readBody(in, STRING_TYPE) on a 10-byte value cut after 3 bytes (reread 4.3b)",
                () -> Frame.readBody(new ByteArrayInputStream(valueCut), Frame.STRING_TYPE));
        // THEN part() is "<type> length field" or "<type> value", the type word from Frame.typeName
        assertThat(inLength.part()).as("part() of a string frame cut inside its length field (reread 4.3b and"
                + " TruncatedFrameException's javadoc)").isEqualTo("string length field");
        assertThat(inValue.part()).as("part() of a string frame cut inside its value (reread 4.3b and"
                + " TruncatedFrameException's javadoc)").isEqualTo("string value");
        assertThat(inValue.getMessage()).as("getMessage() of a string value cut after 3 of 10 bytes (reread 4.3b)")
                .isEqualTo("truncated frame: string value expected 10 bytes, 3 arrived before the end of the stream");
    }

    @Test
    @Tag("4.3b")
    void should_fail_with_the_counts_when_the_stream_ends_inside_the_value() {
        // GIVEN a claim of 100 bytes of which 37 arrive
        byte[] cut = Arrays.copyOf(body(new byte[100]), 4 + 37);
        TruncatedFrameException e = Expect.thrown(TruncatedFrameException.class,
                "Frame.readBody on a value cut after 37 of 100 bytes: never return a short value (reread 4.3b)",
                () -> Frame.readBody(ChunkedInputStream.of(cut, List.of(10)), Frame.BINARY_TYPE));
        assertThat(e.part()).as("part() of a binary frame cut inside its value (reread 4.3b)").isEqualTo("binary value");
        assertThat(e.expected()).as("expected(): the 100 bytes the length announced (reread 4.3b)").isEqualTo(100);
        assertThat(e.arrived()).as("arrived(): the value bytes that came, 37 (reread 4.3b)").isEqualTo(37);
        assertThat(e.getMessage()).as("getMessage() must give both counts, 100 and 37 (reread 4.3b)")
                .contains("100").contains("37");
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
            // WHEN read THEN it is truncated, in the part where the cut fell, with the counts of that part
            TruncatedFrameException e = Expect.thrown(TruncatedFrameException.class, "Frame.readBody on a body of "
                    + (4 + c.value().length) + " bytes cut after " + c.cut() + " (reread 4.3b)",
                    () -> Frame.readBody(new ByteArrayInputStream(bytes), Frame.BINARY_TYPE));
            String where = "a body of " + (4 + c.value().length) + " bytes cut after " + c.cut()
                    + (inLength ? ", inside the length field" : ", inside the " + c.value().length + "-byte value");
            assertThat(e.part()).as("part() for %s (reread 4.3b)", where)
                    .isEqualTo(inLength ? "binary length field" : "binary value");
            assertThat(e.expected()).as("expected() for %s (reread 4.3b)", where)
                    .isEqualTo(inLength ? 4 : c.value().length);
            assertThat(e.arrived()).as("arrived() for %s (reread 4.3b)", where)
                    .isEqualTo(inLength ? c.cut() : c.cut() - 4);
        });
    }

    @Test
    @Tag("4.3b")
    void should_allocate_with_the_bytes_that_arrive_not_with_the_claim() {
        // GIVEN a length field claiming the limit, 10 MiB, and then the end of the stream
        byte[] claim = lengthField(LIMIT);
        // WHEN read (it fails as truncated)
        long headerOnly = AllocationMeter.allocatedBy(5, () -> Frame.readBody(new ByteArrayInputStream(claim), Frame.BINARY_TYPE));
        // AND the same claim followed by 100 KB of value before the end
        byte[] some = Golden.concat(claim, new byte[100_000]);
        long someBytes = AllocationMeter.allocatedBy(5, () -> Frame.readBody(new ByteArrayInputStream(some), Frame.BINARY_TYPE));
        // THEN memory followed the bytes: far less than the 10485760 claimed
        assertThat(headerOnly).as("bytes allocated for a claim of 10485760 with no value behind it:"
                + " new byte[claimed] would be 10 MiB per connection that sends 5 bytes (reread 4.3b)")
                .isLessThan(1L << 20);
        assertThat(someBytes).as("bytes allocated when 100000 of the 10485760 claimed arrive (reread 4.3b)")
                .isLessThan(1L << 20);
        Expect.thrown(TruncatedFrameException.class, "Frame.readBody on a claim of 10485760 bytes and no value (reread 4.3b)",
                () -> Frame.readBody(new ByteArrayInputStream(claim), Frame.BINARY_TYPE));
    }
}
