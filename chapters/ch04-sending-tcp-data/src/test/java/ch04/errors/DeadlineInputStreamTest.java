package ch04.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.FakeClock;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/**
 * Exercise 4.4a: {@link DeadlineInputStream}, one deadline shared by every read of an exchange, on a
 * fake clock against a {@link SlowPeer} and on real loopback connections.
 */
@Tag("4.4")
class DeadlineInputStreamTest {

    /** Reads {@code in} until it ends or throws; what arrived and what ended it (null for the end of the stream). */
    record Outcome(byte[] received, Throwable ending) {
    }

    static Outcome readUntilItEnds(InputStream in, int bufferSize) {
        var received = new ByteArrayOutputStream();
        byte[] buffer = new byte[bufferSize];
        Throwable ending = Thrown.by(() -> {
            for (int n; (n = in.read(buffer, 0, buffer.length)) != -1; ) {
                received.write(buffer, 0, n);
            }
        });
        return new Outcome(received.toByteArray(), ending);
    }

    @Test
    @Tag("4.4a")
    void should_give_each_read_what_is_left_of_one_deadline() {
        // GIVEN a peer that sends one byte a second, and a deadline of 4.5 s for the whole exchange
        var clock = new FakeClock();
        var peer = SlowPeer.dribbling(clock, new byte[60], Duration.ofSeconds(1));
        var in = new DeadlineInputStream(peer, peer, Deadline.after(Duration.ofMillis(4500), clock::nanoTime));
        // WHEN read until it ends
        Outcome outcome = readUntilItEnds(in, 16);
        // THEN each read's timeout is what is left, and the exchange ends at the deadline, not after 60 s
        assertThat(peer.timeoutsSet()).as("the read timeouts set before each read, in ms: each read gets what is left"
                + " of the 4.5 s, not a fresh 4500 ms (with a fresh timeout per read, a peer sending a byte a second"
                + " is never late)").containsExactly(4500, 3500, 2500, 1500, 500);
        assertThat(outcome.ending()).as("what ended the reads of a peer that sends 60 bytes, one a second, with a"
                + " 4.5 s deadline").isInstanceOf(DeadlineExceededException.class);
        assertThat(outcome.received()).as("the bytes that arrived before the deadline").hasSize(4);
        assertThat(clock.elapsed()).as("time on the fake clock when the reads ended: the deadline, 4.5 s")
                .isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    @Tag("4.4a")
    void should_fail_at_once_without_reading_when_the_deadline_has_passed() {
        // GIVEN a peer with bytes ready, and a deadline that passed while the program did something else
        var clock = new FakeClock();
        var peer = new SlowPeer(clock, new byte[10], List.of(10), List.of(Duration.ZERO));
        var in = new DeadlineInputStream(peer, peer, Deadline.after(Duration.ofMillis(100), clock::nanoTime));
        clock.advance(Duration.ofMillis(150));
        // WHEN read
        Throwable thrown = Thrown.by(() -> in.read(new byte[10], 0, 10));
        // THEN it fails at once, and neither sets a timeout nor reads: nothing is consumed
        assertThat(thrown).as("a read 50 ms after the deadline, with bytes waiting")
                .isInstanceOf(DeadlineExceededException.class);
        assertThat(peer.calls()).as("reads that reached the stream underneath after the deadline: a late read must"
                + " fail before touching the socket, as Go's does").isZero();
        assertThat(peer.timeoutsSet()).as("timeouts set after the deadline: setSoTimeout(0) would mean forever")
                .isEmpty();
    }

    @Test
    @Tag("4.4a")
    void should_turn_a_read_that_times_out_into_a_deadline_error() {
        // GIVEN a silent peer and a 300 ms deadline
        var clock = new FakeClock();
        var peer = SlowPeer.dribbling(clock, new byte[1], Duration.ofHours(1));
        var in = new DeadlineInputStream(peer, peer, Deadline.after(Duration.ofMillis(300), clock::nanoTime));
        // WHEN read: the socket times out after the 300 ms left
        Throwable thrown = Thrown.by(() -> in.read(new byte[1], 0, 1));
        // THEN the caller learns the deadline passed, with the socket's timeout as the cause
        assertThat(thrown).as("what a read throws when the socket times out after all the time that was left:"
                + " the exchange's deadline has passed, which callers must tell from a per-read timeout")
                .isInstanceOf(DeadlineExceededException.class);
        assertThat(thrown.getCause()).as("the cause of the DeadlineExceededException: the socket's own timeout")
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(((DeadlineExceededException) thrown).allowed()).as("allowed() of the 300 ms deadline")
                .isEqualTo(Duration.ofMillis(300));
        assertThat(peer.timeoutsSet()).as("timeouts set").containsExactly(300);
    }

    @Test
    @Tag("4.4a")
    void should_apply_the_deadline_to_single_byte_reads_and_skips() {
        // GIVEN a peer that sends one byte a second, and a 2.5 s deadline
        var clock = new FakeClock();
        var peer = SlowPeer.dribbling(clock, new byte[] {1, 2, 3, 4, 5, 6}, Duration.ofSeconds(1));
        var in = new DeadlineInputStream(peer, peer, Deadline.after(Duration.ofMillis(2500), clock::nanoTime));
        // WHEN read one byte with read(), one skipped, then read() again
        var results = new ArrayList<Long>();
        Throwable thrown = Thrown.by(() -> {
            results.add((long) in.read());
            results.add(in.skip(1));
            results.add((long) in.read());
        });
        // THEN read() and skip() wait at most what is left too: FilterInputStream's own go straight to the socket
        assertThat(peer.timeoutsSet()).as("the timeouts set before read(), skip(1) and read(), in ms: every blocking"
                + " call needs what is left of the deadline, not just read(byte[], int, int)")
                .containsExactly(2500, 1500, 500);
        assertThat(results).as("what read() and skip(1) returned before the deadline").containsExactly(1L, 1L);
        assertThat(thrown).as("the third call, with 500 ms left and the next byte 1 s away")
                .isInstanceOf(DeadlineExceededException.class);
    }

    @Test
    @Tag("4.4a")
    void should_pass_the_bytes_unchanged_and_never_let_the_clock_pass_the_deadline() {
        forAll(Gen.bytes(0, 300), StreamGens.readSizes(64), Gen.lists(Gen.integers(0, 400), 1, 6))
                .labels("payload", "chunkSizes", "gapsMillis").tries(150).check((payload, chunks, gapsMillis) -> {
                    // GIVEN a peer that sends the payload in chunks, with gaps between them, and a 1 s deadline
                    var clock = new FakeClock();
                    List<Duration> gaps = gapsMillis.stream().map(Duration::ofMillis).toList();
                    var peer = new SlowPeer(clock, payload, chunks, gaps);
                    var deadline = Deadline.after(Duration.ofSeconds(1), clock::nanoTime);
                    var timeoutsExpected = new ArrayList<Integer>();
                    var in = new DeadlineInputStream(peer, millis -> {
                        timeoutsExpected.add((int) deadline.remaining().toMillis());
                        peer.set(millis);
                    }, deadline);
                    // WHEN read until it ends
                    Outcome outcome = readUntilItEnds(in, 32);
                    // THEN the bytes that came are the payload's first ones, unchanged
                    assertThat(outcome.received()).as("the bytes read through the deadline: a prefix of the payload")
                            .isEqualTo(java.util.Arrays.copyOf(payload, outcome.received().length));
                    // AND every read waited the whole milliseconds left, and the fake time never passed the deadline
                    assertThat(peer.timeoutsSet()).as("the timeouts set before each read, against the whole ms left"
                            + " at that moment").isEqualTo(timeoutsExpected);
                    assertThat(clock.elapsed()).as("time on the fake clock when the reads ended: never past the 1 s"
                            + " deadline").isLessThanOrEqualTo(Duration.ofSeconds(1));
                    // AND the reads end with the end of the stream once all came, or with the deadline
                    if (outcome.received().length < payload.length) {
                        assertThat(outcome.ending()).as("what ended reads that got %d of %d bytes",
                                outcome.received().length, payload.length).isInstanceOf(DeadlineExceededException.class);
                    } else {
                        assertThat(outcome.ending()).as("what ended reads that got the whole payload: the end of the"
                                + " stream (null), or the deadline if it came as the stream ended").satisfiesAnyOf(
                                        t -> assertThat(t).isNull(),
                                        t -> assertThat(t).isInstanceOf(DeadlineExceededException.class));
                    }
                });
    }

    @Test
    @Tag("4.4a")
    void should_stop_a_real_peer_that_dribbles_one_byte_at_a_time() throws Exception {
        // GIVEN a real peer that sends one byte every 30 ms, 80 in all (2.4 s), and a deadline of 300 ms
        var stop = new CountDownLatch(1);
        try (var server = LoopbackServer.start(c -> {
            for (int i = 0; i < 80 && !stop.await(30, TimeUnit.MILLISECONDS); i++) {
                c.getOutputStream().write(i);
            }
        }); var client = server.connect()) {
            try {
                long start = System.nanoTime();
                var in = DeadlineInputStream.of(client, Deadline.after(Duration.ofMillis(300), System::nanoTime));
                // WHEN read until it ends
                Outcome outcome = readUntilItEnds(in, 64);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                // THEN the deadline ends the exchange long before the peer is done
                assertThat(outcome.ending()).as("what ended the reads of a peer that dribbles for 2.4 s, with a 300 ms"
                        + " deadline: each read gets the socket timeout of what is left (setSoTimeout), so a byte every"
                        + " 30 ms cannot keep the reader going").isInstanceOf(DeadlineExceededException.class);
                assertThat(outcome.received().length).as("bytes received of the 80 the peer would send")
                        .isLessThan(80);
                assertThat(took).as("time from setting the deadline to the failure: not before the deadline")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(299));
            } finally {
                stop.countDown();
            }
        }
    }

    @Test
    @Tag("4.4a")
    void should_stop_waiting_for_a_silent_real_peer_at_the_deadline() throws Exception {
        // GIVEN a real peer that sends nothing, and a deadline of 200 ms
        var stop = new CountDownLatch(1);
        try (var server = LoopbackServer.start(c -> stop.await(5, TimeUnit.SECONDS)); var client = server.connect()) {
            try {
                long start = System.nanoTime();
                var in = DeadlineInputStream.of(client, Deadline.after(Duration.ofMillis(200), System::nanoTime));
                // WHEN read
                Throwable thrown = Thrown.by(() -> in.read());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                // THEN it fails with the deadline, not before it
                assertThat(thrown).as("what a read of a silent peer throws with a 200 ms deadline (the socket's own"
                        + " timeout is 5 s)").isInstanceOf(DeadlineExceededException.class);
                assertThat(took).as("time until the read gave up").isGreaterThanOrEqualTo(Duration.ofMillis(199));
                assertThat(client.getSoTimeout()).as("the socket's read timeout after the first read: at most the 200 ms"
                        + " of the deadline, set before the read").isBetween(1, 200);
            } finally {
                stop.countDown();
            }
        }
    }
}
