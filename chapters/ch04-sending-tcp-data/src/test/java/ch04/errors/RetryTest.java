package ch04.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FakeClock;
import workbook.fixtures.Fault;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/**
 * Exercise 4.4c: {@link Retry}, Listing 4-13's loop: tries within a budget, a pause between them
 * through the injected sleeper, a permanent failure at once, a typed error when the budget is spent.
 *
 * <p>These tests pass the retry its rule for what is worth a retry ({@link #TIMEOUTS}), so they do
 * not need 4.4b; only the test of {@link Retry#listing413} uses {@link Failures}.
 */
@Tag("4.4")
class RetryTest {

    /** Worth a retry here: a timeout, as in 4.4b (without its deadline case). */
    static final Predicate<IOException> TIMEOUTS = e -> e instanceof SocketTimeoutException;

    static final byte[] HELLO = "hello world".getBytes(StandardCharsets.UTF_8);

    /**
     * Runs a retry whose pauses all go to a fake clock, so it takes no real time; one still running
     * after a few seconds is sleeping for real, and is interrupted.
     */
    static Throwable withFakePauses(Thrown.Call retry) throws Exception {
        return Bounded.run(Duration.ofSeconds(3), "the retry was still running 3 s after it began, though every pause"
                + " it asks the injected sleeper (clock::sleep) for returns at once: take every pause through the"
                + " sleeper, never with Thread.sleep, or each test of a retry waits for real", Thread::interrupt, retry);
    }

    /** An attempt that fails with {@code failures} in order, then returns {@code "done"}; it counts its tries. */
    static final class Script implements Retry.Attempt<String> {
        private final List<IOException> failures;
        int tries;

        Script(List<IOException> failures) {
            this.failures = failures;
        }

        static Script timeouts(int k) {
            return new Script(Collections.nCopies(k, new SocketTimeoutException("Write timed out")));
        }

        @Override
        public String run() throws IOException {
            tries++;
            if (tries <= failures.size()) {
                throw failures.get(tries - 1);
            }
            return "done";
        }
    }

    @Test
    @Tag("4.4c")
    void should_return_at_once_when_the_first_try_succeeds() throws Exception {
        // GIVEN a call that succeeds
        var clock = new FakeClock();
        var retry = new Retry(Retry.MAX_TRIES, TIMEOUTS, Backoff.constant(Backoff.LISTING_PAUSE), clock::sleep);
        var call = Script.timeouts(0);
        // WHEN run THEN its result comes back after one try and no pause
        assertThat(retry.call(call)).as("what call() returned for an attempt that returns \"done\"").isEqualTo("done");
        assertThat(call.tries).as("tries of an attempt that succeeds at once").isEqualTo(1);
        assertThat(clock.sleeps()).as("pauses for an attempt that succeeds at once").isEmpty();
    }

    @Test
    @Tag("4.4c")
    void should_retry_the_chapters_write_through_two_timeouts_pausing_between_tries() throws Exception {
        // GIVEN Listing 4-13's write of "hello world" to a connection that times out twice before taking any byte
        var clock = new FakeClock();
        var retry = new Retry(Retry.MAX_TRIES, TIMEOUTS, Backoff.constant(Backoff.LISTING_PAUSE), clock::sleep);
        var received = new ByteArrayOutputStream();
        var conn = new FaultyOutputStream(received, Fault.timeoutsAt(0, 2));
        // WHEN written with the retry
        assertThat(withFakePauses(() -> retry.run(() -> conn.write(HELLO)))).as("what the retried write threw").isNull();
        // THEN the third try gets it through, after two pauses of Listing 4-13's 10 s, taken through the sleeper
        assertThat(received.toString(StandardCharsets.UTF_8)).as("what the connection received").isEqualTo("hello world");
        assertThat(conn.writeCalls()).as("tries: two timeouts, then the write that went through").isEqualTo(3);
        assertThat(clock.sleeps()).as("the pauses asked of the injected sleeper (clock::sleep): one after each failed"
                + " try; Thread.sleep would make every test of a retry wait for real")
                .containsExactly(Backoff.LISTING_PAUSE, Backoff.LISTING_PAUSE);
    }

    @Test
    @Tag("4.4c")
    void should_throw_a_permanent_failure_at_once_and_unchanged() {
        // GIVEN a connection the peer has reset
        var clock = new FakeClock();
        var retry = new Retry(Retry.MAX_TRIES, TIMEOUTS, Backoff.constant(Backoff.LISTING_PAUSE), clock::sleep);
        var reset = new SocketException("Connection reset");
        var conn = new FaultyOutputStream(new ByteArrayOutputStream(), Fault.failAt(0, reset));
        // WHEN written with the retry
        Throwable thrown = Thrown.by(() -> retry.run(() -> conn.write(HELLO)));
        // THEN the reset comes back as it was thrown, after one try and no pause
        assertThat(thrown).as("what the retry threw for a failure not worth retrying: that failure itself, not a"
                + " wrapper and not a RetriesExhaustedException").isSameAs(reset);
        assertThat(conn.writeCalls()).as("tries of a write that failed with a reset").isEqualTo(1);
        assertThat(clock.sleeps()).as("pauses before giving up on a reset").isEmpty();
    }

    @Test
    @Tag("4.4c")
    void should_stop_at_a_permanent_failure_after_transient_ones() throws Exception {
        // GIVEN a call that times out twice, then fails for good, and would succeed after that
        var clock = new FakeClock();
        var retry = new Retry(Retry.MAX_TRIES, TIMEOUTS, Backoff.constant(Backoff.LISTING_PAUSE), clock::sleep);
        var reset = new SocketException("Connection reset");
        var call = new Script(List.of(new SocketTimeoutException("1"), new SocketTimeoutException("2"), reset));
        // WHEN run
        Throwable thrown = withFakePauses(() -> retry.call(call));
        // THEN the permanent failure ends it at the third try
        assertThat(thrown).as("what the retry threw when the third try failed for good").isSameAs(reset);
        assertThat(call.tries).as("tries: two timeouts, then the reset, and none after it").isEqualTo(3);
        assertThat(clock.sleeps()).as("pauses: one after each timeout, none after the reset").hasSize(2);
    }

    @Test
    @Tag("4.4c")
    void should_give_up_after_seven_tries_naming_them_and_not_pause_after_the_last() throws Exception {
        // GIVEN a call that always times out, and Listing 4-13's budget of 7 tries, 10 s apart
        var clock = new FakeClock();
        var retry = new Retry(Retry.MAX_TRIES, TIMEOUTS, Backoff.constant(Backoff.LISTING_PAUSE), clock::sleep);
        var call = Script.timeouts(100);
        // WHEN run
        Throwable thrown = withFakePauses(() -> retry.call(call));
        // THEN it gives up after 7 tries with a typed error that names them and keeps every failure
        assertThat(call.tries).as("tries of a call that always times out, with a budget of %d", Retry.MAX_TRIES)
                .isEqualTo(Retry.MAX_TRIES);
        assertThat(thrown).as("what the retry threw once the budget was spent")
                .isInstanceOf(RetriesExhaustedException.class);
        var exhausted = (RetriesExhaustedException) thrown;
        assertThat(exhausted.tries()).as("tries() of the RetriesExhaustedException").isEqualTo(7);
        assertThat(exhausted.getMessage()).as("the message names the tries").contains("7 tries");
        assertThat(exhausted.getCause()).as("the cause: the last try's failure").isInstanceOf(SocketTimeoutException.class);
        assertThat(exhausted.getSuppressed()).as("the suppressed exceptions: the failures of the 6 tries before the"
                + " last, in order").hasSize(6).allSatisfy(e -> assertThat(e).isInstanceOf(SocketTimeoutException.class));
        assertThat(clock.sleeps()).as("pauses for 7 failed tries: 6, one between each two tries; Listing 4-13 sleeps"
                + " a seventh time before giving up, 10 s spent learning nothing")
                .isEqualTo(Collections.nCopies(6, Backoff.LISTING_PAUSE));
    }

    @Test
    @Tag("4.4c")
    void should_follow_the_backoff_and_the_budget_for_any_number_of_failures() {
        forAll(Gen.integers(1, 10), Gen.integers(0, 12)).labels("maxTries", "timeoutsBeforeSuccess").tries(200)
                .check((maxTries, k) -> {
                    // GIVEN a call that times out k times and then succeeds, and a backoff of n * 7 ms after n failures
                    var clock = new FakeClock();
                    Backoff backoff = n -> Duration.ofMillis(7L * n);
                    var retry = new Retry(maxTries, TIMEOUTS, backoff, clock::sleep);
                    var call = Script.timeouts(k);
                    // WHEN run
                    Throwable thrown = Thrown.by(() -> retry.call(call));
                    // THEN it tries at most maxTries times, pausing backoff.pauseAfter(1), (2), ... between tries
                    int tries = Math.min(k + 1, maxTries);
                    assertThat(call.tries).as("tries with a budget of %d and %d timeouts before success", maxTries, k)
                            .isEqualTo(tries);
                    assertThat(clock.sleeps()).as("pauses: backoff.pauseAfter(n) after the n-th failed try, none"
                            + " after the last").isEqualTo(IntStream.rangeClosed(1, tries - 1)
                                    .mapToObj(backoff::pauseAfter).toList());
                    if (k < maxTries) {
                        assertThat(thrown).as("what the retry threw when try %d succeeded", k + 1).isNull();
                    } else {
                        assertThat(thrown).as("what the retry threw when all %d tries timed out", maxTries)
                                .isInstanceOfSatisfying(RetriesExhaustedException.class,
                                        e -> assertThat(e.tries()).as("tries()").isEqualTo(maxTries));
                    }
                });
    }

    @Test
    @Tag("4.4c")
    void should_allow_a_budget_of_one_try_and_refuse_less() {
        // GIVEN a budget of one try, and a call that times out once
        var clock = new FakeClock();
        var once = new Retry(1, TIMEOUTS, Backoff.constant(Backoff.LISTING_PAUSE), clock::sleep);
        var call = Script.timeouts(1);
        // WHEN run THEN one try is made and the budget is spent
        Throwable thrown = Thrown.by(() -> once.call(call));
        assertThat(thrown).as("what a budget of 1 try throws when that try times out")
                .isInstanceOf(RetriesExhaustedException.class);
        assertThat(thrown.getMessage()).as("the message names the tries").contains("1 try");
        assertThat(call.tries).as("tries with a budget of 1").isEqualTo(1);
        assertThat(clock.sleeps()).as("pauses with a budget of 1").isEmpty();
        // AND a budget of 0 or less, or a missing part, is refused when the retry is made
        for (int bad : new int[] {0, -1}) {
            Throwable refused = Thrown.by(() -> new Retry(bad, TIMEOUTS, Backoff.constant(Duration.ZERO), clock::sleep));
            assertThat(refused).as("new Retry(maxTries = %d, ...): the first try counts, so fewer than 1 is a mistake", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(refused.getMessage()).as("the message of the refusal names the number").contains(String.valueOf(bad));
        }
        assertThat(Thrown.by(() -> new Retry(1, null, Backoff.constant(Duration.ZERO), clock::sleep)))
                .as("new Retry with no rule for what to retry").isInstanceOf(NullPointerException.class);
        assertThat(Thrown.by(() -> new Retry(1, TIMEOUTS, null, clock::sleep)))
                .as("new Retry with no backoff").isInstanceOf(NullPointerException.class);
        assertThat(Thrown.by(() -> new Retry(1, TIMEOUTS, Backoff.constant(Duration.ZERO), null)))
                .as("new Retry with no sleeper").isInstanceOf(NullPointerException.class);
    }

    @Test
    @Tag("4.4c")
    void should_stop_retrying_when_interrupted_during_a_pause() {
        // GIVEN a sleeper that is interrupted, and a call that always times out
        var pauses = new ArrayList<Duration>();
        Sleeper interrupted = pause -> {
            pauses.add(pause);
            throw new InterruptedException("stop");
        };
        var retry = new Retry(Retry.MAX_TRIES, TIMEOUTS, Backoff.constant(Duration.ofSeconds(1)), interrupted);
        var call = Script.timeouts(100);
        try {
            // WHEN run
            Throwable thrown = Thrown.by(() -> retry.call(call));
            // THEN it stops at once with an InterruptedIOException, and the thread is still marked interrupted
            assertThat(thrown).as("what the retry threw when its pause was interrupted: an IOException that says so")
                    .isInstanceOf(InterruptedIOException.class).isNotInstanceOf(SocketTimeoutException.class);
            assertThat(thrown.getCause()).as("its cause: the InterruptedException").isInstanceOf(InterruptedException.class);
            assertThat(thrown.getSuppressed()).as("its suppressed exceptions: the timeout of the try before the pause,"
                    + " so it is not lost").hasSize(1).allSatisfy(e -> assertThat(e).isInstanceOf(SocketTimeoutException.class));
            assertThat(Thread.currentThread().isInterrupted()).as("the thread's interrupt flag after the retry gave up:"
                    + " catching InterruptedException clears it, so set it again for the code that asked to stop").isTrue();
            assertThat(call.tries).as("tries: the one before the interrupted pause, none after").isEqualTo(1);
            assertThat(pauses).as("pauses begun").hasSize(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @Tag("4.4c")
    void should_let_a_runtime_exception_through_without_a_retry() {
        // GIVEN a call with a bug
        var clock = new FakeClock();
        var retry = new Retry(Retry.MAX_TRIES, TIMEOUTS, Backoff.constant(Backoff.LISTING_PAUSE), clock::sleep);
        var bug = new IllegalStateException("a bug, not the network");
        int[] tries = {0};
        // WHEN run
        Throwable thrown = Thrown.by(() -> retry.call(() -> {
            tries[0]++;
            throw bug;
        }));
        // THEN it goes through as it is
        assertThat(thrown).as("what the retry threw for an IllegalStateException from the call").isSameAs(bug);
        assertThat(tries[0]).as("tries of a call that threw a RuntimeException").isEqualTo(1);
        assertThat(clock.sleeps()).as("pauses").isEmpty();
    }

    @Test
    @Tag("4.4c")
    void should_port_listing_4_13_with_seven_tries_ten_seconds_apart() throws Exception {
        // GIVEN Listing 4-13's retry, and a connection that always times out
        var clock = new FakeClock();
        var retry = Retry.listing413(clock::sleep);
        var conn = new FaultyOutputStream(new ByteArrayOutputStream(), Fault.timeoutsAt(0, 1000));
        // WHEN writing "hello world"
        Throwable thrown = withFakePauses(() -> retry.run(() -> conn.write(HELLO)));
        // THEN 7 tries, 10 s apart, then the typed error; the whole attempt took a minute of (fake) time
        assertThat(retry.maxTries()).as("Listing 4-13's budget").isEqualTo(7);
        assertThat(thrown).as("what Listing 4-13's retry threw for a connection that always times out")
                .isInstanceOf(RetriesExhaustedException.class);
        assertThat(conn.writeCalls()).as("tries").isEqualTo(7);
        assertThat(clock.elapsed()).as("the time the tries took on the fake clock: 6 pauses of 10 s")
                .isEqualTo(Duration.ofSeconds(60));
    }
}
