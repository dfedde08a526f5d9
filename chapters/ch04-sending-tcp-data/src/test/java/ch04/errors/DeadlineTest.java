package ch04.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FakeClock;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.4a, first half: {@link Deadline#nextTimeoutMillis()}, one deadline as the timeout of the next call. */
@Tag("4.4")
class DeadlineTest {

    @Test
    @Tag("4.4a")
    void should_give_the_next_call_the_whole_milliseconds_that_are_left() throws Exception {
        // GIVEN a deadline 5 s away on a fake clock
        var clock = new FakeClock();
        var deadline = Deadline.after(Duration.ofSeconds(5), clock::nanoTime);
        // WHEN asked at once, after 1.2 s, and after another 0.5 ms
        int atStart = deadline.nextTimeoutMillis();
        clock.advance(Duration.ofMillis(1200));
        int later = deadline.nextTimeoutMillis();
        clock.advance(Duration.ofNanos(500_000));
        int halfAMillisecondLater = deadline.nextTimeoutMillis();
        // THEN it gives what is left, in whole milliseconds, rounded down
        assertThat(atStart).as("the timeout for a call made as the 5 s deadline is set").isEqualTo(5000);
        assertThat(later).as("the timeout for a call made 1.2 s into a 5 s deadline: what is left, not 5000 again")
                .isEqualTo(3800);
        assertThat(halfAMillisecondLater).as("the timeout with 3799.5 ms left: round down, so the call can never"
                + " wait past the deadline").isEqualTo(3799);
        assertThat(deadline.allowed()).as("allowed() of a deadline set 5 s away, 1.2005 s later: the time the"
                + " whole exchange was given, which does not change").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @Tag("4.4a")
    void should_give_one_millisecond_when_exactly_one_is_left() throws Exception {
        // GIVEN a deadline with exactly 1 ms left
        var clock = new FakeClock();
        var deadline = Deadline.after(Duration.ofMillis(10), clock::nanoTime);
        clock.advance(Duration.ofMillis(9));
        // WHEN asked THEN the last millisecond is still a timeout to use
        assertThat(deadline.nextTimeoutMillis()).as("the timeout with exactly 1 ms left").isEqualTo(1);
    }

    @Test
    @Tag("4.4a")
    void should_fail_at_once_when_less_than_a_millisecond_is_left() {
        // GIVEN deadlines with 0.999999 ms left, nothing left, and one that passed 3 ms ago
        var clock = new FakeClock();
        var almost = Deadline.after(Duration.ofNanos(999_999), clock::nanoTime);
        var now = Deadline.after(Duration.ZERO, clock::nanoTime);
        var passed = Deadline.after(Duration.ofSeconds(2), clock::nanoTime);
        // WHEN asked for a timeout THEN each is a DeadlineExceededException: a Java timeout of 0 would mean forever
        for (var deadline : new Deadline[] {almost, now}) {
            assertThat(Thrown.by(deadline::nextTimeoutMillis)).as("nextTimeoutMillis() with %s left: less than 1 ms"
                    + " left is nothing left, and returning 0 would make the next read wait forever",
                    deadline.remaining()).isInstanceOf(DeadlineExceededException.class);
        }
        clock.advance(Duration.ofMillis(2003));
        Throwable thrown = Thrown.by(passed::nextTimeoutMillis);
        assertThat(thrown).as("nextTimeoutMillis() 3 ms after a 2 s deadline passed")
                .isInstanceOf(DeadlineExceededException.class);
        var e = (DeadlineExceededException) thrown;
        assertThat(e.allowed()).as("allowed() of a 2 s deadline found passed: use Deadline.exceeded()")
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(e.elapsed()).as("elapsed() of a 2 s deadline found passed 2.003 s after it was set")
                .isEqualTo(Duration.ofMillis(2003));
        assertThat(e.getMessage()).as("the message of the DeadlineExceededException, with both numbers")
                .contains("2000.000 ms").contains("2003.000 ms");
    }

    @Test
    @Tag("4.4a")
    void should_never_hand_out_zero_or_more_than_is_left() {
        forAll(Gen.longs(0, 20_000_000_000L), Gen.longs(0, 20_000_000_000L)).labels("allowedNanos", "elapsedNanos")
                .tries(300).check((allowedNanos, elapsedNanos) -> {
                    // GIVEN any deadline, any time into it
                    var clock = new FakeClock();
                    var deadline = Deadline.after(Duration.ofNanos(allowedNanos), clock::nanoTime);
                    clock.advance(Duration.ofNanos(elapsedNanos));
                    long leftNanos = allowedNanos - elapsedNanos;
                    // WHEN asked for a timeout
                    var result = new int[1];
                    Throwable thrown = Thrown.by(() -> result[0] = deadline.nextTimeoutMillis());
                    // THEN it is the whole milliseconds left, or a DeadlineExceededException when that is under 1
                    if (leftNanos < 1_000_000) {
                        assertThat(thrown).as("nextTimeoutMillis() with %d ns left", leftNanos)
                                .isInstanceOf(DeadlineExceededException.class);
                    } else {
                        assertThat(thrown).as("nextTimeoutMillis() with %d ns left must not throw", leftNanos).isNull();
                        assertThat(result[0]).as("nextTimeoutMillis() with %d ns left: the whole milliseconds left",
                                leftNanos).isEqualTo(leftNanos / 1_000_000);
                    }
                });
    }

    @Test
    @Tag("4.4a")
    void should_describe_the_deadline_itself_when_it_refuses_a_timeout() {
        forAll(Gen.longs(0, 20_000_000_000L), Gen.longs(-999_999, 20_000_000_000L)).labels("allowedNanos", "overNanos")
                .tries(200).check((allowedNanos, overNanos) -> {
                    // GIVEN any deadline, found with less than 1 ms left: overNanos past it, or up to 1 ms before
                    var clock = new FakeClock();
                    var deadline = Deadline.after(Duration.ofNanos(allowedNanos), clock::nanoTime);
                    clock.advance(Duration.ofNanos(Math.max(0, allowedNanos + overNanos)));
                    // WHEN asked for a timeout
                    Throwable thrown = Thrown.by(deadline::nextTimeoutMillis);
                    // THEN the DeadlineExceededException gives this deadline's own numbers, to the nanosecond
                    assertThat(thrown).as("nextTimeoutMillis() with %s left", deadline.remaining())
                            .isInstanceOf(DeadlineExceededException.class);
                    var e = (DeadlineExceededException) thrown;
                    assertThat(deadline.allowed()).as("allowed() of a deadline set with Duration.ofNanos(%d)", allowedNanos)
                            .isEqualTo(Duration.ofNanos(allowedNanos));
                    assertThat(e.allowed()).as("allowed() of the exception: the time the deadline allowed, not what is"
                            + " left or a rounded value (Deadline.exceeded() builds it)").isEqualTo(deadline.allowed());
                    assertThat(e.elapsed()).as("elapsed() of the exception: the time since the deadline was set")
                            .isEqualTo(deadline.elapsed());
                });
    }

    @Test
    @Tag("4.4a")
    void should_cap_a_far_deadline_at_the_largest_timeout_a_socket_takes() throws Exception {
        // GIVEN deadlines just under, at, just over and far over Integer.MAX_VALUE ms (about 24.8 days)
        var clock = new FakeClock();
        long max = Integer.MAX_VALUE;
        // WHEN asked THEN setSoTimeout's int is never overflowed: past the largest, the largest
        assertThat(Deadline.after(Duration.ofMillis(max - 1), clock::nanoTime).nextTimeoutMillis())
                .as("the timeout of a deadline %d ms away", max - 1).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(Deadline.after(Duration.ofMillis(max), clock::nanoTime).nextTimeoutMillis())
                .as("the timeout of a deadline Integer.MAX_VALUE ms away").isEqualTo(Integer.MAX_VALUE);
        assertThat(Deadline.after(Duration.ofMillis(max + 1), clock::nanoTime).nextTimeoutMillis())
                .as("the timeout of a deadline Integer.MAX_VALUE + 1 ms away: a cast to int would make it negative")
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(Deadline.after(Duration.ofDays(365), clock::nanoTime).nextTimeoutMillis())
                .as("the timeout of a deadline a year away").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    @Tag("4.4a")
    void should_measure_by_subtraction_so_a_clock_that_wraps_around_still_works() throws Exception {
        // GIVEN a monotonic clock 1 s before its long overflows, as System.nanoTime() may be
        var reading = new AtomicLong(Long.MAX_VALUE - 1_000_000_000L);
        var deadline = Deadline.after(Duration.ofSeconds(5), reading::get);
        // WHEN 2 s pass (the reading wraps to a large negative number) and then 4 s more
        reading.addAndGet(2_000_000_000L);
        int afterTwo = deadline.nextTimeoutMillis();
        reading.addAndGet(4_000_000_000L);
        Throwable afterSix = Thrown.by(deadline::nextTimeoutMillis);
        // THEN only the difference of the readings counts
        assertThat(afterTwo).as("the timeout 2 s into a 5 s deadline, while the clock's reading wrapped around:"
                + " compare readings by subtracting them (Deadline.remaining())").isEqualTo(3000);
        assertThat(afterSix).as("nextTimeoutMillis() 6 s into a 5 s deadline, the clock's reading wrapped")
                .isInstanceOf(DeadlineExceededException.class);
    }
}
