package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a decoder must give back besides the value, for both designs: the payload's own
 * {@code type()} and {@code bytes()} (Go's {@code Bytes()}), and a type byte of 0 read as a type,
 * never as the end of the stream.
 *
 * <p>{@code FaithfulDecoderTest} (4.3d) and {@code DecoderTest} (4.3e) implement it; the class
 * carries the exercise tag, so each inherited test reports under its design's exercise.
 */
interface DecodedPayloadContract {

    /** One call of this design's {@code decode}: a {@code Binary} or a {@code Text} of the design. */
    Object decode(InputStream in) throws IOException;

    /** The payload's {@code type()}. */
    private static byte typeOf(Object payload) {
        return switch (payload) {
            case ch04.tlv.Payload p -> p.type();
            case ch04.tlv.faithful.Payload p -> p.type();
            default -> throw new AssertionError("decode returned " + payload + ", which is no payload");
        };
    }

    /** The payload's {@code bytes()}. */
    private static byte[] bytesOf(Object payload) {
        return switch (payload) {
            case ch04.tlv.Payload p -> p.bytes();
            case ch04.tlv.faithful.Payload p -> p.bytes();
            default -> throw new AssertionError("decode returned " + payload + ", which is no payload");
        };
    }

    @Test
    default void should_give_a_decoded_binary_payload_type_1_and_its_value_as_bytes() throws IOException {
        // GIVEN the chapter's binary frame "Don't panic."
        // WHEN decoded
        Object payload = decode(new ByteArrayInputStream(Golden.PANIC));
        // THEN the payload says what it is and hands out its value, a fresh copy each time
        byte[] value = "Don't panic.".getBytes(StandardCharsets.US_ASCII);
        assertThat(typeOf(payload)).as("type() of the payload decoded from a binary frame: expected"
                + " Frame.BINARY_TYPE, 1, the byte writeTo puts first").isEqualTo(Frame.BINARY_TYPE);
        byte[] bytes = bytesOf(payload);
        assertThat(bytes).as("bytes() of the payload decoded from binary \"Don't panic.\": expected its 12 bytes")
                .isEqualTo(value);
        bytes[0] = 'X';
        assertThat(bytesOf(payload)).as("bytes() after the caller changed the array the last call returned:"
                + " expected the payload unchanged, since bytes() gives a new array each call").isEqualTo(value);
    }

    @Test
    default void should_give_a_decoded_string_payload_type_2_and_its_text_as_utf8_bytes() throws IOException {
        // GIVEN the chapter's string frame "Errors are values."
        // WHEN decoded
        Object payload = decode(new ByteArrayInputStream(Golden.ERRORS));
        // THEN its type is the string type and its bytes are the text's UTF-8, as on the wire
        assertThat(typeOf(payload)).as("type() of the payload decoded from a string frame: expected"
                + " Frame.STRING_TYPE, 2, the byte writeTo puts first").isEqualTo(Frame.STRING_TYPE);
        assertThat(bytesOf(payload)).as("bytes() of the payload decoded from string \"Errors are values.\":"
                + " expected the text's 18 UTF-8 bytes, the value as it went on the wire")
                .isEqualTo("Errors are values.".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    default void should_read_a_type_byte_of_zero_as_an_unknown_type_and_not_as_the_end() throws IOException {
        // GIVEN a frame of type 0: a byte that arrived, so the stream has not ended
        byte[] frame = {0, 0, 0, 0, 1, 'x'};
        InputStream in = new ByteArrayInputStream(frame);
        // WHEN decoded
        Throwable thrown = workbook.fixtures.Thrown.by(() -> decode(in));
        // THEN it is an unknown type, 0, and only the type byte was read; read() returns 0 for a byte 0
        // and -1 only at the end
        assertThat(thrown).as("decoding a frame whose type byte is 0: expected a FrameTypeException naming type 0,"
                + " got %s; only read() == -1 is the end of the stream", thrown)
                .isInstanceOf(FrameTypeException.class);
        assertThat(((FrameTypeException) thrown).type()).as("type() of the FrameTypeException for type byte 0")
                .isZero();
        assertThat(in.available()).as("bytes left of the 6-byte frame after its unknown type byte: expected 5,"
                + " only the type byte read").isEqualTo(frame.length - 1);
    }
}
