package workbook.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static workbook.property.Property.forAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The kit's budgets sit inside a chapter's 10 s JUnit timeout (SEPARATE_THREAD), so a slow
 * property ends in a report, not in "timed out": shrinking stops after 3 s (or 20,000 replays)
 * and shows the simplest case so far; tries stop after 5 s and the property passes with a note.
 */
class BudgetTest {
    @TempDir
    Path failures;

    private String shrinkSeconds;
    private String maxTrySeconds;

    @BeforeEach
    void saveSystemProperties() {
        shrinkSeconds = System.clearProperty("property.shrinkSeconds");
        maxTrySeconds = System.clearProperty("property.maxTrySeconds");
    }

    @AfterEach
    void restoreSystemProperties() {
        restore("property.shrinkSeconds", shrinkSeconds);
        restore("property.maxTrySeconds", maxTrySeconds);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    @DisplayName("the budgets default to 3 s of shrinking and 5 s of tries, and the system properties change them")
    void should_read_the_budgets() {
        assertThat(Settings.shrinkTime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(Settings.tryTime()).isEqualTo(Duration.ofSeconds(5));
        System.setProperty("property.shrinkSeconds", "0.5");
        System.setProperty("property.maxTrySeconds", "8");
        assertThat(Settings.shrinkTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(Settings.tryTime()).isEqualTo(Duration.ofSeconds(8));
        assertThat(Property.forAll(Gen.booleans()).spec().shrinkTime()).isEqualTo(Duration.ofMillis(500));
        System.setProperty("property.shrinkSeconds", "soon");
        assertThatThrownBy(Settings::shrinkTime).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dproperty.shrinkSeconds must be a positive number of seconds");
        System.setProperty("property.maxTrySeconds", "0");
        assertThatThrownBy(Settings::tryTime).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("shrinking that runs out of replays reports the simplest case so far and says it stopped at its budget")
    void should_report_the_best_case_when_the_replays_run_out() {
        var checker = forAll(Gen.lists(Gen.integers(0, 1000), 0, 50)).tries(100);
        checker.spec().store = null;
        checker.spec().maxShrinkReplays = 3;

        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                () -> checker.check(list -> assertThat(list).hasSizeLessThan(5)));

        assertThat(error.getMessage())
                .contains("(3 replays)")
                .contains("Counterexample:\n  arg 1 = [")
                .contains("Note: shrinking stopped at its budget (3 replays or 3 s, -Dproperty.shrinkSeconds=N allows more)")
                .contains("this is the simplest case found so far");
        assertThat(error.getCause()).isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("shrinking that runs out of time stops within its budget and reports the simplest case so far")
    void should_report_the_best_case_when_the_time_runs_out() {
        var checker = forAll(Gen.lists(Gen.integers(0, 1000), 0, 50)).tries(100);
        checker.spec().store = null;
        checker.spec().maxShrinkTime = Duration.ofMillis(200);
        // A slow property on a fake clock: every run takes 5 ms, so 200 ms is 40 replays at most.
        AtomicLong now = new AtomicLong();
        checker.spec().clock = now::get;

        Result result = checker.run(list -> {
            now.addAndGet(5_000_000);
            assertThat(list).hasSizeLessThan(5);
        });

        assertThat(result.passed()).isFalse();
        assertThat(result.counterexample().shrinking().stoppedEarly()).startsWith("shrinking stopped at its budget (20000 replays or 0.2 s");
        assertThat(result.counterexample().shrinking().replays()).isBetween(39, 41);
        assertThat((java.util.List<?>) result.counterexample().args().get(0)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    @DisplayName("tries that run past their budget stop, and the property passes on the tries it made, with a note")
    void should_stop_trying_at_the_try_budget_and_pass() {
        AtomicInteger calls = new AtomicInteger();
        var checker = forAll(Gen.integers(0, 9)).tries(10_000);
        checker.spec().store = null;
        checker.spec().maxTryTime = Duration.ofMillis(100);
        // Every try takes 2 ms on a fake clock: the budget ends after 50 of the 10,000.
        AtomicLong now = new AtomicLong();
        checker.spec().clock = now::get;

        var stderr = new java.io.ByteArrayOutputStream();
        var original = System.err;
        System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
        Result result;
        try {
            result = checker.run(x -> {
                calls.incrementAndGet();
                now.addAndGet(2_000_000);
            });
        } finally {
            System.setErr(original);
        }

        assertThat(result.passed()).isTrue();
        assertThat(stderr.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Note: " + result.tries().stoppedEarly() + System.lineSeparator());
        assertThat(calls.get()).isBetween(50, 51);
        assertThat(result.tries().stoppedEarly()).contains("passed " + calls.get() + " of its 10000 tries")
                .contains("-Dproperty.maxTrySeconds=N allows more");
    }

    @Test
    @DisplayName("a replay (-Dproperty.seed) runs all its tries past the try budget: it must reach the try that failed")
    void should_not_stop_a_replay_at_the_try_budget() {
        // GIVEN a property that fails only on its 80th try, where every try takes 2 ms and the budget is 100 ms
        AtomicInteger calls = new AtomicInteger();
        var checker = forAll(Gen.integers(0, 9)).tries(100);
        checker.spec().store = null;
        checker.spec().maxTryTime = Duration.ofMillis(100);
        AtomicLong now = new AtomicLong();
        checker.spec().clock = now::get;
        System.setProperty("property.seed", "42");
        Result result;
        try {
            // WHEN it is replayed with the seed from its report
            result = checker.run(x -> {
                now.addAndGet(2_000_000);
                if (calls.incrementAndGet() == 80) {
                    throw new AssertionError("the 80th try");
                }
            });
        } finally {
            System.clearProperty("property.seed");
        }

        // THEN it reaches the failing try instead of passing on the first 50
        assertThat(result.passed()).isFalse();
        assertThat(result.tries().made()).isEqualTo(80);
    }

    @Test
    @DisplayName("a failure is saved as soon as it is found, before shrinking, so a timeout cannot lose it")
    void should_save_the_failure_before_shrinking() {
        FailureStore store = new FailureStore(failures);
        AtomicBoolean savedWhenShrinkingBegan = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        var checker = forAll(Gen.integers(0, 1000)).named("saved early");
        checker.spec().store = store;

        checker.run(x -> {
            if (x >= 10) {
                if (failures.incrementAndGet() == 2) { // the first shrink replay that fails
                    savedWhenShrinkingBegan.set(Files.exists(store.file("saved early")));
                }
                throw new AssertionError("too big: " + x);
            }
        });

        assertThat(savedWhenShrinkingBegan).isTrue();
        assertThat(store.load("saved early")).containsExactly(10);
    }

    @Test
    @DisplayName("interrupted while shrinking (a JUnit timeout in a separate thread), it stops and saves the best case so far")
    void should_save_the_best_case_when_interrupted_while_shrinking() throws InterruptedException {
        FailureStore store = new FailureStore(failures);
        AtomicInteger failingRuns = new AtomicInteger();
        Result[] result = new Result[1];
        // JUnit's timeout interrupts the test's thread between two replays; here the property does it
        // itself on its fifth failing run, which is always mid-shrink, with no timing involved.
        Thread worker = new Thread(() -> {
            var checker = forAll(Gen.lists(Gen.integers(0, 1000), 0, 50)).named("interrupted");
            checker.spec().store = store;
            result[0] = checker.run(list -> {
                if (list.size() >= 5) {
                    if (failingRuns.incrementAndGet() == 5) {
                        Thread.currentThread().interrupt();
                    }
                    throw new AssertionError("too long: " + list.size());
                }
            });
        });
        worker.start();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(result[0].counterexample().shrinking().stoppedEarly()).isEqualTo("shrinking was interrupted; this is the simplest case found so far");
        assertThat(store.load("interrupted")).isNotNull().isEqualTo(result[0].counterexample().choices());
    }
}
