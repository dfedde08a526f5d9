package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import workbook.NotStartedException;

class WorkbookExtensionTest {

    private static Catalogue catalogue() throws IOException {
        return CatalogueTest.parse(CatalogueTest.TWO_SECTIONS);
    }

    @Test
    void should_turn_a_stub_deep_in_a_cause_chain_into_not_started_with_file_and_anchor() throws IOException {
        Throwable wrapped = new ExecutionException(new IllegalStateException(new NotStartedException("9.1a")));

        Throwable lesson = WorkbookExtension.lesson(Optional.of("9.1b"), "T#t", wrapped, catalogue());

        assertThat(lesson).isInstanceOf(NotStartedAbort.class)
                .hasMessage("not started: 9.1a Do the first thing; edit src/main/java/x/First.java,"
                        + " read exercises.md#91a-do-the-first-thing (9.1b needs it)");
        assertThat(((NotStartedAbort) lesson).exerciseId()).isEqualTo("9.1a");
    }

    @Test
    void should_keep_expected_and_actual_and_add_the_exercise_to_reread() throws IOException {
        AssertionFailedError failure = new AssertionFailedError("sizes differ", 3, 2);

        Throwable lesson = WorkbookExtension.lesson(Optional.of("9.1a"), "T#t", failure, catalogue());

        assertThat(lesson).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("sizes differ\n=> Exercise 9.1a (Do the first thing): reread exercises.md#91a");
        AssertionFailedError afe = (AssertionFailedError) lesson;
        assertThat(afe.getExpected().getValue()).isEqualTo(3);
        assertThat(afe.getActual().getValue()).isEqualTo(2);
    }

    @Test
    void should_report_an_exception_from_the_code_under_test_as_a_failure_with_its_cause() throws IOException {
        IOException broken = new IOException("Connection reset");

        Throwable lesson = WorkbookExtension.lesson(Optional.of("9.2a"), "T#t", broken, catalogue());

        assertThat(lesson).isInstanceOf(AssertionFailedError.class).hasCause(broken)
                .hasMessageStartingWith("9.2a: the code under test threw java.io.IOException: Connection reset");
    }

    @Test
    void should_leave_a_test_without_an_exercise_tag_alone() throws IOException {
        IOException broken = new IOException("x");

        assertThat(WorkbookExtension.lesson(Optional.empty(), "T#t", broken, catalogue())).isSameAs(broken);
    }

    @Test
    void should_say_a_timeout_is_a_hang_and_name_the_exercise() throws IOException {
        Throwable lesson = WorkbookExtension.lesson(Optional.of("8.8z"), "T#t",
                new TimeoutException("t() timed out after 10 seconds"), null);

        assertThat(lesson).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("8.8z timed out: t() timed out after 10 seconds.\nYour code blocked");
    }

    /** Sample tests the engine runs below; not run on their own (the nested class is not static-discovered). */
    @Tag("7.7")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Hangs {
        @Test
        @Order(1)
        @Tag("7.7a")
        void first_hangs() throws InterruptedException {
            new CountDownLatch(1).await(5, TimeUnit.SECONDS); // far past the 200 ms timeout, yet the thread ends
        }

        @Test
        @Order(2)
        @Tag("7.7a")
        void second_would_hang_too() throws InterruptedException {
            new CountDownLatch(1).await(5, TimeUnit.SECONDS); // far past the 200 ms timeout, yet the thread ends
        }

        @Test
        @Order(3)
        @Tag("7.7b")
        void another_exercise_still_runs() {
            throw new NotStartedException("7.7b");
        }
    }

    @Test
    void should_skip_an_exercises_other_tests_after_one_timed_out_and_report_stubs_as_aborted() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.execution.timeout.default", "200 ms")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .selectors(selectClass(Hangs.class))
                .execute()
                .testEvents();

        assertThat(tests.failed().count()).as("the first hang fails").isEqualTo(1);
        assertThat(tests.skipped().list()).singleElement().satisfies(e -> assertThat(e.getPayload(String.class))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("skipped: 7.7a already timed out in Hangs#first_hangs")));
        assertThat(tests.aborted().list()).singleElement().satisfies(e -> assertThat(
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable())
                .hasValueSatisfying(t -> assertThat(t).isInstanceOf(NotStartedAbort.class).hasMessageStartingWith("not started: 7.7b")));
    }

    /** Sample: a test that runs into code the compiler could not compile. */
    @Tag("7.8")
    static class RunsIntoBrokenCode {
        @Test
        @Tag("7.8a")
        void calls_broken_code() {
            ProgressListenerTest.BrokenCode.call();
        }
    }

    @Test
    void should_report_code_that_does_not_compile_with_its_file_line_and_message() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(RunsIntoBrokenCode.class))
                .execute()
                .testEvents();

        assertThat(tests.failed().list()).singleElement().satisfies(e -> assertThat(
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable())
                .hasValueSatisfying(t -> assertThat(t).isInstanceOf(AssertionFailedError.class)
                        // the broken code is in another file than the test's own: the student's sources
                        .hasMessageStartingWith("does not compile: src/main/java/workbook/junit/ProgressListenerTest.java:")
                        .hasMessageContaining(": Syntax error on token \"=\", Expression expected after this token\n"
                                + "The compiler could not compile this code")
                        .hasMessageContaining("=> Exercise 7.8a")));
    }
}
