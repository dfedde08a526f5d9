package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

        Catalogue catalogue = CatalogueTest.parse(CatalogueTest.TWO_SECTIONS);
        assertThat(progress.lines().get(1).state(catalogue)).isEqualTo("not started: 1 of 2 tests pass; needs 9.1a");
        assertThat(progress.lines().get(0).state(catalogue)).isEqualTo("not started");
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
                .contains("9.1 First                                             1/2 done; 1 of 2 in this run\n")
                .contains("not run yet\n")
                .contains("Next: 9.1b Do the second thing (not in this run)\n")
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

    private static Catalogue needs() throws IOException {
        return CatalogueTest.parse(CatalogueTest.NEEDS);
    }

    @Test
    void should_show_what_earlier_runs_found_for_the_exercises_a_selection_leaves_out(@TempDir Path dir) throws IOException {
        // GIVEN a full run that found 9.1a and 9.1b done, 9.1c not started, stored
        Catalogue catalogue = needs();
        ProgressStore store = new ProgressStore(dir);
        Progress full = new Progress(catalogue, List.of(result("9.1a", Outcome.PASSED), result("9.1b", Outcome.PASSED),
                new Result("T#c", "9.1c", Outcome.NOT_STARTED, "", "9.1c"),
                new Result("T#d", "9.1d", Outcome.NOT_STARTED, "", "9.1a")), Map.of(), Map.of());
        store.save(catalogue, full.ranNow(), 1_000L);

        // WHEN only 9.1a runs again (-Dgroups=9.1a), and passes
        Progress selection = new Progress(catalogue, List.of(result("9.1a", Outcome.PASSED)), store.load(catalogue), Map.of());
        String table = selection.consoleTable("your code", "src", "./mvnw test", Shell.UNIX);

        // THEN the others show their stored state, marked; the section says how much of it ran; Next is not a done one
        assertThat(table)
                .contains("9.1 First                                             2/4 done; 1 of 4 in this run\n")
                .containsPattern("\\[x] 9\\.1a A +done\n")
                .containsPattern("\\[x] 9\\.1b B +done \\(earlier run\\)\n")
                .containsPattern("\\[ ] 9\\.1c C +not started \\(earlier run\\)\n")
                .containsPattern("\\[ ] 9\\.1d D +not started; needs 9\\.1c \\(earlier run\\)\n")
                .contains("Next: 9.1c C\n");
        assertThat(selection.next()).map(l -> l.exercise().id()).contains("9.1c");
    }

    @Test
    void should_list_every_unmet_prerequisite_at_once_and_send_next_to_the_first() throws IOException {
        // GIVEN 9.2a needs 9.1a, 9.1c and 9.1d; its tests reached only 9.1c's stub; 9.1a is done, 9.1b failing
        Catalogue catalogue = needs();
        Progress progress = new Progress(catalogue, List.of(result("9.1a", Outcome.PASSED),
                new Result("T#b", "9.1b", Outcome.FAILED, "no"),
                new Result("T#e", "9.2a", Outcome.NOT_STARTED, "", "9.1c")), Map.of(), Map.of());

        // THEN
        assertThat(progress.line("9.2a").orElseThrow().state(catalogue)).as("every row says its state before what it needs").isEqualTo("not started; needs 9.1c, 9.1d");
        assertThat(progress.line("9.1d").orElseThrow().state(catalogue)).isEqualTo("not run yet; needs 9.1b, 9.1c");
        assertThat(progress.next()).map(l -> l.exercise().id()).contains("9.1b");
    }

    @Test
    void should_follow_a_blocked_exercise_to_the_prerequisite_that_is_not_done() throws IOException {
        // GIVEN everything before 9.2a is done except 9.1b, which nothing ran yet, and 9.1c is done
        Catalogue catalogue = needs();
        Progress progress = new Progress(catalogue, List.of(result("9.1a", Outcome.PASSED), result("9.1c", Outcome.PASSED),
                new Result("T#d", "9.1d", Outcome.NOT_STARTED, "", "9.1b")), Map.of(), Map.of());

        String table = progress.consoleTable("your code", "src", "./mvnw test", Shell.UNIX);

        assertThat(progress.next()).map(l -> l.exercise().id()).contains("9.1b");
        assertThat(table).contains("Next: 9.1b B (not in this run)\n  (9.1d needs it)\n");
    }

    @Test
    void should_put_code_that_does_not_compile_first_with_its_file_and_line() throws IOException {
        // GIVEN the compiler found an error in 9.1c's code; 9.1a is failing and 9.1b's tests ran into 9.1c's broken code
        Catalogue catalogue = needs();
        Progress progress = new Progress(catalogue, List.of(new Result("T#a", "9.1a", Outcome.FAILED, "no"),
                new Result("T#b", "9.1b", Outcome.DOES_NOT_COMPILE, "src/x/C.java:12: Syntax error on token \"=\"")),
                Map.of(), Map.of("9.1c", List.of("src/x/C.java:12: Syntax error on token \"=\"", "src/x/C.java:14: x cannot be resolved")));

        String table = progress.consoleTable("your code", "src", "./mvnw test", Shell.WINDOWS);

        // THEN both show as not compiling, with the problem; Next is the exercise whose code holds it
        assertThat(table)
                .contains("9.1 First                                             0/4 done, 1 failing, 2 not compiling; 2 of 4 in this run")
                .containsPattern("\\[#] 9\\.1b B +does not compile\n"
                        + " {8}src\\\\x\\\\C\\.java:12: Syntax error on token \"=\"\n")
                .containsPattern("\\[#] 9\\.1c C +does not compile\n"
                        + " {8}src\\\\x\\\\C\\.java:12: Syntax error on token \"=\" \\(and 1 more\\)\n")
                .contains("Next: 9.1c C (does not compile: fix that first)\n  fix   src\\x\\C.java:12");
        assertThat(progress.next()).map(l -> l.exercise().id()).contains("9.1c");
    }

    @Test
    void should_say_the_code_compiles_again_instead_of_remembering_a_compile_error(@TempDir Path dir) throws IOException {
        Catalogue catalogue = needs();
        ProgressStore store = new ProgressStore(dir);
        store.save(catalogue, new Progress(catalogue, List.of(new Result("T#b", "9.1b", Outcome.DOES_NOT_COMPILE, "f.java:1: x")),
                Map.of(), Map.of()).ranNow(), 5L);

        Progress later = new Progress(catalogue, List.of(result("9.1a", Outcome.PASSED)), store.load(catalogue), Map.of());

        assertThat(later.line("9.1b").orElseThrow().status()).isEqualTo(Progress.Status.NOT_RUN);
        assertThat(later.next()).map(l -> l.exercise().id()).contains("9.1b");
    }

    @Test
    void should_keep_the_stored_lines_of_exercises_a_run_left_out_and_forget_unknown_ones(@TempDir Path dir) throws IOException {
        Catalogue catalogue = needs();
        ProgressStore store = new ProgressStore(dir);
        store.save(catalogue, new Progress(catalogue, List.of(result("9.1a", Outcome.PASSED),
                new Result("T#b", "9.1b", Outcome.NOT_STARTED, "", "9.1a")), Map.of(), Map.of()).ranNow(), 7L);
        store.save(catalogue, new Progress(catalogue, List.of(result("9.1b", Outcome.FAILED)), Map.of(), Map.of()).ranNow(), 9L);
        java.nio.file.Files.writeString(dir.resolve(ProgressStore.FILE), "9.9z\tDONE\t1\t0\t1\tfalse\t\t\t3\nbroken line\n",
                java.nio.file.StandardOpenOption.APPEND);

        Map<String, Progress.Line> loaded = store.load(catalogue);

        assertThat(loaded).containsOnlyKeys("9.1a", "9.1b");
        assertThat(loaded.get("9.1a").status()).isEqualTo(Progress.Status.DONE);
        assertThat(loaded.get("9.1a").when()).isEqualTo(7L);
        assertThat(loaded.get("9.1b").status()).isEqualTo(Progress.Status.FAILING);
        assertThat(loaded.get("9.1b").when()).isEqualTo(9L);
        assertThat(new ProgressStore(dir.resolve("none")).load(catalogue)).isEmpty();
    }
}
