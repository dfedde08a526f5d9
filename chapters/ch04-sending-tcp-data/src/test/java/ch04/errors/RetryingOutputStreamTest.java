package ch04.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FakeClock;
import workbook.fixtures.Fault;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/**
 * Exercise 4.4e: {@link RetryingOutputStream}, a retry that sends only what the failed try did not,
 * so the peer gets every byte exactly once. Its tests need a working {@link Retry} (4.4c).
 */
@Tag("4.4")
class RetryingOutputStreamTest {

    private static final byte[] HELLO = RetryTest.HELLO;

    /** A retry of timeouts with Listing 4-13's budget and 1 ms, 2 ms, 3 ms ... pauses on {@code clock}. */
    private static Retry retry(FakeClock clock, int maxTries) {
        return new Retry(maxTries, RetryTest.TIMEOUTS, n -> Duration.ofMillis(n), clock::sleep);
    }

    @Test
    @Tag("4.4e")
    void should_resend_only_what_a_timed_out_write_did_not_send() throws Exception {
        // GIVEN a connection that takes "hel" of "hello world" and then times out once
        var clock = new FakeClock();
        var received = new ByteArrayOutputStream();
        var conn = new FaultyOutputStream(received, Fault.timeoutsAt(3, 1));
        var out = new RetryingOutputStream(conn, retry(clock, Retry.MAX_TRIES));
        // WHEN "hello world" is written through the retrying stream
        out.write(HELLO);
        // THEN the peer has it once: the retry sent "lo world", not the whole buffer again
        assertThat(received.toString(StandardCharsets.UTF_8)).as("what the peer received after a timeout that"
                + " reported bytesTransferred = 3: resending the whole buffer gives \"helhello world\"; start the"
                + " retry bytesTransferred further on").isEqualTo("hello world");
        assertThat(conn.writeCalls()).as("tries: one cut short by the timeout, one for the rest").isEqualTo(2);
        assertThat(out.bytesWritten()).as("bytesWritten() after writing 11 bytes").isEqualTo(11);
    }

    @Test
    @Tag("4.4e")
    void should_resume_after_each_of_several_partial_writes_in_one_call() throws Exception {
        // GIVEN a connection that times out after bytes 2, 5 and 9, once each
        var clock = new FakeClock();
        var received = new ByteArrayOutputStream();
        var conn = new FaultyOutputStream(received, Fault.timeoutsAt(2, 1), Fault.timeoutsAt(5, 1), Fault.timeoutsAt(9, 1));
        var out = new RetryingOutputStream(conn, retry(clock, Retry.MAX_TRIES));
        // WHEN "hello world" is written
        out.write(HELLO);
        // THEN each retry goes on where the last try stopped
        assertThat(received.toString(StandardCharsets.UTF_8)).as("what the peer received after timeouts at bytes 2, 5"
                + " and 9: each try moves on by its own bytesTransferred, counted from where that try started")
                .isEqualTo("hello world");
        assertThat(conn.writeCalls()).as("tries").isEqualTo(4);
        assertThat(clock.sleeps()).as("pauses, one after each timeout").containsExactly(
                Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3));
    }

    @Test
    @Tag("4.4e")
    void should_give_every_write_call_the_whole_budget() throws Exception {
        // GIVEN a connection that times out 6 times at byte 0 and 6 times at byte 11, and a budget of 7 tries
        var clock = new FakeClock();
        var received = new ByteArrayOutputStream();
        var conn = new FaultyOutputStream(received, Fault.timeoutsAt(0, 6), Fault.timeoutsAt(11, 6));
        var out = new RetryingOutputStream(conn, retry(clock, Retry.MAX_TRIES));
        // WHEN "hello world" is written twice, in two calls
        out.write(HELLO);
        out.write(HELLO);
        // THEN both calls get through on their seventh try: the budget is per call, not per stream
        assertThat(received.toString(StandardCharsets.UTF_8)).as("what the peer received").isEqualTo("hello worldhello world");
        assertThat(conn.writeCalls()).as("tries: 7 for each call").isEqualTo(14);
    }

    @Test
    @Tag("4.4e")
    void should_keep_count_of_what_went_out_when_the_budget_runs_out() {
        // GIVEN a connection that takes "hello " and then only ever times out
        var clock = new FakeClock();
        var received = new ByteArrayOutputStream();
        var conn = new FaultyOutputStream(received, Fault.timeoutsAt(3, 1), Fault.timeoutsAt(6, 100));
        var out = new RetryingOutputStream(conn, retry(clock, Retry.MAX_TRIES));
        // WHEN "hello world" is written
        Throwable thrown = Thrown.by(() -> out.write(HELLO));
        // THEN the retry gives up, and bytesWritten() tells the caller where the peer's copy ends
        assertThat(thrown).as("what the write threw when every try after byte 6 timed out")
                .isInstanceOf(RetriesExhaustedException.class);
        assertThat(received.toString(StandardCharsets.UTF_8)).as("what the peer received").isEqualTo("hello ");
        assertThat(out.bytesWritten()).as("bytesWritten() after giving up: the 6 bytes the timeouts reported, so the"
                + " caller knows what the peer has").isEqualTo(6);
    }

    @Test
    @Tag("4.4e")
    void should_retry_a_single_byte_write_too() throws Exception {
        // GIVEN a connection that times out twice before its first byte
        var clock = new FakeClock();
        var received = new ByteArrayOutputStream();
        var conn = new FaultyOutputStream(received, Fault.timeoutsAt(0, 2));
        var out = new RetryingOutputStream(conn, retry(clock, Retry.MAX_TRIES));
        // WHEN one byte is written with write(int)
        out.write('h');
        // THEN it is retried like any write
        assertThat(received.toByteArray()).as("what the peer received after write('h')").containsExactly('h');
        assertThat(conn.writeCalls()).as("tries of write('h')").isEqualTo(3);
        assertThat(out.bytesWritten()).as("bytesWritten() after write('h')").isEqualTo(1);
    }

    @Test
    @Tag("4.4e")
    void should_refuse_a_slice_outside_the_array_before_any_try() {
        // GIVEN a retrying stream
        var clock = new FakeClock();
        var conn = new FaultyOutputStream(new ByteArrayOutputStream());
        var out = new RetryingOutputStream(conn, retry(clock, Retry.MAX_TRIES));
        // WHEN asked to write 10 bytes from index 5 of an 11-byte array
        Throwable thrown = Thrown.by(() -> out.write(HELLO, 5, 10));
        // THEN it is refused before anything is tried
        assertThat(thrown).as("write(11 bytes, off 5, len 10)").isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(conn.writeCalls()).as("tries of a write that could never be right").isZero();
    }

    @Test
    @Tag("4.4e")
    void should_not_retry_a_write_to_a_real_peer_that_reset_the_connection() throws Exception {
        // GIVEN a real connection the peer has reset (linger 0, close), and Listing 4-13's retry
        var clock = new FakeClock();
        try (Socket client = RealFailures.resetByPeerAndSeen(new IOException[1])) {
            var conn = new FaultyOutputStream(client.getOutputStream());
            var out = new RetryingOutputStream(conn, Retry.listing413(clock::sleep));
            // WHEN "hello world" is written
            Throwable thrown = Thrown.by(() -> out.write(HELLO));
            // THEN the failure comes back after one try and no pause
            assertThat(thrown).as("what a write to a reset connection threw").isInstanceOf(SocketException.class);
            assertThat(conn.writeCalls()).as("tries of a write to a reset connection: a reset is permanent, and"
                    + " retrying it 7 times (10 s apart) only delays the error").isEqualTo(1);
            assertThat(clock.sleeps()).as("pauses before reporting a reset").isEmpty();
        }
    }

    /** A payload, the faults its connection suffers, and the sizes of the write calls that send it. */
    record Script(byte[] payload, List<Fault> faults, List<Integer> writeSizes) {
    }

    static Gen<Script> scripts() {
        Gen<byte[]> payloads = Gen.bytes(0, 600);
        return payloads.flatMap(payload -> {
            int n = payload.length;
            Gen<List<Fault>> timeouts = n == 0 ? Gen.constant(List.of())
                    : Gen.lists(Gen.combine(Gen.integers(0, n - 1), Gen.integers(1, 3), (at, k) -> (Fault) Fault.timeoutsAt(at, k)), 0, 6);
            Gen<List<Fault>> permanent = Gen.oneOf(Gen.constant(List.of()),
                    Gen.integers(0, n).map(at -> List.of(Fault.failAt(at, new SocketException("Connection reset")))));
            Gen<List<Fault>> faults = Gen.combine(timeouts, permanent, (t, p) -> {
                var all = new ArrayList<>(t);
                all.addAll(p);
                return List.copyOf(all);
            });
            return Gen.combine(faults, StreamGens.readSizes(Math.max(1, n)), (f, sizes) -> new Script(payload, f, sizes));
        });
    }

    /** How the model says the writes end: "success", "exhausted" or "reset". */
    static String expectedEnd(Script s, int maxTries) {
        List<Fault> sorted = s.faults().stream().sorted(Comparator.comparingLong(Fault::atByte)).toList();
        int start = 0;
        for (int k = 0; start < s.payload().length; k++) {
            int end = Math.min(s.payload().length, start + s.writeSizes().get(k % s.writeSizes().size()));
            int strikes = 0;
            for (Fault f : sorted) {
                if (f.atByte() < start || f.atByte() >= end) {
                    continue;
                }
                if (f instanceof Fault.Fail) {
                    return "reset";
                }
                strikes += ((Fault.Timeouts) f).times();
                if (strikes >= maxTries) {
                    return "exhausted";
                }
            }
            start = end;
        }
        return "success";
    }

    @Test
    @Tag("4.4e")
    void should_deliver_every_byte_exactly_once_whatever_fails_and_when() {
        forAll(scripts(), Gen.integers(1, Retry.MAX_TRIES)).labels("script", "maxTries").tries(200)
                .check((script, maxTries) -> {
                    // GIVEN a connection that suffers the script's timeouts (partial writes) and perhaps a reset
                    var clock = new FakeClock();
                    var received = new ByteArrayOutputStream();
                    var conn = new FaultyOutputStream(received, script.faults());
                    var out = new RetryingOutputStream(conn, retry(clock, maxTries));
                    byte[] payload = script.payload();
                    // WHEN the payload is written in calls of the script's sizes, until one fails
                    Throwable thrown = null;
                    int start = 0;
                    for (int k = 0; thrown == null && (start < payload.length || k == 0); k++) {
                        int from = start;
                        int len = Math.min(payload.length - start, script.writeSizes().get(k % script.writeSizes().size()));
                        int callsBefore = conn.writeCalls();
                        int sleepsBefore = clock.sleeps().size();
                        thrown = Thrown.by(() -> out.write(payload, from, len));
                        int tries = conn.writeCalls() - callsBefore;
                        // THEN no call tries more than the budget, and its pauses follow the backoff
                        assertThat(tries).as("tries of write call %d (bytes %d to %d) with a budget of %d", k + 1, from,
                                from + len, maxTries).isBetween(1, maxTries);
                        assertThat(clock.sleeps().subList(sleepsBefore, clock.sleeps().size()))
                                .as("pauses during write call %d: pauseAfter(1), (2), ... one fewer than its %d tries",
                                        k + 1, tries).isEqualTo(IntStream.range(1, tries).mapToObj(Duration::ofMillis).toList());
                        start += len;
                    }
                    // AND the peer has the payload's first bytes, each exactly once and in order
                    byte[] got = received.toByteArray();
                    assertThat(got.length).as("bytes the peer received of a %d-byte payload: more than the payload means"
                            + " a retry sent some bytes twice", payload.length).isLessThanOrEqualTo(payload.length);
                    assertThat(got).as("what the peer received: the payload's first %d bytes, each once and in order",
                            got.length).isEqualTo(Arrays.copyOf(payload, got.length));
                    // AND it ends as the script says: the whole payload, or the budget spent, or the reset thrown
                    switch (expectedEnd(script, maxTries)) {
                        case "success" -> {
                            assertThat(thrown).as("what the writes threw with fewer than %d timeouts per call and no"
                                    + " reset", maxTries).isNull();
                            assertThat(got).as("what the peer received").hasSize(payload.length);
                        }
                        case "exhausted" -> assertThat(thrown).as("what the writes threw when a call met %d timeouts",
                                maxTries).isInstanceOf(RetriesExhaustedException.class);
                        default -> assertThat(thrown).as("what the writes threw when the connection was reset: the"
                                + " reset itself").isInstanceOf(SocketException.class);
                    }
                    // AND bytesWritten() counts what is known to have gone out
                    if (thrown instanceof SocketException) {
                        assertThat(out.bytesWritten()).as("bytesWritten() after a reset: at most what went out")
                                .isLessThanOrEqualTo(got.length);
                    } else {
                        assertThat(out.bytesWritten()).as("bytesWritten()").isEqualTo(got.length);
                    }
                });
    }
}
