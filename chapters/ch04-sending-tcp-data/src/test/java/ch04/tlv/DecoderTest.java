package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.CountingInputStream;
import workbook.fixtures.Thrown;

/**
 * Exercise 4.3e: the refactored decode, which dispatches on the type byte it has read and never
 * puts it back. It must do all that {@link DecoderContract} asks; the tests here check what only
 * this design has, {@code readBody}.
 */
@Tag("4.3")
@Tag("4.3e")
class DecoderTest implements DecoderContract {

    @Override
    public Payload decode(InputStream in) throws IOException {
        return Decoder.decode(in);
    }

    @Test
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
                .as("Binary.readBody on a length field and a value, without a type byte").isEqualTo("Don't panic.");
        assertThat(text.value()).as("Text.readBody on a length field and a value, without a type byte")
                .isEqualTo("Errors are values.");
        assertThat(in.read()).as("the byte after both bodies, 42: expected it left in the stream").isEqualTo(42);
    }

    @Test
    void should_check_the_limit_in_each_variants_body_reader() {
        // GIVEN a body claiming 1 GiB
        byte[] body = Arrays.copyOfRange(IndependentCodec.header(Msg.BINARY, 1L << 30), 1, 5);
        // WHEN each variant reads it
        Throwable binary = Thrown.by(() -> Binary.readBody(new ByteArrayInputStream(body)));
        Throwable text = Thrown.by(() -> Text.readBody(new ByteArrayInputStream(body)));
        // THEN both refuse it with the claim
        assertThat(binary).as("Binary.readBody of a body that claims 1073741824 bytes: expected a"
                + " FrameTooLargeException").isInstanceOf(FrameTooLargeException.class);
        assertThat(((FrameTooLargeException) binary).claimed()).as("claimed() when Binary.readBody refuses a"
                + " 1 GiB claim").isEqualTo(1L << 30);
        assertThat(text).as("Text.readBody of a body that claims 1073741824 bytes: expected a"
                + " FrameTooLargeException").isInstanceOf(FrameTooLargeException.class);
        assertThat(((FrameTooLargeException) text).claimed()).as("claimed() when Text.readBody refuses a"
                + " 1 GiB claim").isEqualTo(1L << 30);
    }
}
