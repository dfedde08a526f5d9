package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbook.grading.StudentReport.TestResult;
import workbook.junit.Catalogue;

/** The cells a student's results make, and the gradebook's files as a spreadsheet and a reader see them. */
class GradebookTest {

    static final String CATALOGUE = """
            [9.1a]
            section: 9.1 First
            title: Do the first thing
            file: ch04/x/First.java
            read: exercises.md#91a
            points: 3

            [9.1b]
            section: 9.1 First
            title: Do the second thing
            file: ch04/x/First.java
            read: exercises.md#91b

            [9.2a]
            section: 9.2 Second
            title: Another
            file: ch04/x/Second.java
            read: exercises.md#92a
            """;

    static Catalogue catalogue() throws IOException {
        return Catalogue.parse(new ByteArrayInputStream(CATALOGUE.getBytes(StandardCharsets.UTF_8)));
    }

    private static TestResult t(String exercise, TestStatus status, String message) {
        return new TestResult("uid-" + exercise + status + message, "T#" + exercise, exercise, status, message);
    }

    @Test
    void should_give_each_exercise_the_worst_news_of_its_tests_with_the_reason() throws IOException {
        List<TestResult> results = List.of(
                t("9.1a", TestStatus.PASSED, ""), t("9.1a", TestStatus.FAILED, "expected 3\nbut was 2"),
                t("9.1b", TestStatus.FAILED, "x"), t("9.1b", TestStatus.DOES_NOT_COMPILE, "ch04/x/First.java:9: Syntax error"),
                t("9.2a", TestStatus.PASSED, ""), t("9.2a", TestStatus.NOT_RUN, "not run: the student's time limit of 9 s ran out"));

        Map<String, Cell> cells = StudentGrader.cells(catalogue(), results, Map.of(), Cell.State.TIMED_OUT);

        assertThat(cells.get("9.1a")).isEqualTo(new Cell(Cell.State.FAILING, "1 of 2 tests fail; first, T#9.1a: expected 3"));
        assertThat(cells.get("9.1b").state()).isEqualTo(Cell.State.DOES_NOT_COMPILE);
        assertThat(cells.get("9.1b").reason()).startsWith("ch04/x/First.java:9: Syntax error");
        assertThat(cells.get("9.2a")).isEqualTo(new Cell(Cell.State.TIMED_OUT, "not run: the student's time limit of 9 s ran out"));
    }

    @Test
    void should_say_done_only_when_every_test_passed_and_not_started_when_a_stub_was_reached() throws IOException {
        List<TestResult> results = List.of(
                t("9.1a", TestStatus.PASSED, ""), t("9.1a", TestStatus.SKIPPED, "not on this OS"),
                t("9.1b", TestStatus.PASSED, ""), t("9.1b", TestStatus.NOT_STARTED, "not started: 9.1b"),
                t("9.2a", TestStatus.CRASHED, "the test JVM exited with status 3"));

        Map<String, Cell> cells = StudentGrader.cells(catalogue(), results, Map.of("9.1a", "ch04/x/First.java is missing"),
                Cell.State.CRASHED);

        assertThat(cells.get("9.1a")).as("a missing file outweighs passing tests")
                .isEqualTo(new Cell(Cell.State.DOES_NOT_COMPILE, "ch04/x/First.java is missing"));
        assertThat(cells.get("9.1b").state()).isEqualTo(Cell.State.NOT_STARTED);
        assertThat(cells.get("9.2a")).isEqualTo(new Cell(Cell.State.CRASHED, "the test JVM exited with status 3"));
        assertThat(StudentGrader.cells(catalogue(), List.of(t("9.1a", TestStatus.PASSED, "")), Map.of(), Cell.State.CRASHED)
                .get("9.1a").state()).isEqualTo(Cell.State.DONE);
    }

    private static StudentReport row(String name, Cell.State a, Cell.State b, Cell.State c, String note) {
        return new StudentReport(name, Path.of("/class", name), List.of(t("9.1a", TestStatus.FAILED, "a \"quoted\", odd\nmessage")),
                new java.util.LinkedHashMap<>(Map.of("9.1a", new Cell(a, a == Cell.State.DONE ? "" : "why, with \"quotes\"\nand a line"),
                        "9.1b", new Cell(b, ""), "9.2a", new Cell(c, ""))), List.of(note), 1.5, 0.5, 1);
    }

    @Test
    void should_write_a_csv_that_parses_as_a_table_whatever_the_notes_hold_and_weigh_the_points() throws IOException {
        Kit kit = KitFixture.of(catalogue(), CATALOGUE);
        List<StudentReport> rows = List.of(
                row("ann", Cell.State.DONE, Cell.State.DONE, Cell.State.FAILING, "=HYPERLINK(\"http://example.invalid\"), a note"),
                row("bob, jr", Cell.State.FAILING, Cell.State.DONE, Cell.State.DONE, "line one\nline \"two\""));

        List<List<String>> table = Csv.table(Gradebook.csv(rows, kit));
        List<List<String>> cells = Csv.table(Gradebook.cellsCsv(rows, kit));

        assertThat(table.get(0)).containsExactly("student", "total %", "points", "max points", "9.1 %", "9.2 %",
                "9.1a", "9.1b", "9.2a", "notes");
        assertThat(table.get(1)).containsExactly("ann", "80.0", "4", "5", "100.0", "0.0", "done", "done", "failing",
                "'=HYPERLINK(\"http://example.invalid\"), a note");
        assertThat(table.get(2).subList(0, 4)).as("9.1a weighs 3 of the 5 points").containsExactly("bob, jr", "40.0", "2", "5");
        assertThat(table.get(2).get(9)).isEqualTo("line one\nline \"two\"");
        assertThat(cells).hasSize(1 + 2 * 3);
        assertThat(cells.get(4)).containsExactly("bob, jr", "9.1a", "9.1", "failing", "0", "3", "why, with \"quotes\"\nand a line");
    }

    @Test
    void should_write_markdown_with_a_row_per_student_and_a_column_per_section_and_exercise() throws IOException {
        Kit kit = KitFixture.of(catalogue(), CATALOGUE);
        String md = Gradebook.markdown(List.of(row("ann | co", Cell.State.DONE, Cell.State.CRASHED, Cell.State.TIMED_OUT, "n")),
                kit, "heading");

        assertThat(md).contains("| Student | 9.1 | 9.2 | Total | Points | Notes |")
                .contains("| Student | 9.1a | 9.1b | 9.2a |")
                .contains("| ann \\| co | 75% | 0% | **60%** | 3/5 | 1 crashed, 1 timed out |")
                .contains("| ann \\| co | ✓ | crash | time |")
                .contains("(the catalogue's `points:`; 1 where it gives none)");
    }

    @Test
    void should_write_per_test_results_as_json_with_every_character_escaped() throws IOException {
        Kit kit = KitFixture.of(catalogue(), CATALOGUE);
        String json = Gradebook.resultsJson(row("ann", Cell.State.DONE, Cell.State.DONE, Cell.State.DONE, "tab\there"), kit);

        assertThat(json).contains("{\"name\": \"T#9.1a\", \"exercise\": \"9.1a\", \"status\": \"failed\", \"seconds\": 0.000,"
                        + " \"message\": \"a \\\"quoted\\\", odd\\nmessage\"}")
                .contains("\"points\": 5,").contains("\"maxPoints\": 5,").contains("\"tab\\there\"");
    }
}
