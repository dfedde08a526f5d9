package workbook.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RenderTest {
    @Test
    @DisplayName("a byte[] shows its length and at most 32 bytes in hex")
    void should_render_bytes() {
        assertThat(Render.value(new byte[0])).isEqualTo("byte[0]");
        assertThat(Render.value(new byte[] {0, 1, (byte) 0xFF})).isEqualTo("byte[3] 00 01 ff");
        byte[] big = new byte[4096];
        String text = Render.value(big);
        assertThat(text).startsWith("byte[4096] 00 00").endsWith(" …");
        assertThat(text.split(" ")).hasSize(1 + 32 + 1);
    }

    @Test
    @DisplayName("a long list shows its first ten items and how many more")
    void should_summarise_long_lists() {
        assertThat(Render.value(List.of(1, 2, 3))).isEqualTo("[1, 2, 3]");
        assertThat(Render.value(IntStream.range(0, 100).boxed().toList()))
                .isEqualTo("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … (90 more)]");
    }

    @Test
    @DisplayName("strings are quoted; controls, white space and non-ASCII are escaped")
    void should_escape_strings() {
        assertThat(Render.value("a b")).isEqualTo("\"a b\"");
        assertThat(Render.value("\t\n\r\"\\")).isEqualTo("\"\\t\\n\\r\\\"\\\\\"");
        assertThat(Render.value("\u00A0\u0000\u2028é")).isEqualTo("\"\\u00A0\\u0000\\u2028\\u00E9\"");
    }

    @Test
    @DisplayName("a code point above U+FFFF is escaped whole as \\u{…}; an unpaired surrogate stays \\uD800")
    void should_escape_whole_code_points() {
        assertThat(Render.value("\uD800\uDC00")).isEqualTo("\"\\u{10000}\"");
        assertThat(Render.value("a\uD83D\uDE00b")).isEqualTo("\"a\\u{1F600}b\"");
        assertThat(Render.value(new String(Character.toChars(0x10FFFF)))).isEqualTo("\"\\u{10FFFF}\"");
        assertThat(Render.value("\uD800")).isEqualTo("\"\\uD800\"");
        assertThat(Render.value("\uDC00\uD800")).isEqualTo("\"\\uDC00\\uD800\"");   // reversed halves: two lone surrogates
        assertThat(Render.value("\uD800x")).isEqualTo("\"\\uD800x\"");
        assertThat(Render.value("x\uDE00")).isEqualTo("\"x\\uDE00\"");
        // a literal backslash-u-brace in the text cannot pass for an escape
        assertThat(Render.value("\\u{10000}")).isEqualTo("\"\\\\u{10000}\"");
        assertThat(Rendering.quoted("\u0085")).isEqualTo("\"\\u0085\"");
    }

    record Header(int length, String name) {
    }

    private record Frame(Header header, byte[] payload, List<String> tags) {
    }

    @Test
    @DisplayName("records render as Name[field=value, …], recursively, even when private")
    void should_render_records() {
        Frame frame = new Frame(new Header(2, "hi\n"), new byte[] {1, 2}, List.of("x"));
        assertThat(Render.value(frame))
                .isEqualTo("Frame[header=Header[length=2, name=\"hi\\n\"], payload=byte[2] 01 02, tags=[\"x\"]]");
    }

    @Test
    @DisplayName("other arrays, maps, null and plain objects render readably")
    void should_render_the_rest() {
        assertThat(Render.value(new int[] {1, 2})).isEqualTo("int[2] {1, 2}");
        assertThat(Render.value(java.util.Map.of("k", 1))).isEqualTo("{\"k\"=1}");
        assertThat(Render.value(null)).isEqualTo("null");
        assertThat(Render.value('\n')).isEqualTo("'\\n'");
        assertThat(Render.value(42L)).isEqualTo("42");
        assertThat(Render.value('\'')).isEqualTo("'\\''");
        assertThat(Render.value('\uD800')).isEqualTo("'\\uD800'");
    }

    @Test
    @DisplayName("arrays of any type render their elements by the same rules, nested arrays in Java's order")
    void should_render_arrays_of_any_type() {
        assertThat(Render.value(new Object[] {new byte[] {0}, 4})).isEqualTo("Object[2] {byte[1] 00, 4}");
        assertThat(Render.value(new String[] {"a\u00A0", null})).isEqualTo("String[2] {\"a\\u00A0\", null}");
        assertThat(Render.value(new char[] {'a', '\n'})).isEqualTo("char[2] {'a', '\\n'}");
        assertThat(Render.value(new long[0])).isEqualTo("long[0] {}");
        assertThat(Render.value(new boolean[] {true})).isEqualTo("boolean[1] {true}");
        assertThat(Render.value(new double[] {0.5})).isEqualTo("double[1] {0.5}");
        assertThat(Render.value(new byte[][] {{1}, {}})).isEqualTo("byte[2][] {byte[1] 01, byte[0]}");
        assertThat(Render.value(new int[][][] {{{7}}})).isEqualTo("int[1][][] {int[1][] {int[1] {7}}}");
        assertThat(Render.value(new Header[] {new Header(1, "\t")})).isEqualTo("Header[1] {Header[length=1, name=\"\\t\"]}");
        assertThat(Render.value(new List<?>[] {List.of("\u2028")})).isEqualTo("List[1] {[\"\\u2028\"]}");
        assertThat(Render.value(IntStream.range(0, 12).toArray())).isEqualTo("int[12] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … (2 more)}");
        assertThat(Render.value(new Object[] {new Object[] {"\uD83D\uDE00"}})).isEqualTo("Object[1] {Object[1] {\"\\u{1F600}\"}}");
    }
}
