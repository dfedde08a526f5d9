package ch04.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 4.7a through the command line: what {@code ping} makes of its arguments before it sends
 * anything. The attempts themselves are a stand-in here; {@code PingCommandRunTest} runs them.
 */
@Tag("4.7")
class PingCommandTest {

    /** A stand-in for the loop that keeps the options it was given and reports no attempt. */
    private static final class Captured implements Ping.Session {
        final List<PingOptions> options = new ArrayList<>();

        @Override
        public Pinger.Result run(PingOptions options, Pinger.Listener listener) {
            this.options.add(options);
            return new Pinger.Result(new Summary(0, 0, 0, Optional.empty()), Pinger.Ending.COMPLETED);
        }
    }

    private static PingOptions optionsFor(String... args) {
        var session = new Captured();
        CommandRun run = CommandRun.of(session, args);
        assertThat(session.options).as("options the command ran with for %s\n%s", List.of(args), run.transcript())
                .hasSize(1);
        return session.options.get(0);
    }

    @Test
    @Tag("4.7a")
    void should_run_with_the_chapters_defaults_when_no_flag_is_given() {
        assertThat(optionsFor("127.0.0.1:8080")).as("options for a bare host:port: 3 attempts, 1 s apart, 5 s timeout")
                .isEqualTo(new PingOptions("127.0.0.1", 8080, PingOptions.DEFAULT_COUNT, PingOptions.DEFAULT_INTERVAL,
                        PingOptions.DEFAULT_TIMEOUT));
    }

    @Test
    @Tag("4.7a")
    void should_read_every_flag_and_durations_with_or_without_a_unit() {
        assertThat(optionsFor("-c", "5", "-i", "1.5", "-W", "250ms", "[::1]:22"))
                .as("options for -c 5 -i 1.5 -W 250ms [::1]:22: seconds when no unit is given, as ping -i takes them")
                .isEqualTo(new PingOptions("::1", 22, 5, Duration.ofMillis(1500), Duration.ofMillis(250)));
        assertThat(optionsFor("-c0", "-i", "2s", "-W", "1m", "host:80"))
                .as("options for -c0 -i 2s -W 1m host:80")
                .isEqualTo(new PingOptions("host", 80, 0, Duration.ofSeconds(2), Duration.ofMinutes(1)));
        assertThat(optionsFor("-W", "1.000000001", "-i", "0.01m", "host:80"))
                .as("options for -W 1.000000001 -i 0.01m host:80: durations to the nanosecond")
                .isEqualTo(new PingOptions("host", 80, 3, Duration.ofMillis(600), Duration.ofNanos(1_000_000_001)));
        assertThat(optionsFor("--fast", "-i", "0.25ms", "-c", "-1", "host:80"))
                .as("options for --fast -i 0.25ms -c -1 host:80")
                .isEqualTo(new PingOptions("host", 80, -1, Duration.ofNanos(250_000), PingOptions.DEFAULT_TIMEOUT));
    }

    @Test
    @Tag("4.7a")
    void should_refuse_an_interval_under_the_floor_and_say_how_to_go_faster() {
        // WHEN an interval of 50 ms is asked for without --fast
        var session = new Captured();
        CommandRun run = CommandRun.of(session, "-i", "50ms", "127.0.0.1:8080");
        // THEN nothing is sent, the status is 2, and stderr names the floor and the flag
        assertThat(run.status()).as("exit status for -i 50ms without %s\n%s", PingOptions.FAST_OPTION, run.transcript())
                .isEqualTo(Ping.USAGE);
        assertThat(session.options).as("runs started for a command line that was refused").isEmpty();
        assertThat(run.err()).as("stderr for -i 50ms: the floor, the flag that lifts it, and the usage line")
                .contains(PingOptions.MIN_INTERVAL_TEXT).contains(PingOptions.FAST_OPTION).contains("Usage: ping");
        assertThat(run.out()).as("stdout for a refused command line").isEmpty();
    }

    @Test
    @Tag("4.7a")
    void should_say_host_port_is_missing_when_none_is_given_and_refuse_an_empty_one() {
        // GIVEN a command line without host:port, and one whose host:port is empty (ping -c 1 '')
        var missingSession = new Captured();
        var emptySession = new Captured();
        // WHEN each is run
        CommandRun missing = CommandRun.of(missingSession, "-c", "1");
        CommandRun empty = CommandRun.of(emptySession, "-c", "1", "");
        // THEN both exit 2 and send nothing; the first says host:port is missing, not that an empty one is wrong
        assertThat(missing.status()).as("exit status for -c 1 without host:port\n%s", missing.transcript())
                .isEqualTo(Ping.USAGE);
        assertThat(missing.err()).as("stderr for -c 1 without host:port: the user typed no host:port, so say it is"
                + " missing (the command line's parser does, unless a default fills the gap)")
                .startsWith("ping: ").containsIgnoringCase("missing").contains("host:port");
        assertThat(empty.status()).as("exit status for -c 1 '' (an empty host:port)\n%s", empty.transcript())
                .isEqualTo(Ping.USAGE);
        assertThat(empty.err()).as("stderr for -c 1 '': what is wrong, then the usage line")
                .startsWith("ping: ").contains("Usage: ping");
        assertThat(missingSession.options).as("runs started for -c 1 without host:port").isEmpty();
        assertThat(emptySession.options).as("runs started for -c 1 ''").isEmpty();
    }

    @Test
    @Tag("4.7a")
    void should_answer_help_with_0_and_every_bad_command_line_with_2() {
        // GIVEN command lines a user gets wrong: bounds checked by parse first, then what picocli catches itself
        List<List<String>> bad = List.of(
                List.of("-W", "0", "host:80"),
                List.of("-W", "61s", "host:80"),
                List.of("host:0"),
                List.of("localhost"),
                List.of("::1:80"),
                List.of("--fats", "host:80"),
                List.of(),
                List.of("-c", "three", "host:80"),
                List.of("-i", "soon", "host:80"),
                List.of("-i", "1h", "host:80"),
                List.of("-i", "-1s", "host:80"),
                List.of("-i", "0.0000001ms", "--fast", "host:80"),
                List.of("host:80", "host:81"));
        for (List<String> args : bad) {
            // WHEN each is run
            var session = new Captured();
            CommandRun run = CommandRun.of(session, args.toArray(String[]::new));
            // THEN it exits 2, says what is wrong on stderr with a usage line, and sends nothing
            assertThat(run.status()).as("exit status for %s\n%s", args, run.transcript()).isEqualTo(Ping.USAGE);
            assertThat(run.err()).as("stderr for %s: what is wrong, then the usage line and where to read more", args)
                    .startsWith("ping: ").contains("Usage: ping").contains("ping --help");
            assertThat(session.options).as("runs started for %s", args).isEmpty();
        }
        // AND a near miss of a flag gets a suggestion
        assertThat(CommandRun.of(new Captured(), "--fats", "host:80").err()).as("stderr for --fats")
                .contains(PingOptions.FAST_OPTION);
        // AND --help prints every flag with the defaults and bounds from PingOptions, and exits 0
        CommandRun help = CommandRun.of(new Captured(), "--help");
        assertThat(help.status()).as("exit status for --help\n%s", help.transcript()).isEqualTo(Ping.SUCCESS);
        assertThat(help.out()).as("the help screen")
                .contains("Usage: ping", "host:port", "-c", "-i", "-W", PingOptions.FAST_OPTION,
                        "(default: " + PingOptions.DEFAULT_COUNT + ")",
                        "(default: " + DurationText.format(PingOptions.DEFAULT_INTERVAL) + ")",
                        "(default: " + DurationText.format(PingOptions.DEFAULT_TIMEOUT) + ")",
                        PingOptions.MIN_INTERVAL_TEXT, PingOptions.MAX_TIMEOUT_TEXT, "Exit status");
    }
}
