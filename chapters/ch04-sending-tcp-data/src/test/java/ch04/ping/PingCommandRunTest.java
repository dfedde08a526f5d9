package ch04.ping;

import static ch04.ping.ScriptedConnector.connects;
import static ch04.ping.ScriptedConnector.refuses;
import static ch04.ping.ScriptedConnector.timesOut;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FakeClock;

/**
 * 4.7d through the command: what a user sees when {@code ping} runs your loop, on a fake clock and a
 * scripted connector, so the times in the output are exact. Ctrl+C is played by running the
 * command's shutdown hook, as the JVM does on SIGINT, without sending a signal.
 */
@Tag("4.7")
class PingCommandRunTest {

    private final FakeClock clock = new FakeClock();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    private Ping.Session loop(ScriptedConnector connector) {
        return new Pinger(host -> InetAddress.getByName("127.0.0.1"), connector, clock::nanoTime, clock::sleep)::run;
    }

    @Test
    @Tag("4.7d")
    void should_print_each_attempt_and_a_summary_like_ping() {
        // GIVEN connects of 0.412 and 0.188 ms around a timeout
        var connector = new ScriptedConnector(clock, List.of(connects(micros(412)), timesOut(), connects(micros(188))));
        // WHEN the command runs with the chapter's defaults
        CommandRun run = CommandRun.of(loop(connector), "localhost:8080");
        // THEN it prints a header, a line per attempt and ping's summary, and exits 1 for the timeout
        assertThat(run.out()).as("stdout of ping localhost:8080\n%s", run.transcript()).isEqualTo("""
                PING localhost:8080 (127.0.0.1:8080): TCP connect, count 3, interval 1s, timeout 5s
                seq=1 connected in 0.412 ms
                seq=2 timed out after 5000.000 ms
                seq=3 connected in 0.188 ms

                --- localhost:8080 ping statistics ---
                3 sent, 2 connected, 33.3% loss
                connect min/avg/max/stddev = 0.188/0.300/0.412/0.112 ms
                """);
        assertThat(run.status()).as("exit status when one attempt of three timed out").isEqualTo(Ping.FAILURE);
        assertThat(run.err()).as("stderr of a run that only timed out").isEmpty();
        assertThat(clock.sleeps()).as("pauses asked of the sleeper: the interval less each attempt's time, none after"
                        + " an attempt that took longer, none after the last (an empty list means the pauses went"
                        + " elsewhere, such as a real Thread.sleep)")
                .containsExactly(Duration.ofMillis(1000).minus(micros(412)));
    }

    @Test
    @Tag("4.7d")
    void should_exit_0_when_every_attempt_connected() {
        var connector = new ScriptedConnector(clock, List.of(connects(micros(250)), connects(micros(250))));
        CommandRun run = CommandRun.of(loop(connector), "-c", "2", "--fast", "-i", "0.25ms", "-W", "1.5", "127.0.0.1:80");
        assertThat(run.out()).as("stdout of ping -c 2 --fast -i 0.25ms -W 1.5 127.0.0.1:80\n%s", run.transcript())
                .startsWith("PING 127.0.0.1:80 (127.0.0.1:80): TCP connect, count 2, interval 0.25ms, timeout 1500ms\n")
                .contains("2 sent, 2 connected, 0% loss\n")
                .endsWith("connect min/avg/max/stddev = 0.250/0.250/0.250/0.000 ms\n");
        assertThat(run.status()).as("exit status when every attempt connected").isEqualTo(Ping.SUCCESS);
        assertThat(clock.sleeps()).as("pauses with an interval equal to the connect time: none").isEmpty();
    }

    @Test
    @Tag("4.7d")
    void should_explain_a_refusal_on_stderr_and_exit_1() {
        var connector = new ScriptedConnector(clock, List.of(refuses(micros(105))));
        CommandRun run = CommandRun.of(loop(connector), "127.0.0.1:1");
        assertThat(run.status()).as("exit status after a refusal\n%s", run.transcript()).isEqualTo(Ping.FAILURE);
        assertThat(run.out()).as("stdout after a refusal: the attempt, then the summary")
                .contains("seq=1 failed after 0.105 ms: java.net.ConnectException: Connection refused\n")
                .contains("1 sent, 0 connected, 100% loss\n")
                .doesNotContain("min/avg/max");
        assertThat(run.err()).as("stderr after a refusal: which target, that it is for good, and why")
                .isEqualTo("ping: 127.0.0.1:1 failed for good (ConnectException), so no more attempts:"
                        + " Connection refused\n");
    }

    @Test
    @Tag("4.7d")
    void should_say_which_host_is_unknown_and_exit_1() {
        var connector = new ScriptedConnector(clock, List.of());
        Ping.Session session = new Pinger(host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        }, connector, clock::nanoTime, clock::sleep)::run;
        CommandRun run = CommandRun.of(session, "nosuch.invalid:80");
        assertThat(run.status()).as("exit status for a name that does not resolve\n%s", run.transcript())
                .isEqualTo(Ping.FAILURE);
        assertThat(run.err()).as("stderr for a name that does not resolve")
                .isEqualTo("ping: unknown host nosuch.invalid (nosuch.invalid: Name or service not known)\n");
        assertThat(run.out()).as("stdout when nothing could be attempted").isEmpty();
        assertThat(connector.calls()).as("connects attempted").isEmpty();
    }

    @Test
    @Tag("4.7d")
    void should_show_an_ipv6_address_in_brackets_and_a_run_until_ctrl_c() {
        var connector = new ScriptedConnector(clock, List.of(connects(micros(50)), ScriptedConnector.interrupted()));
        Ping.Session session = new Pinger(host -> InetAddress.getByName(host), connector, clock::nanoTime,
                clock::sleep)::run;
        CommandRun run = CommandRun.of(session, "-c", "0", "[::1]:8080");
        assertThat(run.out()).as("stdout of ping -c 0 [::1]:8080\n%s", run.transcript()).startsWith(
                "PING [::1]:8080 ([0:0:0:0:0:0:0:1]:8080): TCP connect, count unlimited (Ctrl+C to stop),"
                        + " interval 1s, timeout 5s\nseq=1 connected in 0.050 ms\n");
    }

    @Test
    @Tag("4.7d")
    void should_print_the_summary_and_exit_130_when_ctrl_c_stops_a_pause() throws Exception {
        // GIVEN a run forever whose second pause is where the user presses Ctrl+C: the JVM starts the
        // command's shutdown hook, and the pause waits like a real sleep, until interrupted
        var hooks = new CommandRun.Hooks();
        var connector = new ScriptedConnector(clock, List.of(connects(micros(300)), connects(micros(300)),
                connects(micros(300))));
        var pauses = new int[1];
        Ping.Session session = new Pinger(host -> InetAddress.getByName("127.0.0.1"), connector, clock::nanoTime,
                pause -> {
                    clock.sleep(pause);
                    if (++pauses[0] == 2) {
                        pressCtrlC(hooks);
                        new CountDownLatch(1).await();
                    }
                })::run;
        // WHEN the command runs
        CommandRun run = CommandRun.of(session, hooks, "-c", "0", "127.0.0.1:8080");
        // THEN it printed the two attempts and the summary, once, and the hook has finished
        assertThat(run.out()).as("stdout of a run stopped by Ctrl+C in its second pause\n%s", run.transcript())
                .endsWith("""
                        seq=2 connected in 0.300 ms

                        --- 127.0.0.1:8080 ping statistics ---
                        2 sent, 2 connected, 0% loss
                        connect min/avg/max/stddev = 0.300/0.300/0.300/0.000 ms
                        """);
        assertThat(run.status()).as("the command's status after Ctrl+C").isEqualTo(Ping.INTERRUPTED);
        awaitHooks(hooks);
    }

    @Test
    @Tag("4.7d")
    void should_print_the_summary_when_ctrl_c_stops_a_connect() throws Exception {
        // GIVEN a run whose third connect is where the user presses Ctrl+C; the connect blocks like a
        // channel's, until interrupted
        var hooks = new CommandRun.Hooks();
        var real = new ScriptedConnector(clock, List.of(connects(micros(300)), connects(micros(500))));
        var calls = new int[1];
        Ping.Session session = new Pinger(host -> InetAddress.getByName("127.0.0.1"), (address, timeout) -> {
            if (++calls[0] < 3) {
                real.connect(address, timeout);
                return;
            }
            pressCtrlC(hooks);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClosedByInterruptException();
            }
        }, clock::nanoTime, clock::sleep)::run;
        // WHEN the command runs
        CommandRun run = CommandRun.of(session, hooks, "-c", "5", "127.0.0.1:8080");
        // THEN the two finished attempts are in the summary, and the interrupted one is not
        assertThat(run.out()).as("stdout of a run stopped by Ctrl+C in its third connect\n%s", run.transcript())
                .endsWith("2 sent, 2 connected, 0% loss\nconnect min/avg/max/stddev = 0.300/0.400/0.500/0.100 ms\n");
        assertThat(run.status()).as("the command's status after Ctrl+C").isEqualTo(Ping.INTERRUPTED);
        awaitHooks(hooks);
    }

    @Test
    @Tag("4.7d")
    void should_remove_its_ctrl_c_hook_when_the_run_ends() {
        var hooks = new CommandRun.Hooks();
        var connector = new ScriptedConnector(clock, List.of(connects(micros(100))));
        CommandRun run = CommandRun.of(loop(connector), hooks, "-c", "1", "127.0.0.1:8080");
        assertThat(run.status()).as("exit status\n%s", run.transcript()).isEqualTo(Ping.SUCCESS);
        assertThat(hooks.added).as("hooks added: one, for Ctrl+C").hasSize(1);
        assertThat(hooks.removed).as("hooks removed when the run ended: the same one, or Ctrl+C at a later"
                + " prompt of the JVM would print a second summary").isEqualTo(hooks.added);
    }

    @Test
    @Tag("4.7d")
    void should_register_its_ctrl_c_hook_with_the_jvm_while_it_runs() throws Exception {
        // GIVEN the JVM's own shutdown hooks, watched on the way in and out
        var seen = new java.util.ArrayList<Thread>();
        Ping.ShutdownHooks watched = new Ping.ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                seen.add(hook);
                Ping.ShutdownHooks.JVM.add(hook);
            }

            @Override
            public void remove(Thread hook) {
                Ping.ShutdownHooks.JVM.remove(hook);
            }
        };
        var registered = new boolean[1];
        var connector = new ScriptedConnector(clock, List.of(connects(micros(100))));
        Ping.Session session = (options, listener) -> {
            // The JVM has the hook now: take it out to see, and put it back.
            registered[0] = Runtime.getRuntime().removeShutdownHook(seen.get(0));
            Runtime.getRuntime().addShutdownHook(seen.get(0));
            return loop(connector).run(options, listener);
        };
        // WHEN the command runs
        var out = new java.io.ByteArrayOutputStream();
        try (var o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8)) {
            // A short grace: should this test fail with the hook still registered, the JVM's exit waits little.
            Ping.run(new String[] {"-c", "1", "127.0.0.1:8080"}, o, o, session, watched, Duration.ofSeconds(1));
        }
        // THEN the JVM had the hook during the run, and has it no more
        assertThat(registered[0]).as("whether the JVM held the Ctrl+C hook during the run").isTrue();
        assertThat(Runtime.getRuntime().removeShutdownHook(seen.get(0)))
                .as("whether the JVM still holds the hook after the run").isFalse();
    }

    /** Does what the JVM does on SIGINT: starts the shutdown hooks the command registered. */
    private static void pressCtrlC(CommandRun.Hooks hooks) {
        synchronized (hooks) {
            assertThat(hooks.added).as("shutdown hooks registered before the first attempt").hasSize(1);
            hooks.added.forEach(Thread::start);
        }
    }

    /**
     * The JVM waits for its hooks, then exits: the hook must end once the summary is out, although
     * its grace (an hour here) is far from over.
     */
    private static void awaitHooks(CommandRun.Hooks hooks) throws InterruptedException {
        // The run left this thread's interrupt status set, which would make join() throw at once.
        Thread.interrupted();
        for (Thread hook : hooks.added) {
            hook.join();
        }
    }
}
