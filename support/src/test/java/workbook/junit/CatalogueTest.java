package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    static Catalogue parse(String text) throws IOException {
        return Catalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static final String TWO_SECTIONS = """
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
