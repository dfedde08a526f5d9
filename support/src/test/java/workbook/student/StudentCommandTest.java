package workbook.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.Shell;

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
