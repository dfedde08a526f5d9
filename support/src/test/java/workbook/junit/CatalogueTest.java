package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

public class CatalogueTest {

    public static Catalogue parse(String text) throws IOException {
        return Catalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static final String TWO_SECTIONS = """
            # comment
            [9.1a]
            section: 9.1 First
            title: Do the first thing
            file: x/First.java
            read: exercises.md#91a-do-the-first-thing
            hint: Start small.
            hint: Then grow.

            [9.1b]
            section: 9.1 First
            title: Do the second thing
            file: x/First.java
            read: exercises.md#91b-do-the-second-thing

            [9.2a]
            section: 9.2 Second
            title: Another
            file: x/Second.java
            read: exercises.md#92a-another
            """;

    @Test
    void should_keep_the_exercises_in_file_order_with_their_hints_and_sections() throws IOException {
        Catalogue catalogue = parse(TWO_SECTIONS);

        assertThat(catalogue.exercises()).extracting(Catalogue.Exercise::id).containsExactly("9.1a", "9.1b", "9.2a");
        assertThat(catalogue.exercise("9.1a").orElseThrow().hints()).containsExactly("Start small.", "Then grow.");
        assertThat(catalogue.exercise("9.1b").orElseThrow().sectionId()).isEqualTo("9.1");
        assertThat(catalogue.sections()).containsExactly(
                java.util.Map.entry("9.1", "9.1 First"), java.util.Map.entry("9.2", "9.2 Second"));
    }

    static final String NEEDS = """
            [9.1a]
            section: 9.1 First
            title: A
            file: x/A.java
            read: exercises.md#91a-a
            [9.1b]
            section: 9.1 First
            title: B
            file: x/B.java
            read: exercises.md#91b-b
            [9.1c]
            section: 9.1 First
            title: C
            file: x/C.java
            read: exercises.md#91c-c
            needs: 9.1a
            [9.1d]
            section: 9.1 First
            title: D
            file: x/D.java
            read: exercises.md#91d-d
            needs: 9.1a, 9.1b, 9.1c
            [9.2a]
            section: 9.2 Second
            title: E
            file: x/E.java
            read: exercises.md#92a-e
            needs: 9.1c, 9.1d, 9.1a
            """;

    @Test
    void should_read_the_prerequisites_and_write_runs_of_them_short() throws IOException {
        Catalogue catalogue = parse(NEEDS);

        assertThat(catalogue.exercise("9.1a").orElseThrow().needs()).isEmpty();
        assertThat(catalogue.exercise("9.1d").orElseThrow().needs()).containsExactly("9.1a", "9.1b", "9.1c");
        assertThat(catalogue.ranges(catalogue.exercise("9.1d").orElseThrow().needs())).isEqualTo("9.1a-9.1c");
        assertThat(catalogue.ranges(catalogue.exercise("9.2a").orElseThrow().needs())).isEqualTo("9.1a, 9.1c, 9.1d");
        assertThat(catalogue.ranges(java.util.List.of("9.1a", "9.1b", "9.1d", "9.2a"))).isEqualTo("9.1a, 9.1b, 9.1d, 9.2a");
        assertThat(catalogue.ranges(java.util.List.of("9.1a", "9.1b", "9.1c", "9.2a"))).isEqualTo("9.1a-9.1c, 9.2a");
    }

    @Test
    void should_refuse_a_prerequisite_that_is_unknown_later_or_itself() {
        assertThatThrownBy(() -> parse(NEEDS.replace("needs: 9.1a\n", "needs: 9.1z\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9.1c needs 9.1z, which is not an exercise");
        assertThatThrownBy(() -> parse(NEEDS.replace("needs: 9.1a\n", "needs: 9.1d\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9.1c needs 9.1d, which does not come before it");
        assertThatThrownBy(() -> parse(NEEDS.replace("needs: 9.1a\n", "needs: 9.1c\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'needs: 9.1c' must list other exercises' ids");
    }

    @Test
    void should_read_every_file_an_exercise_spans_the_first_to_start_with() throws IOException {
        Catalogue catalogue = parse("[9.1a]\nsection: 9.1 s\ntitle: t\nfile: p/A.java, p/q/B.java\nread: r\n");

        Catalogue.Exercise e = catalogue.exercise("9.1a").orElseThrow();
        assertThat(e.file()).isEqualTo("p/A.java");
        assertThat(e.files()).containsExactly("p/A.java", "p/q/B.java");
        assertThat(parse("[9.1a]\nsection: 9.1 s\ntitle: t\nfile: p/A.java\nread: r\n").exercise("9.1a").orElseThrow().files())
                .containsExactly("p/A.java");
        assertThatThrownBy(() -> parse("[9.1a]\nsection: 9.1 s\ntitle: t\nfile: p/A.java, p/A.java\nread: r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must list files, each once");
    }

    @Test
    void should_name_the_exercise_and_the_missing_key() {
        assertThatThrownBy(() -> parse("[9.1a]\nsection: s\ntitle: t\nfile: f\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exercise 9.1a lacks 'read:'");
    }

    @Test
    void should_name_the_line_of_a_malformed_id_or_a_duplicate() {
        assertThatThrownBy(() -> parse("\n[first]\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Catalogue.RESOURCE + ":2: not an exercise id: first");
        assertThatThrownBy(() -> parse(TWO_SECTIONS + "[9.1a]\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9.1a appears twice");
    }
}
