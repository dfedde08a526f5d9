package workbook.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.Shell;
import workbook.junit.Catalogue;
import workbook.junit.CatalogueTest;
import workbook.junit.Progress;
import workbook.junit.ProgressStore;

class StudentCommandTest {

    @Test
    void should_write_its_own_commands_for_the_readers_shell() {
        String saved = System.getProperty(Shell.PROPERTY);
        try {
            System.setProperty(Shell.PROPERTY, "unix");
            assertThat(Main.command("hint 4.1a")).isEqualTo("./workbook hint 4.1a");
            System.setProperty(Shell.PROPERTY, "windows");
            assertThat(Main.command("hint 4.1a")).isEqualTo(".\\workbook.cmd hint 4.1a");
            assertThat(Main.command("watch")).isEqualTo(".\\workbook.cmd watch");
        } finally {
            if (saved == null) {
                System.clearProperty(Shell.PROPERTY);
            } else {
                System.setProperty(Shell.PROPERTY, saved);
            }
        }
    }

    /** A chapter of one exercise, solved, whose runs so far found it done. */
    static Path solvedChapter(Path root) throws IOException {
        String reference = """
                package x;

                public class First {
                    public static int one() {
                        // SOLUTION 9.1a
                        return 1;
                        // END 9.1a
                    }
                }
                """;
        Path chapter = root.resolve("chapters").resolve(Launch.CHAPTER);
        Files.createDirectories(chapter.resolve("src/test/resources/workbook"));
        Files.writeString(chapter.resolve("src/test/resources").resolve(Catalogue.RESOURCE), CatalogueTest.TWO_SECTIONS,
                StandardCharsets.UTF_8);
        for (Path sources : List.of(chapter.resolve("src/main/java"), root.resolve("solutions").resolve(Launch.CHAPTER)
                .resolve("src/main/java"))) {
            Files.createDirectories(sources.resolve("x"));
            Files.writeString(sources.resolve("x/First.java"), reference, StandardCharsets.UTF_8);
        }
        Catalogue catalogue = CatalogueTest.parse(CatalogueTest.TWO_SECTIONS);
        new ProgressStore(chapter.resolve(".workbook")).save(catalogue, List.of(new Progress.Line(
                catalogue.exercise("9.1a").orElseThrow(), Progress.Status.DONE, 1, 0, 1, false, List.of(), "", 0, true,
                List.of())), 1_000L);
        return chapter;
    }

    /** Runs the student command on {@code root}; what it printed, and its exit code last. */
    static List<String> workbook(Path root, String... args) {
        Properties saved = (Properties) System.getProperties().clone();
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setProperty(Shell.PROPERTY, "unix");
            int exit = Main.run(root, args);
            return List.of(printed.toString(StandardCharsets.UTF_8), Integer.toString(exit));
        } finally {
            System.setOut(console);
            System.setProperties(saved);
        }
    }

    @Test
    void should_forget_that_an_exercise_was_done_when_it_is_reset(@TempDir Path root) throws IOException {
        // GIVEN 9.1a solved, and the runs so far found it done
        Path chapter = solvedChapter(root);
        assertThat(workbook(root, "compare", "9.1a").get(1)).isEqualTo("0");

        // WHEN the student resets it
        List<String> reset = workbook(root, "reset", "9.1a");

        // THEN its code is the stub again, and nothing treats it as done: not status, not next, not compare
        assertThat(reset.get(1)).isEqualTo("0");
        assertThat(Files.readString(chapter.resolve("src/main/java/x/First.java"))).contains("NotStartedException(\"9.1a\")");
        Catalogue catalogue = CatalogueTest.parse(CatalogueTest.TWO_SECTIONS);
        assertThat(new ProgressStore(chapter.resolve(".workbook")).load(catalogue)).doesNotContainKey("9.1a");
        assertThat(workbook(root, "next").get(0)).startsWith("Next: 9.1a ");
        List<String> compare = workbook(root, "compare", "9.1a");
        assertThat(compare.get(1)).isEqualTo("1");
        assertThat(compare.get(0)).startsWith("compare shows the reference once 9.1a passes; your runs found it not run yet.");
    }

    @Test
    void should_print_the_same_run_command_as_the_maven_run(@TempDir Path root) throws IOException {
        // GIVEN 9.1a done, so that 9.1b is next
        solvedChapter(root);

        // THEN status and next give the command the chapter's Maven run prints, -q included
        assertThat(workbook(root, "status").get(0)).contains("\n  run   ./mvnw -q test -Pch04 -Dgroups=9.1b\n");
        assertThat(workbook(root, "next").get(0)).contains("\n  run   ./mvnw -q test -Pch04 -Dgroups=9.1b\n");
        // AND that command is the one the chapter's Surefire settings give the Maven run (workbook.replay)
        String pom = Files.readString(Path.of("..", "chapters", Launch.CHAPTER, "pom.xml"), StandardCharsets.UTF_8);
        assertThat(pom).contains("<workbook.replay>" + Chapter.RUN + "</workbook.replay>");
    }

    @Test
    void should_recheck_a_done_exercise_whose_file_a_save_changed(@TempDir Path root) throws IOException {
        // GIVEN 9.1a done (its file is x/First.java, which 9.1b shares), 9.1b and 9.2a not
        Path sources = solvedChapter(root).resolve("src/main/java");
        Catalogue catalogue = CatalogueTest.parse(CatalogueTest.TWO_SECTIONS);
        Progress progress = new Chapter(root, Launch.CHAPTER).progress();

        // THEN a save of x/First.java while the watch is on 9.2a (or 9.1b) reruns 9.1a too
        assertThat(Watcher.recheck(catalogue, progress, sources, Set.of(sources.resolve("x/First.java")), "9.2a"))
                .containsExactly("9.1a");
        assertThat(Watcher.recheck(catalogue, progress, sources, Set.of(sources.resolve("x/./First.java")), "9.1b"))
                .containsExactly("9.1a");
        // AND not when 9.1a is the exercise watched anyway, nor for a save of another exercise's file
        assertThat(Watcher.recheck(catalogue, progress, sources, Set.of(sources.resolve("x/First.java")), "9.1a")).isEmpty();
        assertThat(Watcher.recheck(catalogue, progress, sources, Set.of(sources.resolve("x/Second.java")), "9.2a")).isEmpty();
    }

    @Test
    void should_take_ids_in_any_case_and_name_the_closest_ids_for_an_unknown_one(@TempDir Path root) throws IOException {
        // GIVEN a chapter whose exercises are 9.1a, 9.1b and 9.2a
        solvedChapter(root);

        // THEN an id in capitals is the same exercise
        assertThat(workbook(root, "hint", "9.1A")).containsExactly("9.1a Do the first thing: hint 1 of 2\n  1. Start small.\n"
                + "Stuck still? ./workbook hint 9.1a shows the next one.\n", "0");
        // AND an unknown id gets one line naming the closest ids, not the whole usage
        assertThat(workbook(root, "hint", "9.1z")).containsExactly(
                "No exercise 9.1z in this chapter; the closest are 9.1a and 9.1b? (./workbook status lists them all.)\n", "1");
        assertThat(workbook(root, "compare", "9.2b")).containsExactly(
                "No exercise 9.2b in this chapter; did you mean 9.2a? (./workbook status lists them all.)\n", "1");
        assertThat(workbook(root, "reset", "9.3a")).containsExactly(
                "No exercise 9.3a in this chapter; the closest are 9.1a and 9.2a? (./workbook status lists them all.)\n", "1");
    }

    @Test
    void should_name_each_kept_copy_where_reset_leaves_it(@TempDir Path root) throws IOException {
        Path chapter = solvedChapter(root);

        String printed = workbook(root, "reset", "9.1A").get(0);

        String intro = "Your code as it was is kept in:\n  ";
        String kept = printed.substring(printed.indexOf(intro) + intro.length()).strip();
        assertThat(kept).startsWith("chapters/" + Launch.CHAPTER + "/.workbook/reset/").endsWith("-9.1a/x/First.java");
        assertThat(Files.readString(root.resolve(kept), StandardCharsets.UTF_8)).contains("return 1;");
        assertThat(Files.readString(chapter.resolve("src/main/java/x/First.java"), StandardCharsets.UTF_8))
                .doesNotContain("return 1;");
    }

    @Test
    void should_count_the_hints_shown_per_exercise_between_calls(@TempDir Path dir) throws IOException {
        Hints hints = new Hints(dir.resolve(".workbook"));
        assertThat(hints.shown("4.1a")).isZero();

        hints.record("4.1a", 2);
        hints.record("4.2b", 1);

        Hints later = new Hints(dir.resolve(".workbook"));
        assertThat(later.shown("4.1a")).isEqualTo(2);
        assertThat(later.shown("4.2b")).isEqualTo(1);
        assertThat(later.shown("4.3c")).isZero();
    }

    @Test
    void should_poll_where_the_systems_save_events_are_slow_or_missing() {
        String os = System.getProperty("os.name");
        try {
            System.setProperty("os.name", "Mac OS X");
            assertThat(Watcher.pollingNeeded(Path.of("/Users/me/workbook/src"))).isTrue();
            System.setProperty("os.name", "Windows 11");
            assertThat(Watcher.pollingNeeded(Path.of("C:/workbook/src"))).isFalse();
        } finally {
            System.setProperty("os.name", os);
        }
    }

    @Test
    @Timeout(10)
    void should_see_a_save_by_polling(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("A.java"), "class A {}");
        try (Watcher.Polling polling = new Watcher.Polling(dir)) {
            CompletableFuture<Watcher.Change> seen = CompletableFuture.supplyAsync(() -> {
                try {
                    return polling.next();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Files.writeString(file, "class A { int x; }");

            Watcher.Change change = seen.get(5, TimeUnit.SECONDS);
            assertThat(change.seen()).isPositive();
            assertThat(change.files()).containsExactly(file);
        }
    }

    @Test
    @Timeout(10)
    @EnabledOnOs(value = {OS.LINUX, OS.WINDOWS}, disabledReason = "the JDK's WatchService on macOS polls every 2 to 10 s;"
            + " the watch polls there itself (should_see_a_save_by_polling)")
    void should_see_a_save_through_the_systems_events(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A.java"), "class A {}");
        try (Watcher.Events events = new Watcher.Events(dir)) {
            CompletableFuture<Watcher.Change> seen = CompletableFuture.supplyAsync(() -> {
                try {
                    return events.next();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Files.writeString(dir.resolve("notes.txt"), "not a source: no run");
            Files.writeString(dir.resolve("A.java"), "class A { int x; }");

            Watcher.Change change = seen.get(5, TimeUnit.SECONDS);
            assertThat(change.seen()).isPositive();
            assertThat(change.files()).containsExactly(dir.resolve("A.java"));
        }
    }
}
