package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbook.fixtures.CountingOutputStream;
import workbook.fixtures.Thrown;
import workbook.property.Alphabet;
import workbook.property.Gen;

/** Exercise 4.3c: the string payload's contract, strict UTF-8 both ways. */
@Tag("4.3")
class Utf8Test {

    @Test
    @Tag("4.3c")
    void should_encode_and_decode_any_text_as_utf8() {
        forAll(Gen.strings(Alphabet.UNICODE, 0, 200)).labels("text").tries(200).check(text -> {
            byte[] bytes = Utf8.encode(text);
            assertThat(bytes).as("Utf8.encode of a %d-char text: expected the JDK's UTF-8 bytes", text.length())
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(Utf8.decode(bytes)).as("Utf8.decode(Utf8.encode(text)): expected the text back").isEqualTo(text);
        });
    }

    @ParameterizedTest(name = "{0}: {1} fails at offset {2}")
    @CsvSource({
        "a stray continuation byte,    61 80 62,    1",
        "an overlong slash,            c0 af,       0",
        "an encoded surrogate,         ed a0 80,    0",
        "a code point above U+10FFFF,  f4 90 80 80, 0",
        "a sequence cut short,         61 62 e2 82, 2",
        "a byte UTF-8 never uses,      ff,          0",
        "a lead byte before ASCII,     61 62 c3 28, 2",
    })
    @Tag("4.3c")
    void should_refuse_malformed_utf8_instead_of_replacing_it(String what, String hex, int offset) {
        // GIVEN bytes that are not UTF-8
        byte[] bytes = Golden.hex(hex);
        // WHEN decoded
        Throwable thrown = Thrown.by(() -> Utf8.decode(bytes));
        // THEN a MalformedTextException says where; new String(bytes, UTF_8) would silently put U+FFFD there
        assertThat(thrown).as("Utf8.decode of %s (%s): expected a MalformedTextException, no silent U+FFFD", what, hex)
                .isInstanceOf(MalformedTextException.class);
        assertThat(((MalformedTextException) thrown).offset()).as("offset() of %s in %s", what, hex).isEqualTo(offset);
    }

    @ParameterizedTest(name = "{0}: {1} spans 1 byte at offset {2}")
    @CsvSource({
        "a stray continuation byte,    61 80 62,    1",
        "a byte UTF-8 never uses,      61 ff,       1",
    })
    @Tag("4.3c")
    void should_say_how_many_bytes_the_malformed_sequence_spans(String what, String hex, int offset) {
        // GIVEN a value with one byte that no sequence of UTF-8 can hold
        byte[] bytes = Golden.hex(hex);
        // WHEN decoded
        Throwable thrown = Thrown.by(() -> Utf8.decode(bytes));
        // THEN the exception says where the bad sequence starts and that it is 1 byte long
        assertThat(thrown).as("Utf8.decode of %s (%s): expected a MalformedTextException", what, hex)
                .isInstanceOf(MalformedTextException.class);
        var e = (MalformedTextException) thrown;
        assertThat(e.offset()).as("offset() of %s in %s", what, hex).isEqualTo(offset);
        assertThat(e.length()).as("length() of %s in %s: expected 1, the one byte that cannot be UTF-8", what, hex)
                .isEqualTo(1);
    }

    @Test
    @Tag("4.3c")
    void should_keep_a_replacement_character_that_was_really_sent() throws Exception {
        // GIVEN text holding U+FFFD itself, which is valid and encodes as ef bf bd
        String text = "a\uFFFDb";
        // WHEN encoded and decoded THEN it survives: only malformed bytes are errors
        assertThat(Utf8.encode(text)).as("Utf8.encode of a, U+FFFD, b").isEqualTo(Golden.hex("61 ef bf bd 62"));
        assertThat(Utf8.decode(Golden.hex("61 ef bf bd 62"))).as("Utf8.decode of 61 ef bf bd 62: a U+FFFD that was"
                + " really sent is text, not an error").isEqualTo(text);
    }

    @Test
    @Tag("4.3c")
    void should_refuse_to_encode_an_unpaired_surrogate() {
        // GIVEN a string with a lone high surrogate at index 2: it has no UTF-8 form
        String text = "ab\uD83Dc";
        // WHEN encoded THEN it is refused, naming the index, instead of being written as '?'
        Throwable thrown = Thrown.by(() -> Utf8.encode(text));
        assertThat(thrown).as("Utf8.encode of a text with a lone surrogate at index 2: expected an"
                + " IllegalArgumentException; getBytes(UTF_8) would write '?'").isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).as("the message: it must name the index of the lone surrogate, 2").contains("2");
        for (String bad : List.of("\uDC00", "x\uD800", "\uDE00\uD83D")) {
            List<String> units = bad.chars().mapToObj(c -> String.format("U+%04X", c)).toList();
            assertThat(Thrown.by(() -> Utf8.encode(bad))).as("Utf8.encode of %s, which holds a lone surrogate", units)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Tag("4.3c")
    void should_count_the_limit_in_bytes_not_in_characters() {
        // GIVEN a text of euro signs: fewer characters than the limit, more UTF-8 bytes than it (3 each)
        String euros = "\u20AC".repeat(Frame.MAX_PAYLOAD_SIZE / 3 + 1);
        var out = new CountingOutputStream();
        // WHEN written as a string payload (Text.writeTo calls your Utf8.encode, then Frame.write)
        Throwable thrown = Thrown.by(() -> new Text(euros).writeTo(out));
        // THEN the writer refuses it, nothing written
        assertThat(thrown).as("writing %d euro signs, %d UTF-8 bytes: expected a FrameTooLargeException",
                euros.length(), 3L * euros.length()).isInstanceOf(FrameTooLargeException.class);
        assertThat(((FrameTooLargeException) thrown).claimed()).as("claimed(): the UTF-8 bytes, 3 per euro sign, not"
                + " the %d chars", euros.length()).isEqualTo(3L * euros.length());
        assertThat(out.bytes()).as("bytes written before refusing: check the limit before the first write").isZero();
    }
}
