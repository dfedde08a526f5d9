package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The representation applied directly: support registers no AssertJ configuration of its own. */
class WorkbookRepresentationTest {
    private final WorkbookRepresentation representation = new WorkbookRepresentation();

    @Test
    @DisplayName("strings show the kit's escapes: an invisible NEL reads \\u0085")
    void should_escape_strings_like_the_kit() {
        assertThat(representation.toStringOf("\u0085")).isEqualTo("\"\\u0085\"");
        assertThat(representation.toStringOf("a b\tc\u00A0\n")).isEqualTo("\"a b\\tc\\u00A0\\n\"");
        assertThat(representation.toStringOf("\uD83D\uDE00")).isEqualTo("\"\\u{1F600}\"");
        assertThat(representation.toStringOf(new StringBuilder("x\u2028"))).isEqualTo("\"x\\u2028\"");
        assertThat(representation.toStringOf('\u0085')).isEqualTo("'\\u0085'");
        assertThat(representation.toStringOf(List.of("\u000B", "ok"))).isEqualTo("[\"\\u000B\", \"ok\"]");
    }

    @Test
    @DisplayName("byte[] shows in hex with the kit's truncation, alone and inside other values")
    void should_show_bytes_in_hex() {
        assertThat(representation.toStringOf(new byte[] {0, 1, 2, 3, 4})).isEqualTo("byte[5] 00 01 02 03 04");
        assertThat(representation.toStringOf(new byte[0])).isEqualTo("byte[0]");
        assertThat(representation.toStringOf(new byte[100])).startsWith("byte[100] 00 00").endsWith(" …");
        assertThat(representation.toStringOf(List.of(new byte[] {(byte) 0xFF}))).isEqualTo("[byte[1] ff]");
        assertThat(representation.toStringOf(new Object[] {new byte[] {12}, "\u0085"})).isEqualTo("[byte[1] 0c, \"\\u0085\"]");
        assertThat(representation.toStringOf(new int[] {1, 2})).isEqualTo("[1, 2]"); // other arrays: AssertJ's own
    }

    @Test
    @DisplayName("a student's word U+0085 is visible in AssertJ's message, not an empty-looking \"\"")
    void should_make_an_invisible_character_visible_in_a_failure() {
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThat("\u0085").withRepresentation(representation).isNull());
        assertThat(error.getMessage()).contains("\"\\u0085\"");
        System.out.println("--- isNull on U+0085 ---\n" + error.getMessage() + "\n---");
    }

    @Test
    @DisplayName("byte arrays that differ show in hex; when the first 32 bytes match, every byte shows")
    void should_show_differing_payloads_in_hex() {
        AssertionError small = catchThrowableOfType(AssertionError.class,
                () -> assertThat(new byte[] {1, 0, 0, 0, 12, 68}).withRepresentation(representation).isEqualTo(new byte[] {1, 0, 0, 0, 12}));
        assertThat(small.getMessage()).contains("byte[6] 01 00 00 00 0c 44").contains("byte[5] 01 00 00 00 0c");
        System.out.println("--- isEqualTo on two byte[] ---\n" + small.getMessage() + "\n---");

        byte[] expected = new byte[40];
        byte[] actual = new byte[40];
        actual[39] = 0x7F;
        AssertionError late = catchThrowableOfType(AssertionError.class,
                () -> assertThat(actual).withRepresentation(representation).isEqualTo(expected));
        assertThat(late.getMessage()).contains(" 00 7f").doesNotContain("@");
    }

    @Test
    @DisplayName("isEqualTo on two strings still carries expected and actual for the IDE's diff")
    void should_keep_expected_and_actual_for_the_ide_diff() {
        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                () -> assertThat("a\u0085b").withRepresentation(representation).isEqualTo("a b"));
        assertThat(error.isExpectedDefined()).isTrue();
        assertThat(error.isActualDefined()).isTrue();
        // AssertJ hands the IDE the representation of each value, as it always has (StandardRepresentation
        // gives "\"a b\""); with this one the NEL shows in the diff instead of vanishing
        assertThat(error.getExpected().getValue()).isEqualTo("\"a b\"");
        assertThat(error.getActual().getValue()).isEqualTo("\"a\\u0085b\"");
        AssertionFailedError standard = catchThrowableOfType(AssertionFailedError.class,
                () -> assertThat("a\u0085b").withRepresentation(new StandardRepresentation()).isEqualTo("a b"));
        assertThat(standard.getExpected().getValue()).isEqualTo("\"a b\"");
        System.out.println("--- isEqualTo on two strings ---\n" + error.getMessage() + "\n---");
    }

    @Test
    @DisplayName("the configuration a chapter registers hands AssertJ this representation")
    void should_be_the_configured_representation() {
        assertThat(new WorkbookAssertjConfiguration().representation()).isInstanceOf(WorkbookRepresentation.class);
    }
}
