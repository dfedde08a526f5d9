package workbook.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlphabetTest {
    @Test
    @DisplayName("GO_WHITESPACE is exactly Go's unicode.IsSpace set, 25 code points")
    void should_match_go_is_space() {
        int[] go = {'\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680,
            0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
            0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
        assertThat(Alphabet.GO_WHITESPACE.size()).isEqualTo(go.length);
        assertThat(IntStream.of(go).boxed()).allMatch(Alphabet.GO_WHITESPACE::contains);
    }

    @Test
    @DisplayName("GO_WHITESPACE is not Java's Character.isWhitespace: U+0085 and the three no-break spaces differ")
    void should_differ_from_character_is_whitespace() {
        int[] goOnly = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(cp -> Alphabet.GO_WHITESPACE.contains(cp) && !Character.isWhitespace(cp))
                .toArray();
        int[] javaOnly = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(cp -> Character.isWhitespace(cp) && !Alphabet.GO_WHITESPACE.contains(cp))
                .toArray();
        assertThat(goOnly).containsExactly(0x85, 0xA0, 0x2007, 0x202F);
        assertThat(javaOnly).as("the information separators U+001C to U+001F").containsExactly(0x1C, 0x1D, 0x1E, 0x1F);
    }

    @Test
    @DisplayName("UNICODE holds every scalar value and no surrogate; ASCII holds printables and common controls")
    void should_define_unicode_and_ascii() {
        assertThat(Alphabet.UNICODE.size()).isEqualTo(0x110000 - 0x800);
        assertThat(Alphabet.UNICODE.contains(0xD800)).isFalse();
        assertThat(Alphabet.UNICODE.contains(0x10FFFF)).isTrue();
        assertThat(Alphabet.ASCII.size()).isEqualTo(95 + 5);
        assertThat(Alphabet.ASCII.contains('\t')).isTrue();
        assertThat(Alphabet.ASCII.contains(0x7F)).isFalse();
    }

    @Test
    @DisplayName("of, range, union and minus build sets")
    void should_combine_sets() {
        Alphabet digits = Alphabet.range('0', '9');
        assertThat(digits.size()).isEqualTo(10);
        assertThat(digits.union(Alphabet.of("ab")).size()).isEqualTo(12);
        assertThat(digits.minus(Alphabet.of("05")).size()).isEqualTo(8);
        assertThat(Alphabet.of("aa\uD83D\uDE00").size()).isEqualTo(2);
        assertThat(Alphabet.of("abc").minus(Alphabet.of("abc")).size()).isZero();
        assertThat(digits.toString()).isEqualTo("Alphabet[U+0030–U+0039]");
        assertThatThrownBy(() -> Alphabet.range(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.strings(Alphabet.of(""), 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
