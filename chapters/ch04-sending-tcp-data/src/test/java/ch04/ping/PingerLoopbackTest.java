package ch04.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.fixtures.LoopbackServer;

/**
 * 4.7d on real sockets: {@link Pinger#system()}'s connector against a local listener, a port that
 * refuses, and a listener that never answers, all on 127.0.0.1.
 */
@Tag("4.7")
class PingerLoopbackTest {

    private static final Duration TIMEOUT = LoopbackServer.SOCKET_TIMEOUT;

    private static PingOptions options(java.net.InetSocketAddress address, long count, Duration timeout) {
        // An interval of 0: the record takes what the command line would refuse without --fast.
        return new PingOptions(address.getAddress().getHostAddress(), address.getPort(), count, Duration.ZERO, timeout);
    }

    @Test
    @Tag("4.7d")
    void should_time_real_connects_to_a_local_listener_and_close_each_at_once() throws Exception {
        // GIVEN a listener that reads what each connection sends until the client closes it
        var ends = new LinkedBlockingQueue<Integer>();
        try (var server = LoopbackServer.start(c -> ends.add(c.getInputStream().read()))) {
            var listener = new RecordingListener();
            // WHEN the real pinger makes three attempts
            Pinger.Result result = Pinger.system().run(options(server.address(), 3, TIMEOUT), listener);
            // THEN each connected, in a time between 0 and the timeout
            assertThat(listener.attempts()).as("attempts against a local listener")
                    .hasSize(3).allSatisfy(a -> {
                        assertThat(a).isInstanceOf(Attempt.Connected.class);
                        assertThat(a.elapsed()).isPositive().isLessThan(TIMEOUT);
                    });
            assertThat(result.exitStatus()).as("exit status").isEqualTo(Ping.SUCCESS);
            // AND each connection was closed by the client, so the server read the end of the stream
            for (int i = 1; i <= 3; i++) {
                assertThat(ends.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                        .as("what the server read on connection %d: -1 means the client closed it; a connector"
                                + " that leaves its socket open leaks one per attempt", i)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    @Tag("4.7d")
    void should_report_a_refusal_from_a_local_port_where_nothing_listens() throws Exception {
        try (var refusing = new LoopbackPorts.Refusing()) {
            var listener = new RecordingListener();
            Pinger.Result result = Pinger.system().run(options(refusing.address(), 3, TIMEOUT), listener);
            assertThat(listener.attempts()).as("attempts against a port where nothing listens: one refusal, then stop")
                    .singleElement().isInstanceOfSatisfying(Attempt.Failed.class,
                            f -> assertThat(f.cause()).isInstanceOf(ConnectException.class));
            assertThat(result.ending()).as("how the run ended").isEqualTo(Pinger.Ending.FAILED);
        }
    }

    @Test
    @Tag("4.7d")
    @EnabledOnOs(value = OS.LINUX, disabledReason = "a full accept queue drops SYNs on Linux; other systems may refuse instead")
    void should_report_a_timeout_from_a_listener_that_never_answers_and_go_on() throws Exception {
        // GIVEN a listener whose accept queue is full, so nothing answers a SYN
        try (var silent = new LoopbackPorts.Silent()) {
            var listener = new RecordingListener();
            Duration timeout = Duration.ofMillis(200);
            // WHEN the real pinger makes two attempts with a 200 ms timeout
            Pinger.Result result = Pinger.system().run(options(silent.address(), 2, timeout), listener);
            // THEN both timed out after about the timeout, and the second ran after the first
            assertThat(listener.attempts()).as("attempts against a listener that never answers: both time out,"
                            + " and the first does not stop the run")
                    .hasSize(2).allSatisfy(a -> {
                        assertThat(a).isInstanceOf(Attempt.TimedOut.class);
                        assertThat(a.elapsed()).isGreaterThanOrEqualTo(timeout).isLessThan(TIMEOUT);
                    });
            assertThat(result.exitStatus()).as("exit status when attempts timed out").isEqualTo(Ping.FAILURE);
        }
    }

    @Test
    @Tag("4.7d")
    @EnabledOnOs(value = OS.LINUX, disabledReason = "a full accept queue drops SYNs on Linux; other systems may refuse instead")
    void should_never_turn_a_timeout_under_a_millisecond_into_an_endless_wait() throws Exception {
        try (var silent = new LoopbackPorts.Silent()) {
            var listener = new RecordingListener();
            // WHEN the real pinger connects with a timeout of 100 µs to a listener that never answers
            Pinger.Result result = Pinger.system().run(options(silent.address(), 1, Duration.ofNanos(100_000)), listener);
            // THEN it timed out: Java's connect takes whole milliseconds, and 0 would mean "wait forever"
            assertThat(listener.attempts()).as("attempts with a 100 µs timeout; connect(address, 0) waits forever,"
                    + " so a timeout under 1 ms must become 1 ms").singleElement().isInstanceOf(Attempt.TimedOut.class);
            assertThat(result.ending()).as("how the run ended").isEqualTo(Pinger.Ending.COMPLETED);
        }
    }

    @Test
    @Tag("4.7d")
    @EnabledOnOs(value = OS.LINUX, disabledReason = "a full accept queue drops SYNs on Linux; other systems may refuse instead")
    void should_stop_a_connect_in_progress_when_the_thread_is_interrupted() throws Exception {
        try (var silent = new LoopbackPorts.Silent()) {
            // GIVEN a run on a platform thread (the command's own), connecting with a 5 s timeout to a silent listener
            var listener = new RecordingListener();
            var outcome = new CompletableFuture<Pinger.Result>();
            Thread loop = Thread.ofPlatform().name("ping-loop").start(() -> {
                try {
                    outcome.complete(Pinger.system().run(options(silent.address(), 1, TIMEOUT), listener));
                } catch (Throwable t) {
                    outcome.completeExceptionally(t);
                }
            });
            try {
                // WHEN it is interrupted while it waits in connect, as Ctrl+C's hook does
                while (!inConnect(loop) && !outcome.isDone()) {
                    LockSupport.parkNanos(1_000_000);
                }
                long start = System.nanoTime();
                loop.interrupt();
                // THEN the run ends long before the timeout, interrupted, with no attempt
                Pinger.Result result = outcome.get(TIMEOUT.toSeconds() + 2, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(result.ending()).as("how a run interrupted during its %s connect ends (it took %s): a"
                                + " Socket's connect on a platform thread ignores the interrupt and waits out its"
                                + " timeout, a SocketChannel's stops at once", TIMEOUT, took)
                        .isEqualTo(Pinger.Ending.INTERRUPTED);
                assertThat(took).as("time from the interrupt to the end of the run: a Socket's connect on a platform"
                        + " thread ignores interrupts and waits out its %s timeout, a SocketChannel's gives up"
                        + " at once", TIMEOUT).isLessThan(TIMEOUT.dividedBy(2));
                assertThat(listener.attempts()).as("attempts reported: the interrupted one is not").isEmpty();
            } finally {
                loop.interrupt();
                loop.join(TIMEOUT.toMillis() + 2000);
            }
        }
    }

    /** Whether {@code thread} is inside a socket or channel connect. */
    private static boolean inConnect(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getMethodName().toLowerCase().contains("connect")
                && (f.getClassName().startsWith("java.net.") || f.getClassName().startsWith("sun.nio.")));
    }
}
