package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintsTest {

    private static final String CATALOGUE = """
            [9.1a]
            section: 9.1 Something
            title: First thing
            file: ch09/a/A.java
            read: exercises.md#91a-first-thing
            hint: Look at `A` first.
            hint: Then at B.

            [9.1b]
            section: 9.1 Something
            title: Second thing
            file: ch09/a/B.java
            read: exercises.md#91b-second-thing
            needs: 9.1a
            hint: One hint.
            """;

    private static Map<String, Hints.Exercise> catalogue() {
        Map<String, Hints.Exercise> all = new LinkedHashMap<>();
        for (Hints.Exercise e : Hints.parse("catalogue.txt", CATALOGUE.lines().toList())) {
            all.put(e.id(), e);
        }
        return all;
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    @Test
    void should_fold_each_hint_and_link_each_prerequisite() {
        Map<String, Hints.Exercise> catalogue = catalogue();
        assertThat(String.join("\n", Hints.block(catalogue.get("9.1b"), catalogue))).isEqualTo("""
                <!-- generated from catalogue.txt: 9.1b -->
                **Needs:** [9.1a First thing](#91a-first-thing).

                <details><summary>Hint 1</summary>

                One hint.
                </details>
                <!-- end 9.1b -->""");
    }

    @Test
    void should_replace_a_hand_written_hints_list_and_put_a_block_where_there_is_none() {
        // GIVEN a workbook whose first part has a hand-written list and whose second has nothing
        List<String> workbook = lines("""
                ## 9.1 Something

                ### 9.1a: First thing

                Do the first thing.

                Hints:
                - Look at A
                  first.
                - Then at B.

                The tests check things.

                ### 9.1b: Second thing

                Do the second thing.

                The tests check more.
                """);
        // WHEN generated
        Hints.Result result = Hints.generate(workbook, catalogue());
        // THEN the list became a block, the second part got one before its tests paragraph, and both
        // were reported where they were
        assertThat(String.join("\n", result.lines())).isEqualTo("""
                ## 9.1 Something

                ### 9.1a: First thing

                Do the first thing.

                <!-- generated from catalogue.txt: 9.1a -->
                <details><summary>Hint 1</summary>

                Look at `A` first.
                </details>
                <details><summary>Hint 2</summary>

                Then at B.
                </details>
                <!-- end 9.1a -->

                The tests check things.

                ### 9.1b: Second thing

                Do the second thing.

                <!-- generated from catalogue.txt: 9.1b -->
                **Needs:** [9.1a First thing](#91a-first-thing).

                <details><summary>Hint 1</summary>

                One hint.
                </details>
                <!-- end 9.1b -->

                The tests check more.
                """);
        assertThat(result.problems()).containsExactly(
                "exercises.md:7: 9.1a has its hand-written 'Hints:' list",
                "exercises.md:18: 9.1b has no block, and one goes before 'The tests check'");
        // AND generating again changes nothing and finds nothing
        Hints.Result again = Hints.generate(result.lines(), catalogue());
        assertThat(again.lines()).isEqualTo(result.lines());
        assertThat(again.problems()).isEmpty();
    }

    @Test
    void should_say_where_a_block_differs_and_where_a_part_is_missing() {
        List<String> workbook = lines("""
                ### 9.1a: First thing

                <!-- generated from catalogue.txt: 9.1a -->
                <details><summary>Hint 1</summary>

                Look at A first.
                </details>
                <!-- end 9.1a -->
                """);
        assertThat(Hints.generate(workbook, catalogue()).problems()).containsExactly(
                "exercises.md: 9.1b (Second thing) has no heading '### 9.1b: Second thing'; write its part first",
                "exercises.md:3: the block of 9.1a differs from the catalogue: its line 4 should be [Look at `A`"
                        + " first.] but is [Look at A first.]");
    }

    @Test
    void should_put_a_block_at_the_end_of_a_part_that_has_no_tests_paragraph_and_ignore_headings_in_code() {
        List<String> workbook = lines("""
                ### 9.1a: First thing

                ```
                # not a heading
                ```

                ### 9.1b: Second thing
                """);
        List<String> out = Hints.generate(workbook, catalogue()).lines();
        assertThat(out.subList(0, 7)).containsExactly("### 9.1a: First thing", "", "```", "# not a heading", "```",
                "", "<!-- generated from catalogue.txt: 9.1a -->");
    }

    @Test
    void should_refuse_a_prerequisite_that_is_no_exercise() {
        Map<String, Hints.Exercise> catalogue = catalogue();
        var e = catalogue.get("9.1b");
        catalogue.put("9.1b", new Hints.Exercise(e.id(), e.title(), e.read(), List.of("9.9z"), e.hints()));
        assertThatThrownBy(() -> Hints.block(catalogue.get("9.1b"), catalogue))
                .hasMessageContaining("9.1b needs 9.9z, which is no exercise");
    }

    @Test
    void should_wrap_at_a_hundred_columns_between_words() {
        String text = "word ".repeat(30).strip();
        assertThat(Hints.wrap(text)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100))
                .hasSize(2);
        assertThat(String.join(" ", Hints.wrap(text))).isEqualTo(text);
    }

    @Test
    void should_not_break_a_line_inside_a_code_span() {
        String text = "word ".repeat(17) + "`new SequenceInputStream(new ByteArrayInputStream(bytes), in)` and more";
        List<String> lines = Hints.wrap(text);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("`new SequenceInputStream(");
    }

    @Test
    void should_check_and_write_a_repository(@TempDir Path root) throws IOException {
        // GIVEN a repository with one chapter's catalogue and a workbook with a hand-written list
        Path catalogue = root.resolve("chapters/ch09/src/test/resources/workbook/catalogue.txt");
        Files.createDirectories(catalogue.getParent());
        Files.writeString(catalogue, CATALOGUE, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("exercises.md"), """
                ### 9.1a: First thing\r
                \r
                Hints:\r
                - old\r
                \r
                ### 9.1b: Second thing\r
                """, StandardCharsets.UTF_8);
        // WHEN checked, written, checked again
        List<String> before = Hints.drift(root);
        Hints.write(root);
        // THEN the check found both parts, and after writing it finds nothing
        assertThat(before).hasSize(2);
        assertThat(Hints.drift(root)).isEmpty();
        assertThat(Files.readString(root.resolve("exercises.md"))).doesNotContain("\r").contains("Hint 2");
    }
}
