package ch04.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FakeClock;
import workbook.fixtures.Fault;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.4d: {@link Backoff#exponential}, pauses that start short and double up to a ceiling. */
@Tag("4.4")
class BackoffTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    @Tag("4.4d")
    void should_double_the_pause_after_each_failure() {
        // GIVEN the workbook's backoff: 100 ms first, 10 s at most
        Backoff backoff = Backoff.exponential(Backoff.FIRST_PAUSE, Backoff.MAX_PAUSE);
        // WHEN asked for the pauses after 1 to 7 failures THEN each is twice the one before
        List<Duration> pauses = List.of(1, 2, 3, 4, 5, 6, 7).stream().map(backoff::pauseAfter).toList();
        assertThat(pauses).as("pauseAfter(1) to pauseAfter(7) of exponential(100 ms, 10 s): first * 2^(n - 1)")
                .containsExactly(ms(100), ms(200), ms(400), ms(800), ms(1600), ms(3200), ms(6400));
    }

    @Test
    @Tag("4.4d")
    void should_stop_growing_at_the_ceiling() {
        // GIVEN backoffs whose ceiling is exactly a doubling, and just under one
        Backoff exact = Backoff.exponential(ms(100), ms(6400));
        Backoff under = Backoff.exponential(ms(100), ms(6399));
        // WHEN asked around the ceiling THEN a pause never passes it
        assertThat(exact.pauseAfter(7)).as("pauseAfter(7) of exponential(100 ms, 6400 ms): 6400, which is the ceiling")
                .isEqualTo(ms(6400));
        assertThat(exact.pauseAfter(8)).as("pauseAfter(8) of exponential(100 ms, 6400 ms): 12800 capped").isEqualTo(ms(6400));
        assertThat(under.pauseAfter(6)).as("pauseAfter(6) of exponential(100 ms, 6399 ms)").isEqualTo(ms(3200));
        assertThat(under.pauseAfter(7)).as("pauseAfter(7) of exponential(100 ms, 6399 ms): 6400 capped").isEqualTo(ms(6399));
        assertThat(Backoff.exponential(Duration.ofNanos(3), Duration.ofNanos(7)).pauseAfter(2))
                .as("pauseAfter(2) of exponential(3 ns, 7 ns): 6 ns, under the ceiling; a doubling that reaches"
                        + " exactly half the ceiling may still double").isEqualTo(Duration.ofNanos(6));
        assertThat(Backoff.exponential(ms(5), ms(5)).pauseAfter(1)).as("pauseAfter(1) when first and max are equal")
                .isEqualTo(ms(5));
        assertThat(Backoff.exponential(ms(5), ms(5)).pauseAfter(2)).as("pauseAfter(2) when first and max are equal")
                .isEqualTo(ms(5));
    }

    @Test
    @Tag("4.4d")
    void should_not_overflow_after_any_number_of_failures() {
        // GIVEN the workbook's backoff and one with a ceiling as long as a Duration gets
        Backoff standard = Backoff.exponential(Backoff.FIRST_PAUSE, Backoff.MAX_PAUSE);
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        Backoff huge = Backoff.exponential(Duration.ofNanos(1), longest);
        // WHEN asked after 63, 64, 65 and Integer.MAX_VALUE failures THEN the ceiling, never a wrapped or failed number
        for (int n : new int[] {31, 32, 63, 64, 65, 1000, Integer.MAX_VALUE}) {
            assertThat(standard.pauseAfter(n)).as("pauseAfter(%d) of exponential(100 ms, 10 s): a shift by 64 or more"
                    + " wraps around, and Duration.multipliedBy overflows; stop doubling at the ceiling", n)
                    .isEqualTo(Backoff.MAX_PAUSE);
        }
        assertThat(huge.pauseAfter(Integer.MAX_VALUE)).as("pauseAfter(Integer.MAX_VALUE) of exponential(1 ns, the"
                + " longest Duration)").isEqualTo(longest);
        assertThat(huge.pauseAfter(64)).as("pauseAfter(64) of exponential(1 ns, the longest Duration): 2^63 ns")
                .isEqualTo(Duration.ofNanos(1).multipliedBy(1L << 62).multipliedBy(2));
    }

    @Test
    @Tag("4.4d")
    void should_pause_first_times_two_to_the_failures_minus_one_capped_at_max() {
        forAll(Gen.longs(1, 2_000_000_000L), Gen.longs(0, 100_000_000_000L), Gen.integers(1, 120))
                .labels("firstNanos", "extraNanosForMax", "failedTries").tries(300)
                .check((firstNanos, extra, n) -> {
                    // GIVEN any first pause and ceiling, and any number of failures
                    Duration first = Duration.ofNanos(firstNanos);
                    Duration max = first.plusNanos(extra);
                    Backoff backoff = Backoff.exponential(first, max);
                    // WHEN asked THEN min(max, first * 2^(n - 1)), and never less than after one failure fewer
                    BigInteger doubled = BigInteger.valueOf(firstNanos).shiftLeft(n - 1);
                    Duration expected = doubled.compareTo(BigInteger.valueOf(max.toNanos())) >= 0
                            ? max : Duration.ofNanos(doubled.longValueExact());
                    assertThat(backoff.pauseAfter(n)).as("pauseAfter(%d) of exponential(%s, %s)", n, first, max)
                            .isEqualTo(expected);
                    if (n > 1) {
                        assertThat(backoff.pauseAfter(n)).as("pauseAfter(%d) against pauseAfter(%d): a pause never"
                                + " shrinks", n, n - 1).isGreaterThanOrEqualTo(backoff.pauseAfter(n - 1));
                    }
                });
    }

    @Test
    @Tag("4.4d")
    void should_refuse_pauses_that_make_no_sense() {
        // GIVEN first pauses that are not positive, a ceiling under the first pause, and a count under 1
        // WHEN made or asked THEN each is refused with IllegalArgumentException
        assertThat(Thrown.by(() -> Backoff.exponential(Duration.ZERO, ms(10)))).as("exponential(0, 10 ms): a first"
                + " pause of 0 doubles to 0 forever").isInstanceOf(IllegalArgumentException.class);
        assertThat(Thrown.by(() -> Backoff.exponential(ms(-1), ms(10)))).as("exponential(-1 ms, 10 ms)")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Thrown.by(() -> Backoff.exponential(ms(10), ms(9)))).as("exponential(10 ms, 9 ms): the ceiling is"
                + " under the first pause").isInstanceOf(IllegalArgumentException.class);
        assertThat(Thrown.by(() -> Backoff.exponential(Duration.ofNanos(1), Duration.ofNanos(1)))).as("exponential(1 ns,"
                + " 1 ns): the smallest positive pause, with an equal ceiling, is fine").isNull();
        Backoff backoff = Backoff.exponential(ms(10), ms(100));
        assertThat(Thrown.by(() -> backoff.pauseAfter(0))).as("pauseAfter(0): the first failure is 1")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Thrown.by(() -> Backoff.exponential(null, ms(1)))).as("exponential(null, 1 ms)")
                .isInstanceOf(NullPointerException.class);
        assertThat(Thrown.by(() -> Backoff.exponential(ms(1), null))).as("exponential(1 ms, null)")
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @Tag("4.4d")
    void should_pause_as_the_standard_retry_says_when_every_try_times_out() throws Exception {
        // GIVEN the workbook's standard retry and a connection that always times out
        var clock = new FakeClock();
        var retry = Retry.standard(clock::sleep);
        var conn = new FaultyOutputStream(new ByteArrayOutputStream(), Fault.timeoutsAt(0, 1000));
        // WHEN writing through it
        Throwable thrown = RetryTest.withFakePauses(() -> retry.run(() -> conn.write(RetryTest.HELLO)));
        // THEN 7 tries, with pauses of 100 ms doubling: 6.3 s in all instead of Listing 4-13's 60 s
        assertThat(thrown).as("what the standard retry threw").isInstanceOf(RetriesExhaustedException.class);
        assertThat(clock.sleeps()).as("the pauses of Retry.standard, through the injected sleeper")
                .containsExactly(ms(100), ms(200), ms(400), ms(800), ms(1600), ms(3200));
        assertThat(clock.elapsed()).as("the time the tries took on the fake clock").isEqualTo(ms(6300));
    }
}
