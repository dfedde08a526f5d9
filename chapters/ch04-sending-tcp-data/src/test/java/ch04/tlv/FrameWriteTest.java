package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.CountingOutputStream;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.3a: {@code Frame.write}, one frame: type, big-endian length, value. */
@Tag("4.3")
class FrameWriteTest {

    private static final int LIMIT = Frame.MAX_PAYLOAD_SIZE;

    @Test
    @Tag("4.3a")
    void should_write_the_type_the_big_endian_length_and_the_value() throws IOException {
        // GIVEN the chapter's last payload
        var out = new ByteArrayOutputStream();
        // WHEN it is written as a binary frame
        long n = Frame.write(out, Frame.BINARY_TYPE, "Don't panic.".getBytes(StandardCharsets.US_ASCII));
        // THEN the bytes are the ones drawn by hand, and the count includes the header
        assertThat(out.toByteArray()).as("the frame of binary \"Don't panic.\"").isEqualTo(Golden.PANIC);
        assertThat(n).as("write's result for a 12-byte value: 5 header bytes + 12").isEqualTo(17);
    }

    @Test
    @Tag("4.3a")
    void should_write_the_chapters_three_payloads_as_the_frames_written_out_by_hand() throws IOException {
        // GIVEN the chapter's three payloads
        var out = new ByteArrayOutputStream();
        long total = 0;
        // WHEN each is written with its own writeTo, which calls Frame.write
        for (Msg m : Golden.PAYLOADS) {
            total += m.payload().writeTo(out);
        }
        // THEN the stream holds exactly the hand-written frames, and writeTo counted them
        assertThat(out.toByteArray()).as("the chapter's frames, back to back").isEqualTo(Golden.ALL);
        assertThat(total).as("the sum of the writeTo results: 5 + the value's length each").isEqualTo(Golden.ALL.length);
    }

    @Test
    @Tag("4.3a")
    void should_use_all_four_length_bytes_most_significant_first() throws IOException {
        // GIVEN a value of 0x010203 = 66051 bytes
        var out = new ByteArrayOutputStream();
        // WHEN written
        Frame.write(out, Frame.STRING_TYPE, new byte[0x010203]);
        // THEN the length field reads 00 01 02 03: big-endian, not one byte, not little-endian
        byte[] bytes = out.toByteArray();
        assertThat(List.of(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]))
                .as("the header of a 66051-byte string frame: type 2, then the length 00 01 02 03")
                .containsExactly((byte) 2, (byte) 0, (byte) 1, (byte) 2, (byte) 3);
        assertThat(bytes.length).as("bytes written for a 66051-byte value: 5 header bytes + 66051")
                .isEqualTo(5 + 0x010203);
    }

    @Test
    @Tag("4.3a")
    void should_write_an_empty_value_as_a_header_alone() throws IOException {
        var out = new ByteArrayOutputStream();
        long n = Frame.write(out, Frame.BINARY_TYPE, new byte[0]);
        assertThat(out.toByteArray()).as("the frame of an empty binary value").containsExactly(1, 0, 0, 0, 0);
        assertThat(n).as("write's result for an empty value: the header's 5 bytes").isEqualTo(5);
    }

    @Test
    @Tag("4.3a")
    void should_write_a_value_of_exactly_the_limit() throws IOException {
        var out = new CountingOutputStream();
        long n = Frame.write(out, Frame.BINARY_TYPE, new byte[LIMIT]);
        assertThat(n).as("write's result for a value of %d bytes, the limit", LIMIT).isEqualTo(LIMIT + 5L);
        assertThat(out.bytes()).as("bytes that reached the stream for a value of %d bytes, the limit", LIMIT)
                .isEqualTo(LIMIT + 5L);
    }

    @Test
    @Tag("4.3a")
    void should_refuse_a_value_over_the_limit_before_writing_anything() {
        // GIVEN a value one byte over the limit
        var out = new CountingOutputStream();
        // WHEN it is written
        Throwable thrown = Thrown.by(() -> Frame.write(out, Frame.BINARY_TYPE, new byte[LIMIT + 1]));
        // THEN it is refused with the numbers, and not one byte went out: the peer would refuse the frame
        assertThat(thrown).as("writing a value of %d bytes, one over the limit: expected a FrameTooLargeException",
                LIMIT + 1).isInstanceOf(FrameTooLargeException.class);
        var e = (FrameTooLargeException) thrown;
        assertThat(e.claimed()).as("claimed(): the refused value's length").isEqualTo(LIMIT + 1L);
        assertThat(e.limit()).as("limit(): Frame.MAX_PAYLOAD_SIZE").isEqualTo(LIMIT);
        assertThat(e.type()).as("type(): the type byte of the refused frame").isEqualTo(Frame.BINARY_TYPE);
        assertThat(e.getMessage()).as("the message: it must give the length and the limit")
                .contains(String.valueOf(LIMIT + 1)).contains(String.valueOf(LIMIT));
        assertThat(out.bytes()).as("bytes written before refusing: check the limit before the first write").isZero();
    }

    @Test
    @Tag("4.3a")
    void should_refuse_a_type_other_than_binary_or_string_before_writing_anything() {
        for (int type : new int[] {0, 3, 255}) {
            // GIVEN a type byte that no reader accepts
            var out = new CountingOutputStream();
            // WHEN a frame of that type is written
            Throwable thrown = Thrown.by(() -> Frame.write(out, (byte) type, new byte[] {1}));
            // THEN it is refused, and nothing went out
            assertThat(thrown).as("writing a frame of type %d: expected an IllegalArgumentException, since a frame"
                    + " is of type 1 (binary) or 2 (string) and a reader refuses any other", type)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(out.bytes()).as("bytes written before refusing type %d", type).isZero();
        }
    }

    @Test
    @Tag("4.3a")
    void should_refuse_a_missing_stream_or_value() {
        Throwable noStream = Thrown.by(() -> Frame.write(null, Frame.BINARY_TYPE, new byte[] {1}));
        Throwable noValue = Thrown.by(() -> Frame.write(new CountingOutputStream(), Frame.BINARY_TYPE, null));
        assertThat(noStream).as("Frame.write(null, BINARY_TYPE, value)").isInstanceOf(NullPointerException.class);
        assertThat(noValue).as("Frame.write(out, BINARY_TYPE, null)").isInstanceOf(NullPointerException.class);
    }

    @Test
    @Tag("4.3a")
    void should_neither_flush_nor_close_the_stream() throws IOException {
        var out = new CountingOutputStream();
        Frame.write(out, Frame.BINARY_TYPE, new byte[] {1, 2, 3});
        assertThat(out.flushes()).as("flush() calls: the caller decides when to flush").isZero();
        assertThat(out.closes()).as("close() calls: the caller owns the stream").isZero();
    }

    @Test
    @Tag("4.3a")
    void should_write_what_an_independent_encoder_writes_for_any_value() {
        forAll(Gen.elements(Frame.BINARY_TYPE, Frame.STRING_TYPE), Gen.bytes(0, 2000)).labels("type", "value").tries(100)
                .check((type, value) -> {
                    // GIVEN any type and value WHEN written
                    var out = new ByteArrayOutputStream();
                    long n = Frame.write(out, type, value);
                    // THEN the bytes are the independent encoder's, and the count is 5 + the value's length
                    Compare.bytes(out.toByteArray(), IndependentCodec.encode(new Msg(type, value)), "Frame.write of a "
                            + value.length + "-byte value of type " + type + ", against an independent encoder");
                    assertThat(n).as("write's result for a %d-byte value: 5 + %d", value.length, value.length)
                            .isEqualTo(5L + value.length);
                });
    }
}
