package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
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
            assertThat(bytes).as("Utf8.encode of a %d-char text, against the JDK's UTF-8 bytes (reread 4.3c)",
                    text.length()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(Utf8.decode(bytes)).as("Utf8.decode(Utf8.encode(text)) must give the text back (reread 4.3c)")
                    .isEqualTo(text);
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
        // WHEN decoded THEN a MalformedTextException says where; new String(bytes, UTF_8) would
        // silently put U+FFFD there
        MalformedTextException e = Expect.thrown(MalformedTextException.class,
                "Utf8.decode of " + what + " (" + hex + "): no silent U+FFFD (reread 4.3c)", () -> Utf8.decode(bytes));
        assertThat(e.offset()).as("offset() of %s (reread 4.3c)", what).isEqualTo(offset);
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
        // WHEN decoded THEN the exception says where the bad sequence starts and that it is 1 byte long
        MalformedTextException e = Expect.thrown(MalformedTextException.class,
                "Utf8.decode of " + what + " (" + hex + ")", () -> Utf8.decode(bytes));
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
        assertThat(Utf8.encode(text)).as("Utf8.encode of a, U+FFFD, b (reread 4.3c)")
                .isEqualTo(Golden.hex("61 ef bf bd 62"));
        assertThat(Utf8.decode(Golden.hex("61 ef bf bd 62"))).as("Utf8.decode of 61 ef bf bd 62 (reread 4.3c)")
                .isEqualTo(text);
    }

    @Test
    @Tag("4.3c")
    void should_refuse_to_encode_an_unpaired_surrogate() {
        // GIVEN a string with a lone high surrogate at index 2: it has no UTF-8 form
        String text = "ab\uD83Dc";
        // WHEN encoded THEN it is refused, naming the index, instead of being written as '?'
        IllegalArgumentException e = Expect.thrown(IllegalArgumentException.class,
                "Utf8.encode of a lone surrogate: getBytes(UTF_8) would write '?' (reread 4.3c)", () -> Utf8.encode(text));
        assertThat(e.getMessage()).as("getMessage() must name the index of the lone surrogate, 2 (reread 4.3c)")
                .contains("2");
        for (String bad : new String[] {"\uDC00", "x\uD800", "\uDE00\uD83D"}) {
            Expect.thrown(IllegalArgumentException.class, "Utf8.encode of a lone surrogate in "
                    + bad.chars().mapToObj(c -> String.format("U+%04X", c)).toList() + " (reread 4.3c)",
                    () -> Utf8.encode(bad));
        }
    }

    @Test
    @Tag("4.3c")
    void should_count_the_limit_in_bytes_not_in_characters() {
        // GIVEN a text of 3495254 euro signs: fewer characters than the limit, 10485762 UTF-8 bytes
        String euros = "\u20AC".repeat((10 << 20) / 3 + 1);
        var out = new ByteArrayOutputStream();
        // WHEN written as a string payload THEN the writer refuses it, nothing written
        FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                "writing 3495254 three-byte characters (reread 4.3c and 4.3a)", () -> new Text(euros).writeTo(out));
        assertThat(e.claimed()).as("claimed(): the UTF-8 bytes, 3 per euro sign, not the %d chars (reread 4.3c)",
                euros.length()).isEqualTo(3L * euros.length());
        assertThat(out.size()).as("bytes written before refusing: check the limit before the first write (reread 4.3a)")
                .isZero();
    }
}
