package ch04.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;
import workbook.property.Gen;
import workbook.property.Weighted;

/** 4.7c: {@link Statistics}, the numbers of the summary, against a plain computation written here. */
@Tag("4.7")
class StatisticsTest {

    private static final IOException REFUSED = new ConnectException("Connection refused");

    private static Duration ms(double millis) {
        return Duration.ofNanos(Math.round(millis * 1e6));
    }

    private static Summary summarize(List<Attempt> attempts) {
        var statistics = new Statistics();
        attempts.forEach(statistics::add);
        return statistics.summary();
    }

    /**
     * The summary computed the plain way, exactly: big integers for the sums, the population
     * variance n·Σx² − (Σx)² over n², a square root to 30 digits, then rounded half up to the
     * nanosecond.
     */
    static Summary expected(List<Attempt> attempts) {
        long sent = attempts.size();
        List<Long> times = attempts.stream().filter(a -> a instanceof Attempt.Connected)
                .map(a -> a.elapsed().toNanos()).toList();
        long connected = times.size();
        double loss = sent == 0 ? 0 : 100.0 * (sent - connected) / sent;
        if (connected == 0) {
            return new Summary(sent, 0, loss, Optional.empty());
        }
        BigInteger n = BigInteger.valueOf(connected);
        BigInteger sum = BigInteger.ZERO;
        BigInteger sumOfSquares = BigInteger.ZERO;
        for (long x : times) {
            sum = sum.add(BigInteger.valueOf(x));
            sumOfSquares = sumOfSquares.add(BigInteger.valueOf(x).pow(2));
        }
        BigDecimal average = new BigDecimal(sum).divide(new BigDecimal(n), 0, RoundingMode.HALF_UP);
        BigDecimal variance = new BigDecimal(n.multiply(sumOfSquares).subtract(sum.pow(2)))
                .divide(new BigDecimal(n.pow(2)), MathContext.DECIMAL128);
        BigDecimal stddev = variance.sqrt(new MathContext(30)).setScale(0, RoundingMode.HALF_UP);
        return new Summary(sent, connected, loss, Optional.of(new Summary.Times(
                Duration.ofNanos(times.stream().mapToLong(Long::longValue).min().orElseThrow()),
                Duration.ofNanos(average.longValueExact()),
                Duration.ofNanos(times.stream().mapToLong(Long::longValue).max().orElseThrow()),
                Duration.ofNanos(stddev.longValueExact()))));
    }

    /** Checks {@code got} against {@code want}: counts exact, loss to 1e-9, average and deviation to 1 ns. */
    static void assertSameSummary(Summary got, Summary want, String what) {
        assertThat(List.of(got.sent(), got.connected())).as("sent and connected for %s", what)
                .containsExactly(want.sent(), want.connected());
        assertThat(got.lossPercent()).as("lossPercent for %s: the share of the attempts sent that did not"
                + " connect, in percent, 0 when nothing was sent", what).isCloseTo(want.lossPercent(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(got.times().isPresent()).as("whether there are connect times for %s (only when some"
                + " attempt connected)", what).isEqualTo(want.times().isPresent());
        if (want.times().isEmpty()) {
            return;
        }
        Summary.Times g = got.times().orElseThrow();
        Summary.Times w = want.times().orElseThrow();
        assertThat(List.of(g.min(), g.max())).as("min and max connect time for %s", what)
                .containsExactly(w.min(), w.max());
        assertThat(Math.abs(g.average().toNanos() - w.average().toNanos()))
                .as("distance in ns of the average %s from %s for %s: the average is over the attempts that"
                        + " connected, not over all that were sent", g.average(), w.average(), what)
                .isLessThanOrEqualTo(1);
        assertThat(Math.abs(g.stddev().toNanos() - w.stddev().toNanos()))
                .as("distance in ns of the standard deviation %s from %s for %s: ping's is the population's"
                        + " (divide by n, not n - 1), and sum(x^2)/n - mean^2 in double loses the nanoseconds"
                        + " of long, close times", g.stddev(), w.stddev(), what)
                .isLessThanOrEqualTo(1);
    }

    @Test
    @Tag("4.7c")
    void should_count_nothing_before_the_first_attempt() {
        Summary summary = new Statistics().summary();
        assertThat(summary).as("the summary of no attempt: nothing sent, no loss to speak of (not NaN), no times")
                .isEqualTo(new Summary(0, 0, 0.0, Optional.empty()));
    }

    @Test
    @Tag("4.7c")
    void should_give_the_population_deviation_as_ping_does() {
        // GIVEN connects of 1 ms and 3 ms
        List<Attempt> attempts = List.of(new Attempt.Connected(1, ms(1)), new Attempt.Connected(2, ms(3)));
        // WHEN summarized
        Summary.Times times = summarize(attempts).times().orElseThrow();
        // THEN min 1, average 2, max 3, and the deviation of the population, sqrt(((1-2)^2 + (3-2)^2) / 2) = 1
        assertThat(times).as("times of connects of 1 ms and 3 ms; ping's mdev divides by n: 1 ms, where the"
                        + " sample's n - 1 would give 1.414 ms")
                .isEqualTo(new Summary.Times(ms(1), ms(2), ms(3), ms(1)));
    }

    @Test
    @Tag("4.7c")
    void should_count_timeouts_and_failures_as_sent_and_leave_them_out_of_the_times() {
        // GIVEN a connect of 1 ms, a 5 s timeout, a connect of 3 ms and a refusal after 0.1 ms
        List<Attempt> attempts = List.of(new Attempt.Connected(1, ms(1)), new Attempt.TimedOut(2, ms(5000)),
                new Attempt.Connected(3, ms(3)), new Attempt.Failed(4, ms(0.1), REFUSED));
        // WHEN summarized
        Summary summary = summarize(attempts);
        // THEN four were sent, two connected, half were lost, and the times are the two connects'
        assertThat(summary).as("summary of a connect of 1 ms, a timeout, a connect of 3 ms and a refusal:"
                        + " 4 sent, 2 connected, half of them lost; the times are the connects' alone, an average of 2 ms"
                        + " (not (1 + 3) / 4 = 1 ms over the attempts) and ping's deviation of 1 ms (the"
                        + " population's; the sample's would be 1.414 ms)")
                .isEqualTo(new Summary(4, 2, 50.0, Optional.of(new Summary.Times(ms(1), ms(2), ms(3), ms(1)))));
    }

    @Test
    @Tag("4.7c")
    void should_have_no_times_when_nothing_connected() {
        Summary summary = summarize(List.of(new Attempt.TimedOut(1, ms(5000)), new Attempt.TimedOut(2, ms(5000)),
                new Attempt.Failed(3, ms(0.2), REFUSED)));
        assertThat(summary).as("summary of two timeouts and a refusal: everything lost, and no connect time to show")
                .isEqualTo(new Summary(3, 0, 100.0, Optional.empty()));
    }

    @Test
    @Tag("4.7c")
    void should_give_one_connect_a_deviation_of_zero() {
        Summary summary = summarize(List.of(new Attempt.Connected(1, ms(0.412))));
        assertThat(summary).as("summary of one connect of 0.412 ms")
                .isEqualTo(new Summary(1, 1, 0.0, Optional.of(new Summary.Times(ms(0.412), ms(0.412), ms(0.412),
                        Duration.ZERO))));
    }

    @Test
    @Tag("4.7c")
    void should_keep_the_nanoseconds_of_long_close_times() {
        // GIVEN a thousand connects of almost a minute each, alternately 1 ns under and 1 ns over
        long minute = Duration.ofMinutes(1).toNanos();
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            attempts.add(new Attempt.Connected(i + 1, Duration.ofNanos(minute + (i % 2 == 0 ? -1 : 1))));
        }
        // WHEN summarized
        Summary.Times times = summarize(attempts).times().orElseThrow();
        // THEN the average is the minute and the deviation exactly 1 ns
        assertThat(List.of(times.average(), times.stddev()))
                .as("average and deviation of 1000 connects of 1 min - 1 ns and 1 min + 1 ns: sum(x^2)/n - mean^2"
                        + " in double cancels to noise at 3.6e21 ns^2 (one ulp is half a million);"
                        + " a running mean and sum of squared deviations (Welford) keeps the nanosecond")
                .containsExactly(Duration.ofNanos(minute), Duration.ofNanos(1));
    }

    @Test
    @Tag("4.7c")
    void should_refuse_null() {
        assertThat(Thrown.by(() -> new Statistics().add(null))).as("what add(null) throws")
                .isInstanceOf(NullPointerException.class);
    }

    /** Any attempts: connects, timeouts and refusals, with times anywhere up to a minute or bunched close together. */
    static Gen<List<Attempt>> attempts() {
        Gen<Long> anyNanos = Gen.longs(0, Duration.ofMinutes(1).toNanos());
        Gen<Gen<Long>> nanos = Gen.frequency(List.of(
                Weighted.of(2, Gen.constant(anyNanos)),
                Weighted.of(1, Gen.constant(Gen.longs(0, 5_000))),
                Weighted.of(2, anyNanos.map(base -> Gen.longs(0, 1_000).map(d -> base + d)))));
        Gen<List<Attempt>> unnumbered = nanos.flatMap(times -> Gen.lists(Gen.combine(Gen.integers(0, 9), times,
                (kind, t) -> kind < 6 ? (Attempt) new Attempt.Connected(0, Duration.ofNanos(t))
                        : kind < 9 ? new Attempt.TimedOut(0, Duration.ofNanos(t))
                        : new Attempt.Failed(0, Duration.ofNanos(t), REFUSED)), 0, 40));
        return unnumbered.map(StatisticsTest::numbered);
    }

    /** The same attempts numbered from 1, as a run numbers them (the numbers do not count here). */
    private static List<Attempt> numbered(List<Attempt> attempts) {
        List<Attempt> numbered = new ArrayList<>();
        for (Attempt a : attempts) {
            long n = numbered.size() + 1;
            numbered.add(switch (a) {
                case Attempt.Connected c -> new Attempt.Connected(n, c.elapsed());
                case Attempt.TimedOut t -> new Attempt.TimedOut(n, t.elapsed());
                case Attempt.Failed f -> new Attempt.Failed(n, f.elapsed(), f.cause());
            });
        }
        return List.copyOf(numbered);
    }

    @Test
    @Tag("4.7c")
    void should_agree_with_a_plain_computation_for_any_attempts() {
        forAll(attempts()).labels("attempts").tries(300).check(attempts ->
                assertSameSummary(summarize(attempts), expected(attempts), attempts.size() + " attempts"));
    }

    @Test
    @Tag("4.7c")
    void should_give_the_summary_so_far_at_any_moment() {
        forAll(attempts(), Gen.integers(0, 40)).labels("attempts", "cut").tries(100).check((attempts, cut) -> {
            // GIVEN statistics fed the attempts up to a cut, then asked, then fed the rest
            int at = Math.min(cut, attempts.size());
            var statistics = new Statistics();
            attempts.subList(0, at).forEach(statistics::add);
            Summary early = statistics.summary();
            attempts.subList(at, attempts.size()).forEach(statistics::add);
            // THEN each answer is the summary of what it had been fed (Ctrl+C may ask at any time)
            assertSameSummary(early, expected(attempts.subList(0, at)), "the first " + at + " attempts");
            assertSameSummary(statistics.summary(), expected(attempts), "all " + attempts.size()
                    + " attempts, after summary() was asked once on the way");
        });
    }
}
