package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;

/**
 * Exercise 4.3d: the faithful port of the chapter's decode (Listing 4-9), which puts the type
 * byte back. It must do all that {@link DecoderContract} asks; the tests here check what only
 * this design has, each variant's {@code readFrom}.
 */
@Tag("4.3")
@Tag("4.3d")
class FaithfulDecoderTest implements DecoderContract {

    @Override
    public Payload decode(InputStream in) throws IOException {
        return ch04.tlv.faithful.Decoder.decode(in);
    }

    @Test
    void should_let_each_variant_read_its_own_type_byte() throws Exception {
        // GIVEN the chapter's frames, each starting with its type byte
        // WHEN each variant's readFrom reads its own frame
        Binary binary = Binary.readFrom(new ByteArrayInputStream(Golden.PANIC));
        Text text = Text.readFrom(new ByteArrayInputStream(Golden.ERRORS));
        // THEN each gets its value: in the faithful port a variant reads type, length and value
        assertThat(new String(binary.value(), StandardCharsets.US_ASCII))
                .as("Binary.readFrom on a whole binary frame, type byte included").isEqualTo("Don't panic.");
        assertThat(text.value()).as("Text.readFrom on a whole string frame, type byte included")
                .isEqualTo("Errors are values.");
    }

    @Test
    void should_let_a_variant_refuse_a_frame_of_another_type() {
        // GIVEN frames of the other variant's type, and of type 0, a byte that arrived and not the end
        record Case(String variant, byte[] frame, int type) {
        }
        for (Case c : new Case[] {
                new Case("Binary.readFrom", Golden.ERRORS, 2), new Case("Text.readFrom", Golden.PANIC, 1),
                new Case("Binary.readFrom", new byte[] {0, 0, 0, 0, 1, 'x'}, 0),
                new Case("Text.readFrom", new byte[] {0, 0, 0, 0, 1, 'x'}, 0)}) {
            // WHEN the variant reads it
            Throwable thrown = Thrown.by(() -> {
                if (c.variant().startsWith("Binary")) {
                    Binary.readFrom(new ByteArrayInputStream(c.frame()));
                } else {
                    Text.readFrom(new ByteArrayInputStream(c.frame()));
                }
            });
            // THEN it refuses the frame, naming the type byte it read
            assertThat(thrown).as("%s on a frame of type %d: expected a FrameTypeException; only read() == -1 is"
                    + " the end of the stream", c.variant(), c.type()).isInstanceOf(FrameTypeException.class);
            assertThat(((FrameTypeException) thrown).type()).as("type() when %s meets a frame of type %d",
                    c.variant(), c.type()).isEqualTo(c.type());
        }
    }

    @Test
    void should_report_a_plain_end_of_stream_before_a_variants_frame() {
        // GIVEN an empty stream WHEN each variant reads THEN the end is a plain EOFException
        Throwable binary = Thrown.by(() -> Binary.readFrom(new ByteArrayInputStream(new byte[0])));
        Throwable text = Thrown.by(() -> Text.readFrom(new ByteArrayInputStream(new byte[0])));
        assertThat(binary).as("Binary.readFrom on an empty stream: no byte of a frame arrived, so expected a plain"
                + " EOFException, not a truncated frame").isExactlyInstanceOf(EOFException.class);
        assertThat(text).as("Text.readFrom on an empty stream: no byte of a frame arrived, so expected a plain"
                + " EOFException, not a truncated frame").isExactlyInstanceOf(EOFException.class);
    }
}
