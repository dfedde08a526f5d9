package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4.3d: the faithful port of the chapter's decode (Listing 4-9), which puts the type
 * byte back.
 *
 * <p>The checks shared with the other design live in {@link DecoderChecks} and
 * {@link DecodedPayloadContract}.
 */
@Tag("4.3")
@Tag("4.3d") // for the tests inherited from DecodedPayloadContract
class FaithfulDecoderTest implements DecodedPayloadContract {

    private static final Design D = Design.FAITHFUL;

    @Override
    public Object decode(InputStream in) throws IOException {
        return ch04.tlv.faithful.Decoder.decode(in);
    }

    @Test
    @Tag("4.3d")
    void should_decode_the_chapters_three_payloads_sent_over_a_loopback_connection() throws Exception {
        DecoderChecks.chaptersThreePayloadsOverLoopback(D);
    }

    @Test
    @Tag("4.3d")
    void should_refuse_a_binary_header_that_claims_one_gibibyte() throws Exception {
        DecoderChecks.oneGibibyteClaim(D, Msg.BINARY);
    }

    @Test
    @Tag("4.3d")
    void should_refuse_a_string_header_that_claims_one_gibibyte() throws Exception {
        DecoderChecks.oneGibibyteClaim(D, Msg.STRING);
    }

    @Test
    @Tag("4.3d")
    void should_refuse_any_claim_over_the_limit_for_both_types() throws Exception {
        DecoderChecks.anyClaimOverTheLimit(D);
    }

    @Test
    @Tag("4.3d")
    void should_decode_the_chapters_frames_written_out_by_hand() throws Exception {
        DecoderChecks.goldenBytesDecode(D);
    }

    @Test
    @Tag("4.3d")
    void should_write_the_chapters_payloads_as_the_frames_written_out_by_hand() throws Exception {
        DecoderChecks.goldenBytesEncode(D);
    }

    @Test
    @Tag("4.3d")
    void should_decode_n_frames_with_n_calls_on_one_stream_and_leave_the_rest() throws Exception {
        DecoderChecks.nFramesWithNCallsOnOneStream(D);
    }

    @Test
    @Tag("4.3d")
    void should_take_exactly_each_frames_bytes_from_the_stream() throws Exception {
        DecoderChecks.readsEachByteOnceAndStopsAtTheNextFrame(D);
    }

    @Test
    @Tag("4.3d")
    void should_decode_values_that_arrive_in_any_cut_of_reads() throws Exception {
        DecoderChecks.anyChunking(D);
    }

    @Test
    @Tag("4.3d")
    void should_read_back_any_sequence_of_payloads_through_any_chunking() throws Exception {
        DecoderChecks.roundTripAnySequenceAnyChunking(D);
    }

    @Test
    @Tag("4.3d")
    void should_pass_values_of_limit_minus_one_and_limit_and_refuse_limit_plus_one() throws Exception {
        DecoderChecks.limitEdges(D);
    }

    @Test
    @Tag("4.3d")
    void should_fail_as_truncated_wherever_a_frame_is_cut() throws Exception {
        DecoderChecks.truncatedInputAlwaysFails(D);
    }

    @Test
    @Tag("4.3d")
    void should_say_how_many_value_bytes_were_expected_and_how_many_arrived() throws Exception {
        DecoderChecks.truncatedValueGivesTheCounts(D);
    }

    @Test
    @Tag("4.3d")
    void should_not_allocate_the_claimed_size_for_a_header_alone() throws Exception {
        DecoderChecks.allocatesWithTheBytesNotTheClaim(D);
    }

    @Test
    @Tag("4.3d")
    void should_refuse_malformed_utf8_and_go_on_with_the_next_frame() throws Exception {
        DecoderChecks.malformedTextThenTheNextFrame(D);
    }

    @Test
    @Tag("4.3d")
    void should_refuse_an_unknown_type_after_reading_only_its_byte() throws Exception {
        DecoderChecks.unknownType(D);
    }

    @Test
    @Tag("4.3d")
    void should_end_random_bytes_only_in_the_documented_exceptions() throws Exception {
        DecoderChecks.randomBytesOnlyDocumentedExceptions(D);
    }

    @Test
    @Tag("4.3d")
    void should_agree_with_an_independent_encoder_and_decoder_both_ways() throws Exception {
        DecoderChecks.conformsToAnIndependentCodec(D);
    }

    @Test
    @Tag("4.3d")
    void should_let_each_variant_read_its_own_type_byte() throws Exception {
        // GIVEN the chapter's frames, each starting with its type byte
        // WHEN each variant's readFrom reads its own frame
        var binary = ch04.tlv.faithful.Binary.readFrom(new ByteArrayInputStream(Golden.PANIC));
        var text = ch04.tlv.faithful.Text.readFrom(new ByteArrayInputStream(Golden.ERRORS));
        // THEN each gets its value (the faithful port reads type, length and value per variant)
        assertThat(new String(binary.value(), StandardCharsets.US_ASCII))
                .as("faithful Binary.readFrom on a whole binary frame (reread 4.3d)").isEqualTo("Don't panic.");
        assertThat(text.value()).as("faithful Text.readFrom on a whole string frame (reread 4.3d)")
                .isEqualTo("Errors are values.");
    }

    @Test
    @Tag("4.3d")
    void should_let_a_variant_refuse_another_variants_frame() {
        // GIVEN a string frame WHEN the binary variant reads it THEN it refuses type 2
        FrameTypeException e = Expect.thrown(FrameTypeException.class,
                "faithful Binary.readFrom on a string frame (reread 4.3d)",
                () -> ch04.tlv.faithful.Binary.readFrom(new ByteArrayInputStream(Golden.ERRORS)));
        assertThat(e.type()).as("type() when faithful Binary.readFrom meets a string frame: the byte it read (reread 4.3d)")
                .isEqualTo(2);
    }

    @Test
    @Tag("4.3d")
    void should_report_a_plain_end_of_stream_before_a_variants_frame() {
        // GIVEN an empty stream WHEN a variant reads THEN the end is a plain EOFException
        EOFException e = Expect.thrown(EOFException.class, "faithful Text.readFrom on an empty stream (reread 4.3d)",
                () -> ch04.tlv.faithful.Text.readFrom(new ByteArrayInputStream(new byte[0])));
        assertThat(e).as("the exception for an empty stream: no byte of a frame arrived, so a plain EOFException,"
                + " not a truncated frame (reread 4.3d)").isNotInstanceOf(TruncatedFrameException.class);
    }

    @Test
    @Tag("4.3d")
    void should_let_each_variant_refuse_a_type_byte_of_zero_instead_of_taking_it_for_the_end() {
        // GIVEN a frame whose type byte is 0
        byte[] frame = {0, 0, 0, 0, 1, 'x'};
        for (boolean binary : new boolean[] {true, false}) {
            // WHEN a variant's readFrom reads it
            String variant = binary ? "faithful Binary.readFrom" : "faithful Text.readFrom";
            FrameTypeException e = Expect.thrown(FrameTypeException.class, variant + " on a frame of type 0,"
                    + " a byte that arrived; only read() == -1 is the end of the stream",
                    () -> {
                        if (binary) {
                            ch04.tlv.faithful.Binary.readFrom(new ByteArrayInputStream(frame));
                        } else {
                            ch04.tlv.faithful.Text.readFrom(new ByteArrayInputStream(frame));
                        }
                    });
            // THEN the error names the type it read
            assertThat(e.type()).as("type() when %s meets a type byte of 0", variant).isZero();
        }
    }
}
