package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.property.Gen;

/** Exercise 4.3a: {@code Frame.write}, one frame: type, big-endian length, value. */
@Tag("4.3")
class FrameWriteTest {

    private static final int LIMIT = 10 << 20;

    @Test
    @Tag("4.3a")
    void should_write_the_type_the_big_endian_length_and_the_value() throws IOException {
        // GIVEN the chapter's last payload
        var out = new ByteArrayOutputStream();
        // WHEN it is written as a binary frame
        long n = Frame.write(out, Frame.BINARY_TYPE, "Don't panic.".getBytes(StandardCharsets.US_ASCII));
        // THEN the bytes are the ones drawn by hand, and the count includes the header
        assertThat(out.toByteArray()).as("frame for binary \"Don't panic.\" (reread 4.3a)").isEqualTo(Golden.PANIC);
        assertThat(n).as("write's result: 5 header bytes + 12 value bytes (reread 4.3a)").isEqualTo(17);
    }

    @Test
    @Tag("4.3a")
    void should_write_the_chapters_three_frames_as_written_out_by_hand() throws IOException {
        // GIVEN the chapter's three values WHEN written with their types
        var out = new ByteArrayOutputStream();
        for (Msg m : Golden.PAYLOADS) {
            Frame.write(out, m.type(), m.value());
        }
        // THEN the stream holds exactly the hand-written frames
        assertThat(out.toByteArray()).as("the chapter's frames, back to back (reread 4.3a)").isEqualTo(Golden.ALL);
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
                .as("header of a 66051-byte string frame (reread 4.3a)")
                .containsExactly((byte) 2, (byte) 0, (byte) 1, (byte) 2, (byte) 3);
        assertThat(bytes.length).as("bytes written for a 66051-byte value: 5 header bytes + 66051 (reread 4.3a)")
                .isEqualTo(5 + 0x010203);
    }

    @Test
    @Tag("4.3a")
    void should_write_an_empty_value_as_a_header_alone() throws IOException {
        var out = new ByteArrayOutputStream();
        long n = Frame.write(out, Frame.BINARY_TYPE, new byte[0]);
        assertThat(out.toByteArray()).as("frame of an empty binary value (reread 4.3a)")
                .containsExactly(1, 0, 0, 0, 0);
        assertThat(n).as("write's result for an empty value (reread 4.3a)").isEqualTo(5);
    }

    @Test
    @Tag("4.3a")
    void should_write_a_value_of_exactly_the_limit() throws IOException {
        var out = new CountingOutputStream();
        long n = Frame.write(out, Frame.BINARY_TYPE, new byte[LIMIT]);
        assertThat(n).as("write's result for a value of 10485760 bytes, the limit (reread 4.3a)").isEqualTo(LIMIT + 5L);
        assertThat(out.count).as("bytes that reached the stream for a 10485760-byte value (reread 4.3a)")
                .isEqualTo(LIMIT + 5L);
    }

    @Test
    @Tag("4.3a")
    void should_refuse_a_value_over_the_limit_before_writing_anything() {
        // GIVEN a value one byte over the limit
        var out = new CountingOutputStream();
        // WHEN it is written
        FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                "writing a 10485761-byte value (reread 4.3a)",
                () -> Frame.write(out, Frame.BINARY_TYPE, new byte[LIMIT + 1]));
        // THEN the error has the numbers and not one byte went out: the peer would refuse the frame
        assertThat(e.claimed()).as("claimed(): the refused value's length (reread 4.3a)").isEqualTo(LIMIT + 1L);
        assertThat(e.limit()).as("limit(): MAX_PAYLOAD_SIZE (reread 4.3a)").isEqualTo(LIMIT);
        assertThat(e.getMessage()).as("getMessage() must give the length, 10485761, and the limit, 10485760 (reread 4.3a)")
                .contains("10485761").contains("10485760");
        assertThat(out.count).as("bytes written before refusing: check the limit before the first write (reread 4.3a)")
                .isZero();
    }

    @Test
    @Tag("4.3a")
    void should_neither_flush_nor_close_the_stream() throws IOException {
        var out = new CountingOutputStream();
        Frame.write(out, Frame.BINARY_TYPE, new byte[] {1, 2, 3});
        assertThat(out.flushed).as("flush() calls: the caller decides when to flush (reread 4.3a)").isZero();
        assertThat(out.closed).as("close() called: the caller owns the stream (reread 4.3a)").isFalse();
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
                    Expect.sameBytes(out.toByteArray(), IndependentCodec.encode(new Msg(type, value)), "Frame.write of a "
                            + value.length + "-byte value of type " + type + ", against an independent encoder (reread 4.3a)");
                    assertThat(n).as("write's result for a %d-byte value: 5 + %d (reread 4.3a)", value.length, value.length)
                            .isEqualTo(5L + value.length);
                });
    }

    /** Counts bytes, flushes and closes, and keeps nothing. */
    static final class CountingOutputStream extends OutputStream {
        long count;
        int flushed;
        boolean closed;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void flush() {
            flushed++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
