package ch04.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** 4.2a: {@link WhiteSpace#isSpace}, Go's {@code unicode.IsSpace}. */
@Tag("4.2")
class WhiteSpaceTest {

    /** Unicode's White_Space property, as Go's unicode.IsSpace reports it; written out on purpose. */
    private static final Set<Integer> GO_SPACES = Set.of(
            0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680,
            0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
            0x2028, 0x2029, 0x202F, 0x205F, 0x3000);

    @Test
    @Tag("4.2a")
    void should_agree_with_gos_unicode_IsSpace_on_every_code_point() {
        // GIVEN every Unicode code point
        List<String> wrong = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            // WHEN classified
            boolean actual = WhiteSpace.isSpace(cp);
            // THEN it is a space exactly when Go says so
            if (actual != GO_SPACES.contains(cp)) {
                wrong.add(String.format("U+%04X %s (expected %s)", cp, actual, !actual));
            }
        }
        assertThat(wrong.subList(0, Math.min(20, wrong.size())))
                .as("code points classified unlike Go's unicode.IsSpace (%d of them, first 20 shown)",
                        wrong.size())
                .isEqualTo(wrong.subList(0, 0));
    }

    @Test
    @Tag("4.2a")
    void should_part_from_Character_isWhitespace_on_no_break_spaces_and_separators() {
        // GIVEN the code points where Java's and Go's rules disagree
        // WHEN classified THEN Go's rule wins
        assertThat(WhiteSpace.isSpace(0x00A0)).as("U+00A0 NO-BREAK SPACE is a space in Go").isTrue();
        assertThat(WhiteSpace.isSpace(0x202F)).as("U+202F NARROW NO-BREAK SPACE is a space in Go").isTrue();
        assertThat(WhiteSpace.isSpace(0x0085)).as("U+0085 NEXT LINE is a space in Go").isTrue();
        assertThat(WhiteSpace.isSpace(0x001C)).as("U+001C FILE SEPARATOR is not a space in Go").isFalse();
        assertThat(WhiteSpace.isSpace(0x200B)).as("U+200B ZERO WIDTH SPACE is not a space in Go").isFalse();
    }

    @Test
    @Tag("4.2a")
    void should_say_no_for_values_that_are_not_code_points() {
        assertThat(WhiteSpace.isSpace(-1)).as("isSpace(-1), the value a reader returns at EOF").isFalse();
        assertThat(WhiteSpace.isSpace(Character.MAX_CODE_POINT + 1)).as("isSpace(0x110000)").isFalse();
        assertThat(WhiteSpace.isSpace(0x20 + 0x10000)).as("isSpace(0x10020)").isFalse();
    }
}
