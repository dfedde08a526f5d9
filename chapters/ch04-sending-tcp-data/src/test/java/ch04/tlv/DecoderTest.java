package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4.3e: the refactored decode, which dispatches on the type byte it has read and never
 * puts it back.
 *
 * <p>The checks shared with the other design live in {@link DecoderChecks} and
 * {@link DecodedPayloadContract}.
 */
@Tag("4.3")
@Tag("4.3e") // for the tests inherited from DecodedPayloadContract
class DecoderTest implements DecodedPayloadContract {

    private static final Design D = Design.REFACTORED;

    @Override
    public Object decode(InputStream in) throws IOException {
        return Decoder.decode(in);
    }

    @Test
    @Tag("4.3e")
    void should_decode_the_chapters_three_payloads_sent_over_a_loopback_connection() throws Exception {
        DecoderChecks.chaptersThreePayloadsOverLoopback(D);
    }

    @Test
    @Tag("4.3e")
    void should_refuse_a_binary_header_that_claims_one_gibibyte() throws Exception {
        DecoderChecks.oneGibibyteClaim(D, Msg.BINARY);
    }

    @Test
    @Tag("4.3e")
    void should_refuse_a_string_header_that_claims_one_gibibyte() throws Exception {
        DecoderChecks.oneGibibyteClaim(D, Msg.STRING);
    }

    @Test
    @Tag("4.3e")
    void should_refuse_any_claim_over_the_limit_for_both_types() throws Exception {
        DecoderChecks.anyClaimOverTheLimit(D);
    }

    @Test
    @Tag("4.3e")
    void should_decode_the_chapters_frames_written_out_by_hand() throws Exception {
        DecoderChecks.goldenBytesDecode(D);
    }

    @Test
    @Tag("4.3e")
    void should_write_the_chapters_payloads_as_the_frames_written_out_by_hand() throws Exception {
        DecoderChecks.goldenBytesEncode(D);
    }

    @Test
    @Tag("4.3e")
    void should_decode_n_frames_with_n_calls_on_one_stream_and_leave_the_rest() throws Exception {
        DecoderChecks.nFramesWithNCallsOnOneStream(D);
    }

    @Test
    @Tag("4.3e")
    void should_take_exactly_each_frames_bytes_from_the_stream() throws Exception {
        DecoderChecks.readsEachByteOnceAndStopsAtTheNextFrame(D);
    }

    @Test
    @Tag("4.3e")
    void should_decode_values_that_arrive_in_any_cut_of_reads() throws Exception {
        DecoderChecks.anyChunking(D);
    }

    @Test
    @Tag("4.3e")
    void should_read_back_any_sequence_of_payloads_through_any_chunking() throws Exception {
        DecoderChecks.roundTripAnySequenceAnyChunking(D);
    }

    @Test
    @Tag("4.3e")
    void should_pass_values_of_limit_minus_one_and_limit_and_refuse_limit_plus_one() throws Exception {
        DecoderChecks.limitEdges(D);
    }

    @Test
    @Tag("4.3e")
    void should_fail_as_truncated_wherever_a_frame_is_cut() throws Exception {
        DecoderChecks.truncatedInputAlwaysFails(D);
    }

    @Test
    @Tag("4.3e")
    void should_say_how_many_value_bytes_were_expected_and_how_many_arrived() throws Exception {
        DecoderChecks.truncatedValueGivesTheCounts(D);
    }

    @Test
    @Tag("4.3e")
    void should_not_allocate_the_claimed_size_for_a_header_alone() throws Exception {
        DecoderChecks.allocatesWithTheBytesNotTheClaim(D);
    }

    @Test
    @Tag("4.3e")
    void should_refuse_malformed_utf8_and_go_on_with_the_next_frame() throws Exception {
        DecoderChecks.malformedTextThenTheNextFrame(D);
    }

    @Test
    @Tag("4.3e")
    void should_refuse_an_unknown_type_after_reading_only_its_byte() throws Exception {
        DecoderChecks.unknownType(D);
    }

    @Test
    @Tag("4.3e")
    void should_end_random_bytes_only_in_the_documented_exceptions() throws Exception {
        DecoderChecks.randomBytesOnlyDocumentedExceptions(D);
    }

    @Test
    @Tag("4.3e")
    void should_agree_with_an_independent_encoder_and_decoder_both_ways() throws Exception {
        DecoderChecks.conformsToAnIndependentCodec(D);
    }

    @Test
    @Tag("4.3e")
    void should_let_each_variant_read_a_body_that_has_no_type_byte() throws Exception {
        // GIVEN the chapter's frames without their type bytes, each followed by the next frame's bytes
        InputStream in = new CountingInputStream(new ByteArrayInputStream(Golden.concat(
                Arrays.copyOfRange(Golden.PANIC, 1, Golden.PANIC.length),
                Arrays.copyOfRange(Golden.ERRORS, 1, Golden.ERRORS.length), new byte[] {42})));
        // WHEN each variant reads its body
        Binary binary = Binary.readBody(in);
        Text text = Text.readBody(in);
        // THEN the values come back and only the bodies were read: no type byte is expected any more
        assertThat(new String(binary.value(), StandardCharsets.US_ASCII))
                .as("Binary.readBody on length + value (reread 4.3e: readBody reads no type byte)")
                .isEqualTo("Don't panic.");
        assertThat(text.value()).as("Text.readBody on length + value (reread 4.3e)").isEqualTo("Errors are values.");
        assertThat(in.read()).as("the byte after both bodies, 42, must be left in the stream (reread 4.3e)").isEqualTo(42);
    }

    @Test
    @Tag("4.3e")
    void should_check_the_limit_in_each_variants_body_reader() {
        // GIVEN a body claiming 1 GiB WHEN each variant reads it THEN both refuse it
        for (boolean binary : new boolean[] {true, false}) {
            byte[] body = Arrays.copyOfRange(IndependentCodec.header((byte) 0, 1L << 30), 1, 5);
            FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                    (binary ? "Binary" : "Text") + ".readBody of a 1 GiB claim (reread 4.3e)",
                    () -> {
                        if (binary) {
                            Binary.readBody(new ByteArrayInputStream(body));
                        } else {
                            Text.readBody(new ByteArrayInputStream(body));
                        }
                    });
            assertThat(e.claimed()).as("claimed() when %s.readBody refuses a 1 GiB claim (reread 4.3e)",
                    binary ? "Binary" : "Text").isEqualTo(1L << 30);
        }
    }
}
