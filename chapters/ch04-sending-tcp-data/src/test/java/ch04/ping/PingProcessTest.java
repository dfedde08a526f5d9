package ch04.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.NotStartedException;
import workbook.fixtures.LoopbackServer;

/**
 * 4.7d as a user runs it: {@code ping} in a JVM of its own, its exit status and its output. Each
 * test starts one JVM and waits for it, one at a time: JVMs started together on a loaded machine
 * can take longer to start than any bound a test may set. They start only once the command runs in
 * this JVM: until then each test reports the stub the command reached, without starting a JVM to
 * find it. Every target is on 127.0.0.1, and the child resolves names from a hosts file of its own
 * ({@code -Djdk.net.hosts.file}), so the unknown host is known to be unknown without asking the
 * network.
 */
@Tag("4.7")
class PingProcessTest {

    /** How long one child may run before it is killed. */
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(8);
    private static final Pattern NOT_STARTED = Pattern.compile("Exercise (\\S+) is not started yet");

    @TempDir
    static Path files;

    private static LoopbackServer server;
    private static LoopbackPorts.Refusing refusing;
    private static Path hosts;
    private static NotStartedException stub;

    /** One finished child: its exit status and output. */
    record Child(List<String> args, int status, String out, String err) {
        String transcript() {
            return "ping " + String.join(" ", args) + "\nexit status " + status + "\n--- stdout ---\n" + out
                    + "--- stderr ---\n" + err + "---";
        }

        /** Rethrows a stub the child reached, so the test shows as not started. */
        Child started() {
            Matcher m = NOT_STARTED.matcher(err);
            if (status == Ping.NOT_STARTED && m.find()) {
                throw new NotStartedException(m.group(1));
            }
            return this;
        }
    }

    @BeforeAll
    static void startListeners() throws Exception {
        server = LoopbackServer.start(c -> c.getInputStream().read());
        refusing = new LoopbackPorts.Refusing();
        hosts = Files.writeString(files.resolve("hosts"), "127.0.0.1 localhost\n", StandardCharsets.UTF_8);
        try {
            CommandRun.of(Pinger.system()::run, "-c", "1", "127.0.0.1:" + server.address().getPort());
        } catch (NotStartedException notStarted) {
            stub = notStarted;
        }
    }

    @AfterAll
    static void stopListeners() throws Exception {
        if (refusing != null) {
            refusing.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Runs {@code ping args} in a JVM of its own and waits for it, at most {@link #CHILD_LIMIT}. */
    private static Child ping(String... args) throws Exception {
        if (stub != null) {
            throw stub;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djdk.net.hosts.file=" + hosts,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", childClassPath(), Ping.class.getName()));
        command.addAll(List.of(args));
        String name = String.join("-", args).replaceAll("[^A-Za-z0-9.-]", "_");
        Path out = files.resolve(name + ".out");
        Path err = files.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("ping " + String.join(" ", args) + " was still running after " + CHILD_LIMIT
                        + "; output so far:\n" + Files.readString(out, StandardCharsets.UTF_8)
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Child(List.of(args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8)).started();
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Where the command's classes come from in this JVM: the tree under test, the support module
     * and picocli. Taken from the classes themselves, not from {@code java.class.path}, which
     * some launchers (IDEs, JUnit's console) fill with a single jar of their own.
     */
    private static String childClassPath() {
        return Stream.of(Ping.class, NotStartedException.class, picocli.CommandLine.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct().collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    @Tag("4.7d")
    void should_exit_0_after_every_attempt_connected_to_a_local_listener() throws Exception {
        Child child = ping("-c", "2", "--fast", "-i", "0", "localhost:" + server.address().getPort());
        assertThat(child.status()).as("exit status of a run where every attempt connected\n%s", child.transcript())
                .isEqualTo(Ping.SUCCESS);
        assertThat(child.out().lines().toList()).as("stdout, line by line\n%s", child.transcript())
                .hasSize(7)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("PING localhost:" + server.address().getPort() + " (127.0.0.1:");
                    assertThat(lines.get(1)).matches("seq=1 connected in \\d+\\.\\d{3} ms");
                    assertThat(lines.get(2)).matches("seq=2 connected in \\d+\\.\\d{3} ms");
                    assertThat(lines.get(5)).isEqualTo("2 sent, 2 connected, 0% loss");
                    assertThat(lines.get(6)).matches("connect min/avg/max/stddev = [0-9./]+ ms");
                });
        assertThat(child.err()).as("stderr of a run where every attempt connected").isEmpty();
    }

    @Test
    @Tag("4.7d")
    void should_exit_1_with_a_clear_message_when_the_port_refuses() throws Exception {
        Child child = ping("-c", "3", "127.0.0.1:" + refusing.address().getPort());
        assertThat(child.status()).as("exit status after a refusal\n%s", child.transcript()).isEqualTo(Ping.FAILURE);
        assertThat(child.out()).as("stdout after a refusal: one attempt, not three, then the summary\n%s",
                child.transcript()).contains("seq=1 failed after").doesNotContain("seq=2").contains("1 sent, 0 connected");
        assertThat(child.err()).as("stderr after a refusal").contains("failed for good").contains("Connection refused");
    }

    @Test
    @Tag("4.7d")
    void should_exit_1_and_name_an_unknown_host() throws Exception {
        Child child = ping("nosuch.invalid:80");
        assertThat(child.status()).as("exit status for a host that does not resolve\n%s", child.transcript())
                .isEqualTo(Ping.FAILURE);
        assertThat(child.err()).as("stderr for a host that does not resolve").startsWith("ping: unknown host nosuch.invalid");
    }

    @Test
    @Tag("4.7d")
    void should_exit_2_for_a_command_line_that_asks_too_much() throws Exception {
        Child child = ping("-i", "10ms", "127.0.0.1:" + server.address().getPort());
        assertThat(child.status()).as("exit status for -i 10ms without %s\n%s", PingOptions.FAST_OPTION,
                child.transcript()).isEqualTo(Ping.USAGE);
        assertThat(child.err()).as("stderr for -i 10ms").contains(PingOptions.FAST_OPTION).contains("Usage: ping");
        assertThat(child.out()).as("stdout for a refused command line").isEmpty();
    }
}
