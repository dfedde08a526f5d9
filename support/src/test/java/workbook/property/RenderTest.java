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
        assertThat(Render.value("\uD83D\uDE00")).isEqualTo("\"\\uD83D\\uDE00\"");
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
    }
}
