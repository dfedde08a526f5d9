package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.Shell;
import workbook.junit.ProgressListener.Result;

class ProgressTest {

    private static Result result(String exercise, Outcome outcome) {
        return new Result("T#" + exercise + outcome, exercise, outcome, "");
    }

    @Test
    void should_rank_failing_over_not_started_over_done() throws IOException {
        // GIVEN 9.1a with a failure and a stub, 9.1b with a stub and a pass, 9.2a all passing
        Progress progress = new Progress(CatalogueTest.parse(CatalogueTest.TWO_SECTIONS), List.of(
                result("9.1a", Outcome.FAILED), new Result("T#a", "9.1a", Outcome.NOT_STARTED, "", "9.1a"),
                new Result("T#b", "9.1b", Outcome.NOT_STARTED, "", "9.1b"), result("9.1b", Outcome.PASSED),
                result("9.2a", Outcome.PASSED), result("9.2a", Outcome.SKIPPED)));

        // THEN
        assertThat(progress.lines()).extracting(Progress.Line::status).containsExactly(
                Progress.Status.FAILING, Progress.Status.NOT_STARTED, Progress.Status.DONE);
        assertThat(progress.next()).map(l -> l.exercise().id()).contains("9.1a");
    }

    @Test
    void should_say_which_exercise_a_waiting_one_waits_for() throws IOException {
        // GIVEN 9.1b's tests reached 9.1a's stub, not its own
        Progress progress = new Progress(CatalogueTest.parse(CatalogueTest.TWO_SECTIONS), List.of(
                new Result("T#a", "9.1a", Outcome.NOT_STARTED, "", "9.1a"),
                new Result("T#b", "9.1b", Outcome.NOT_STARTED, "", "9.1a"),
                new Result("T#c", "9.1b", Outcome.PASSED, "", "")));

        assertThat(progress.lines().get(1).state()).isEqualTo("1 of 2 pass, the rest waits for 9.1a");
        assertThat(progress.lines().get(0).state()).isEqualTo("not started");
    }

    @Test
    void should_show_the_next_exercise_with_its_file_anchor_hint_and_command() throws IOException {
        Progress progress = new Progress(CatalogueTest.parse(CatalogueTest.TWO_SECTIONS), List.of(
                result("9.1a", Outcome.PASSED), new Result("T#b", "9.1b", Outcome.NOT_STARTED, "", "9.1b")));

        String table = progress.consoleTable("your code", "src/main/java", "./mvnw test -Pch09", Shell.UNIX);

        assertThat(table)
                .contains("[x] 9.1a Do the first thing")
                .contains("[ ] 9.1b Do the second thing")
                .doesNotContain("9.2a")
                .contains("Next: 9.1b Do the second thing")
                .contains("edit  src/main/java/x/First.java")
                .contains("read  exercises.md#91b-do-the-second-thing")
                .contains("run   ./mvnw test -Pch09 -Dgroups=9.1b");
    }

    @Test
    void should_write_the_file_and_the_command_for_windows_on_windows() throws IOException {
        // GIVEN 9.1b is next WHEN the table is shown on Windows
        Progress progress = new Progress(CatalogueTest.parse(CatalogueTest.TWO_SECTIONS), List.of(
                result("9.1a", Outcome.PASSED), new Result("T#b", "9.1b", Outcome.NOT_STARTED, "", "9.1b")));

        String table = progress.consoleTable("your code", "chapters/ch09/src/main/java", "./mvnw test -Pch09", Shell.WINDOWS);

        // THEN the path has backslashes and the command runs in PowerShell and cmd alike
        assertThat(table)
                .contains("Workbook progress: your code (chapters\\ch09\\src\\main\\java)\n")
                .contains("edit  chapters\\ch09\\src\\main\\java\\x\\First.java\n")
                .contains("run   .\\mvnw.cmd test -Pch09 \"-Dgroups=9.1b\"\n")
                .doesNotContain("\r");
    }

    @Test
    void should_point_past_a_selection_that_is_all_done() throws IOException {
        // GIVEN only 9.1a ran (-Dgroups=9.1a) and passed
        Progress progress = new Progress(CatalogueTest.parse(CatalogueTest.TWO_SECTIONS),
                List.of(result("9.1a", Outcome.PASSED)));

        assertThat(progress.consoleTable("your code", "src", "./mvnw test", Shell.UNIX))
                .contains("Everything that ran is done. Next, outside this selection: 9.1b Do the second thing")
                .contains("run   ./mvnw test -Dgroups=9.1b");
    }

    @Test
    void should_score_sections_and_the_total_by_exercises_done() throws IOException {
        Progress progress = new Progress(CatalogueTest.parse(CatalogueTest.TWO_SECTIONS), List.of(
                result("9.1a", Outcome.PASSED), result("9.1b", Outcome.FAILED), result("9.2a", Outcome.PASSED)));

        String markdown = progress.markdown("a student", "src");

        assertThat(markdown)
                .contains("| 9.1 First | 1 | 1 | 0 | 50% |")
                .contains("| 9.2 Second | 1 | 0 | 0 | 100% |")
                .contains("| **Total** | 2 | 1 | 0 | **67%** |")
                .contains("| 9.1b | Do the second thing | failing: 1 of 1 tests | 0/1 |");
    }
}
