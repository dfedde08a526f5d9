package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.NotStartedException;

/** The listener as the student's run uses it: through the JUnit launcher, with a store and a compiler's log. */
class ProgressListenerTest {

    /** Code that the compiler could not compile, as the Eclipse compiler leaves it with -proceedOnError. */
    static final class BrokenCode {
        static int call() {
            throw new Error("Unresolved compilation problem: \n\tSyntax error on token \"=\", Expression expected after this token\n");
        }
    }

    @Tag("9.1")
    static class FirstSection {
        @Test
        @Tag("9.1a")
        void passes() {
        }

        @Test
        @Tag("9.1b")
        void runs_into_code_that_does_not_compile() {
            BrokenCode.call();
        }
    }

    @Tag("9.2")
    static class SecondSection {
        @Test
        @Tag("9.2a")
        void reaches_a_stub() {
            throw new NotStartedException("9.2a");
        }
    }

    /** An exercise with two tests, one of which fails: a run of the passing one alone proves nothing about the other. */
    @Tag("9.2")
    static class HalfDone {
        @Test
        @Tag("9.2a")
        void passes() {
        }

        @Test
        @Tag("9.2a")
        void fails() {
            throw new AssertionError("still wrong");
        }
    }

    @Test
    void should_never_mark_an_exercise_done_on_a_run_of_some_of_its_tests(@TempDir Path dir) throws IOException {
        // GIVEN a catalogue on the class path and the student's settings; 9.2a has two tests and one fails
        Path resources = dir.resolve("resources");
        Files.createDirectories(resources.resolve("workbook"));
        Files.writeString(resources.resolve(Catalogue.RESOURCE), CatalogueTest.TWO_SECTIONS, StandardCharsets.UTF_8);
        Map<String, String> settings = Map.of(ProgressStore.PROPERTY, dir.resolve("state").toString(),
                "workbook.reports", dir.resolve("reports").toString(), ProgressListener.QUIET, "true");
        Catalogue catalogue = CatalogueTest.parse(CatalogueTest.TWO_SECTIONS);
        ProgressStore store = new ProgressStore(dir.resolve("state"));

        // WHEN the passing test alone runs first (the Replay line's -Dtest=Class#method), with nothing stored
        run(resources, settings, selectMethod(HalfDone.class, "passes"));

        // THEN 9.2a is partly run, not done, and the table says how much ran
        assertThat(store.load(catalogue).get("9.2a").status()).isEqualTo(Progress.Status.PARTLY_RUN);
        assertThat(Files.readString(dir.resolve("reports").resolve(ProgressListener.TABLE_FILE)))
                .contains("partly run: this run ran 1 of its 2 tests, and it passed; run them all");

        // WHEN both run (one fails), then the passing one alone again
        run(resources, settings, selectClass(HalfDone.class));
        run(resources, settings, selectMethod(HalfDone.class, "passes"));

        // THEN 9.2a is still failing, as the whole run found, and the table says this run ran only part of it
        Progress.Line stored = store.load(catalogue).get("9.2a");
        assertThat(stored.status()).isEqualTo(Progress.Status.FAILING);
        assertThat(stored.failed()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("reports").resolve(ProgressListener.TABLE_FILE)))
                .contains("failing: 1 of 2 tests (earlier run); this run ran only 1 of its 2 tests, and it passed");

        // WHEN the failing one alone runs
        run(resources, settings, selectMethod(HalfDone.class, "fails"));

        // THEN a failure counts, however few tests ran
        assertThat(store.load(catalogue).get("9.2a").status()).isEqualTo(Progress.Status.FAILING);
        assertThat(Files.readString(dir.resolve("reports").resolve(ProgressListener.TABLE_FILE)))
                .contains("failing: 1 of 1 tests; this run ran only 1 of its 2 tests");

        // AND a run of all of an exercise's tests still records it done
        run(resources, settings, selectClass(FirstSection.class), selectClass(SecondSection.class));
        assertThat(store.load(catalogue).get("9.1a").status()).isEqualTo(Progress.Status.DONE);
    }

    @Test
    void should_report_broken_code_keep_results_between_runs_and_write_the_stub_each_test_reached(@TempDir Path dir)
            throws IOException {
        // GIVEN a catalogue on the class path and the student's settings
        Path resources = dir.resolve("resources");
        Files.createDirectories(resources.resolve("workbook"));
        Files.writeString(resources.resolve(Catalogue.RESOURCE), CatalogueTest.TWO_SECTIONS, StandardCharsets.UTF_8);
        Map<String, String> settings = Map.of(ProgressStore.PROPERTY, dir.resolve("state").toString(),
                "workbook.reports", dir.resolve("reports").toString(), ProgressListener.QUIET, "true");

        // WHEN the whole chapter runs, then only the second section
        run(resources, settings, selectClass(FirstSection.class), selectClass(SecondSection.class));
        String full = Files.readString(dir.resolve("reports").resolve(ProgressListener.RESULTS_FILE));
        run(resources, settings, selectClass(SecondSection.class));

        // THEN the results name the stub each test reached, and the test that ran into broken code
        assertThat(full).contains("PASSED\t9.1a\tProgressListenerTest$FirstSection#passes\t\t\n")
                .contains("DOES_NOT_COMPILE\t9.1b\tProgressListenerTest$FirstSection#runs_into_code_that_does_not_compile\t\t"
                        + "src/test/java/workbook/junit/ProgressListenerTest.java:") // the frame is in the test's own file
                .contains("NOT_STARTED\t9.2a\tProgressListenerTest$SecondSection#reaches_a_stub\t9.2a\t");
        // AND the store kept the first section's results through the second run
        Map<String, Progress.Line> stored = new ProgressStore(dir.resolve("state"))
                .load(CatalogueTest.parse(CatalogueTest.TWO_SECTIONS));
        assertThat(stored.get("9.1a").status()).isEqualTo(Progress.Status.DONE);
        assertThat(stored.get("9.1b").status()).isEqualTo(Progress.Status.DOES_NOT_COMPILE);
        assertThat(stored.get("9.1b").problem()).endsWith(": Syntax error on token \"=\", Expression expected after this token");
        assertThat(stored.get("9.2a").status()).isEqualTo(Progress.Status.NOT_STARTED);
        assertThat(stored.get("9.2a").when()).isGreaterThanOrEqualTo(stored.get("9.1a").when());
    }

    private static void run(Path resources, Map<String, String> settings, DiscoverySelector... selectors) throws IOException {
        Properties saved = (Properties) System.getProperties().clone();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, context)) {
            settings.forEach(System::setProperty);
            thread.setContextClassLoader(loader);
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .build();
            LauncherFactory.create().execute(request);
        } finally {
            thread.setContextClassLoader(context);
            System.setProperties(saved);
        }
    }
}
