package ch04.ping;

import static ch04.ping.ScriptedConnector.connects;
import static ch04.ping.ScriptedConnector.fails;
import static ch04.ping.ScriptedConnector.interrupted;
import static ch04.ping.ScriptedConnector.refuses;
import static ch04.ping.ScriptedConnector.timesOut;
import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FakeClock;
import workbook.fixtures.Thrown;
import workbook.property.Gen;
import workbook.property.Weighted;

/**
 * 4.7d: {@link Pinger#run}, Listing 4-22's loop, on a {@link FakeClock} and a scripted connector:
 * every count, interval, timeout and outcome, and no test waits a real second. The real sockets
 * are in {@code PingerLoopbackTest}.
 */
@Tag("4.7")
class PingerTest {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final int PORT = 7;
    static final InetSocketAddress ADDRESS = new InetSocketAddress(LOOPBACK, PORT);

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void clearInterrupt() {
        // A run that ends by interrupt leaves the flag set on purpose; the next test needs it clear.
        Thread.interrupted();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static PingOptions options(long count, Duration interval, Duration timeout) {
        return new PingOptions("target.test", PORT, count, interval, timeout);
    }

    private Pinger pinger(ScriptedConnector connector) {
        return new Pinger(host -> LOOPBACK, connector, clock::nanoTime, clock::sleep);
    }

    private Pinger.Result run(PingOptions options, ScriptedConnector connector) throws UnknownHostException {
        return pinger(connector).run(options, listener);
    }

    @Test
    @Tag("4.7d")
    void should_make_count_attempts_and_report_each_with_its_time() throws Exception {
        // GIVEN the chapter's defaults and connects that take 2, 3 and 4 ms
        var connector = new ScriptedConnector(clock, List.of(connects(ms(2)), connects(ms(3)), connects(ms(4))));
        // WHEN the loop runs
        Pinger.Result result = run(options(3, ms(1000), ms(5000)), connector);
        // THEN it made three attempts with the timeout, reported each with its time, and completed
        assertThat(connector.calls()).as("connect calls: three, each to the resolved address with the timeout")
                .containsExactly(new ScriptedConnector.Call(ADDRESS, ms(5000)),
                        new ScriptedConnector.Call(ADDRESS, ms(5000)), new ScriptedConnector.Call(ADDRESS, ms(5000)));
        assertThat(listener.started()).as("addresses passed to started(): the resolved one, once").containsExactly(ADDRESS);
        assertThat(listener.attempts()).as("attempts reported, numbered from 1, timed on the clock you were given")
                .containsExactly(new Attempt.Connected(1, ms(2)), new Attempt.Connected(2, ms(3)),
                        new Attempt.Connected(3, ms(4)));
        assertThat(result.ending()).as("how a run of count attempts ends").isEqualTo(Pinger.Ending.COMPLETED);
        assertThat(result.summary().sent()).as("attempts counted in the summary").isEqualTo(3);
        assertThat(result.exitStatus()).as("exit status when every attempt connected").isEqualTo(Ping.SUCCESS);
    }

    @Test
    @Tag("4.7d")
    void should_pause_through_the_sleeper_from_start_to_start_and_not_after_the_last() throws Exception {
        // GIVEN an interval of 1 s and connects of 2, 3 and 4 ms
        var connector = new ScriptedConnector(clock, List.of(connects(ms(2)), connects(ms(3)), connects(ms(4))));
        // WHEN the loop runs
        run(options(3, ms(1000), ms(5000)), connector);
        // THEN it paused twice, for what was left of each interval, through the injected sleeper
        assertThat(clock.sleeps())
                .as("pauses asked of the sleeper: the next attempt starts 1 s after the last one started, so"
                        + " 1000 - 2 and 1000 - 3 ms, and none after the last attempt (Go's loop sleeps after it too);"
                        + " an empty list means the pauses went elsewhere, such as a real Thread.sleep, which"
                        + " makes every test wait")
                .containsExactly(ms(998), ms(997));
        assertThat(clock.elapsed()).as("time on the clock when the run ends: two intervals and the last connect")
                .isEqualTo(ms(2004));
    }

    @Test
    @Tag("4.7d")
    void should_start_the_next_attempt_at_once_after_one_that_took_the_whole_interval() throws Exception {
        // GIVEN a connect that takes exactly the interval, a timeout longer than it, then a short connect
        var connector = new ScriptedConnector(clock, List.of(connects(ms(1000)), timesOut(), connects(ms(1))));
        // WHEN the loop runs
        run(options(3, ms(1000), ms(5000)), connector);
        // THEN nothing was left of either interval, and the sleeper was never asked
        assertThat(clock.sleeps()).as("pauses after attempts that took 1 s and 5 s with an interval of 1 s:"
                + " none, not even a pause of 0").isEmpty();
    }

    @Test
    @Tag("4.7d")
    void should_report_a_timeout_and_go_on() throws Exception {
        // GIVEN a connect, a timeout, and a connect
        var connector = new ScriptedConnector(clock, List.of(connects(ms(2)), timesOut(), connects(ms(3))));
        // WHEN the loop runs three attempts
        Pinger.Result result = run(options(3, ms(1000), ms(5000)), connector);
        // THEN the timeout is reported with the time it waited, and the third attempt still runs
        assertThat(listener.attempts()).as("attempts reported when the second times out: a timeout is worth"
                        + " another attempt, so the loop goes on")
                .containsExactly(new Attempt.Connected(1, ms(2)), new Attempt.TimedOut(2, ms(5000)),
                        new Attempt.Connected(3, ms(3)));
        assertThat(result.ending()).as("how the run ended").isEqualTo(Pinger.Ending.COMPLETED);
        assertThat(result.summary().connected()).as("attempts that connected").isEqualTo(2);
        assertThat(result.exitStatus()).as("exit status when an attempt timed out").isEqualTo(Ping.FAILURE);
    }

    @Test
    @Tag("4.7d")
    void should_stop_at_a_refusal_and_report_it_with_its_cause() throws Exception {
        // GIVEN a connect, then a refusal, out of five attempts asked for
        var refused = new ConnectException("Connection refused");
        var connector = new ScriptedConnector(clock, List.of(connects(ms(2)), fails(ms(1), refused)));
        // WHEN the loop runs
        Pinger.Result result = run(options(5, ms(1000), ms(5000)), connector);
        // THEN the refusal is the last attempt, reported with its exception, and the run failed
        assertThat(listener.attempts()).as("attempts reported when the second is refused: a refusal would"
                        + " only come again, so the loop stops there")
                .containsExactly(new Attempt.Connected(1, ms(2)), new Attempt.Failed(2, ms(1), refused));
        assertThat(result.ending()).as("how a run that met a refusal ends").isEqualTo(Pinger.Ending.FAILED);
        assertThat(clock.sleeps()).as("pauses: one between the two attempts, none after the refusal")
                .containsExactly(ms(998));
        assertThat(result.summary().sent()).as("attempts counted: the refusal was sent too").isEqualTo(2);
        assertThat(result.exitStatus()).as("exit status after a permanent failure").isEqualTo(Ping.FAILURE);
    }

    @Test
    @Tag("4.7d")
    void should_stop_at_any_permanent_failure() throws Exception {
        var noRoute = new NoRouteToHostException("No route to host");
        var connector = new ScriptedConnector(clock, List.of(fails(ms(3), noRoute)));
        Pinger.Result result = run(options(3, ms(1000), ms(5000)), connector);
        assertThat(listener.attempts()).as("attempts reported when the first has no route to the host")
                .containsExactly(new Attempt.Failed(1, ms(3), noRoute));
        assertThat(result.ending()).as("how the run ended").isEqualTo(Pinger.Ending.FAILED);
    }

    @Test
    @Tag("4.7d")
    void should_resolve_the_host_once_before_the_clock_starts() throws Exception {
        // GIVEN a name service that takes 3 s to answer, and three quick connects
        var lookups = new ArrayList<String>();
        var connector = new ScriptedConnector(clock, List.of(connects(ms(1)), connects(ms(1)), connects(ms(1))));
        var pinger = new Pinger(host -> {
            lookups.add(host);
            clock.advance(Duration.ofSeconds(3));
            return LOOPBACK;
        }, connector, clock::nanoTime, clock::sleep);
        // WHEN the loop runs
        pinger.run(options(3, ms(1000), ms(5000)), listener);
        // THEN the name was looked up once, and no attempt's time holds the lookup
        assertThat(lookups).as("host names looked up for three attempts: once, before the first (Go's"
                + " DialTimeout looks it up on every attempt)").containsExactly("target.test");
        assertThat(listener.attempts()).as("attempts reported: each timed from its own connect, the 3 s lookup"
                        + " outside every one")
                .extracting(Attempt::elapsed).containsExactly(ms(1), ms(1), ms(1));
    }

    @Test
    @Tag("4.7d")
    void should_throw_for_an_unknown_host_and_make_no_attempt() {
        var connector = new ScriptedConnector(clock, List.of());
        var unknown = new UnknownHostException("nosuch.invalid");
        var pinger = new Pinger(host -> {
            throw unknown;
        }, connector, clock::nanoTime, clock::sleep);
        assertThat(Thrown.by(() -> pinger.run(options(3, ms(1000), ms(5000)), listener)))
                .as("what run throws when the name does not resolve: the resolver's exception, unchanged")
                .isSameAs(unknown);
        assertThat(connector.calls()).as("connects made to a host with no address").isEmpty();
        assertThat(listener.started()).as("started() calls without an address").isEmpty();
    }

    @Test
    @Tag("4.7d")
    void should_run_until_interrupted_when_the_count_is_zero_or_less() throws Exception {
        for (long count : List.of(0L, -1L)) {
            // GIVEN five connects, then Ctrl+C during the sixth
            var clock = new FakeClock();
            var connector = new ScriptedConnector(clock, List.of(connects(ms(1)), connects(ms(1)), connects(ms(1)),
                    connects(ms(1)), connects(ms(1)), interrupted()));
            var listener = new RecordingListener();
            // WHEN the loop runs with count 0 or less
            Pinger.Result result = new Pinger(host -> LOOPBACK, connector, clock::nanoTime, clock::sleep)
                    .run(options(count, ms(200), ms(5000)), listener);
            // THEN it went on until the interrupt, which ended it without an attempt of its own
            assertThat(listener.attempts()).as("attempts reported with count %d before an interrupt in the sixth"
                    + " connect: the five that finished, and nothing for the interrupted one", count).hasSize(5);
            assertThat(result.ending()).as("how the run ended").isEqualTo(Pinger.Ending.INTERRUPTED);
            assertThat(result.summary().sent()).as("attempts counted: the interrupted one is not").isEqualTo(5);
            assertThat(Thread.interrupted()).as("the thread's interrupt status when run returns: still set, so"
                    + " the caller knows too").isTrue();
            assertThat(result.exitStatus()).as("exit status after Ctrl+C").isEqualTo(Ping.INTERRUPTED);
        }
    }

    @Test
    @Tag("4.7d")
    void should_stop_when_interrupted_during_a_pause() throws Exception {
        // GIVEN a sleeper that is interrupted in its second pause
        var pauses = new AtomicInteger();
        var connector = new ScriptedConnector(clock, List.of(connects(ms(1)), connects(ms(1)), connects(ms(1))));
        var pinger = new Pinger(host -> LOOPBACK, connector, clock::nanoTime, pause -> {
            clock.sleep(pause);
            if (pauses.incrementAndGet() == 2) {
                throw new InterruptedException("Ctrl+C");
            }
        });
        // WHEN the loop runs forever
        Pinger.Result result = pinger.run(options(0, ms(1000), ms(5000)), listener);
        // THEN it ended there, with the two attempts made, and the interrupt status set again
        assertThat(listener.attempts()).as("attempts reported before an interrupt in the second pause").hasSize(2);
        assertThat(result.ending()).as("how the run ended").isEqualTo(Pinger.Ending.INTERRUPTED);
        assertThat(Thread.interrupted()).as("the thread's interrupt status when run returns: catching"
                + " InterruptedException cleared it, so set it again for the caller").isTrue();
    }

    /** A script step for the property, with what it stands for in the plain model below. */
    record Step(int kind, long tookMillis) {
        static final int CONNECTS = 0;
        static final int TIMES_OUT = 1;
        static final int REFUSED = 2;

        ScriptedConnector.Step script() {
            return switch (kind) {
                case CONNECTS -> connects(ms(tookMillis));
                case TIMES_OUT -> timesOut();
                default -> refuses(ms(tookMillis));
            };
        }
    }

    @Test
    @Tag("4.7d")
    void should_honour_any_count_interval_and_timeout_on_the_clock() {
        Gen<PingOptions> optionsGen = Gen.combine(Gen.integers(-2, 7), Gen.longs(0, 3000), Gen.longs(1, 4000),
                (count, interval, timeout) -> options(count, ms(interval), ms(timeout)));
        Gen<Step> stepGen = Gen.combine(Gen.frequency(List.of(Weighted.of(6, Gen.constant(Step.CONNECTS)),
                Weighted.of(3, Gen.constant(Step.TIMES_OUT)), Weighted.of(1, Gen.constant(Step.REFUSED)))),
                Gen.longs(0, 4000), Step::new);
        forAll(optionsGen, Gen.lists(stepGen, 0, 10)).labels("options", "steps").tries(200).check((options, steps) -> {
            // GIVEN a script of outcomes (a connect may not take longer than the timeout), then Ctrl+C
            List<Step> fitted = steps.stream().map(s -> new Step(s.kind(),
                    Math.min(s.tookMillis(), options.timeout().toMillis()))).toList();
            List<ScriptedConnector.Step> script = new ArrayList<>(fitted.stream().map(Step::script).toList());
            script.add(interrupted());
            var clock = new FakeClock();
            var connector = new ScriptedConnector(clock, script);
            var listener = new RecordingListener();
            // AND what a plain model says the loop must do with it
            List<Attempt> attempts = new ArrayList<>();
            List<Duration> pauses = new ArrayList<>();
            Pinger.Ending ending = Pinger.Ending.INTERRUPTED;
            for (int i = 0; i < fitted.size(); i++) {
                Step s = fitted.get(i);
                long took = s.kind() == Step.TIMES_OUT ? options.timeout().toMillis() : s.tookMillis();
                attempts.add(switch (s.kind()) {
                    case Step.CONNECTS -> new Attempt.Connected(i + 1, ms(took));
                    case Step.TIMES_OUT -> new Attempt.TimedOut(i + 1, ms(took));
                    default -> null;
                });
                if (s.kind() == Step.REFUSED) {
                    ending = Pinger.Ending.FAILED;
                    break;
                }
                if (i + 1 == options.count()) {
                    ending = Pinger.Ending.COMPLETED;
                    break;
                }
                if (options.interval().toMillis() > took) {
                    pauses.add(ms(options.interval().toMillis() - took));
                }
            }
            // WHEN the loop runs
            Pinger.Result result;
            try {
                result = new Pinger(host -> LOOPBACK, connector, clock::nanoTime, clock::sleep).run(options, listener);
            } finally {
                Thread.interrupted();
            }
            // THEN it made the model's attempts, pauses and connect calls, and ended the same way
            int made = attempts.size();
            assertThat(listener.attempts()).as("attempts reported").hasSize(made);
            for (int i = 0; i < made; i++) {
                Attempt want = attempts.get(i);
                Attempt got = listener.attempts().get(i);
                if (want == null) {
                    assertThat(got).as("attempt %d, refused", i + 1).isInstanceOf(Attempt.Failed.class);
                    assertThat(List.of(got.number(), got.elapsed())).as("number and time of the refused attempt %d", i + 1)
                            .containsExactly((long) i + 1, ms(fitted.get(i).tookMillis()));
                } else {
                    assertThat(got).as("attempt %d", i + 1).isEqualTo(want);
                }
            }
            assertThat(clock.sleeps()).as("pauses: what is left of each interval after the attempt that started"
                    + " it, none when nothing is left, none after the last attempt").isEqualTo(pauses);
            int calls = ending == Pinger.Ending.INTERRUPTED ? made + 1 : made;
            assertThat(connector.calls()).as("connect calls, each with the timeout %s", options.timeout())
                    .hasSize(calls).allSatisfy(c -> assertThat(c.timeout()).isEqualTo(options.timeout()));
            assertThat(result.ending()).as("how the run ended").isEqualTo(ending);
            assertThat(result.summary().sent()).as("attempts in the summary").isEqualTo(made);
        });
    }
}
