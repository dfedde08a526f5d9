package ch04.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.fixtures.FakeClock;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.Thrown;

/**
 * Exercise 4.4f: {@link ChannelOutputStream}, a write with a deadline, on real loopback connections
 * to a peer that stops reading. It uses {@link Deadline#nextTimeoutMillis()} (4.4a); the last three
 * tests put it under a {@link RetryingOutputStream} (4.4c, 4.4e, and 4.4b for the reset).
 */
@Tag("4.4")
class ChannelOutputStreamTest {

    /** More than the peer's and our buffers hold together (about 300 KiB here), so a write to a peer that does not read stalls. */
    private static final int PAYLOAD_SIZE = 4 << 20;

    /** A budget of tries that only a write making no progress at all can spend (at 150 ms a try, well past {@link #BLOCKED}). */
    private static final int ROOMY_BUDGET = 50;

    /** How long a test lets a write run before it calls it blocked. */
    private static final Duration BLOCKED = Duration.ofSeconds(4);

    private static byte[] payload(long seed) {
        byte[] b = new byte[PAYLOAD_SIZE];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * What {@code write} throws (null if nothing). If it is still running after {@link #BLOCKED},
     * closes the channel to free it and fails with {@code whenBlocked}: a write that blocks forever
     * must not hang the test.
     */
    static Throwable boundedWrite(SocketChannel channel, String whenBlocked, Thrown.Call write) throws Exception {
        return Bounded.run(BLOCKED, whenBlocked, thread -> {
            try {
                channel.close();
            } catch (IOException e) {
                thread.interrupt();
            }
        }, write);
    }

    @Test
    @Tag("4.4f")
    void should_write_everything_to_a_peer_that_reads() throws Exception {
        // GIVEN a peer that reads as the bytes come
        byte[] payload = payload(1);
        try (var peer = new LazyReader(); var channel = peer.connect()) {
            peer.release();
            // WHEN 4 MiB are written with a write timeout of 5 s, then one byte with write(int)
            var out = new ChannelOutputStream(channel, Duration.ofSeconds(5));
            Throwable thrown = boundedWrite(channel, "the write of 4 MiB to a peer that reads did not end in "
                    + BLOCKED.toSeconds() + " s", () -> {
                        out.write(payload);
                        out.write(0xAB);
                        out.close();
                    });
            // THEN every byte arrives, in order, and closing the stream ends the peer's stream
            assertThat(thrown).as("what writing 4 MiB to a reading peer threw: wait for room with a selector and"
                    + " write the rest, as often as it takes").isNull();
            byte[] expected = Arrays.copyOf(payload, PAYLOAD_SIZE + 1);
            expected[PAYLOAD_SIZE] = (byte) 0xAB;
            assertThat(Arrays.equals(peer.received(Duration.ofSeconds(5)), expected))
                    .as("the peer received exactly the 4 MiB written and the byte after them").isTrue();
        }
    }

    @Test
    @Tag("4.4f")
    void should_fail_by_its_deadline_when_the_peer_stops_reading_and_go_on_later() throws Exception {
        // GIVEN a peer that does not read, and a write timeout of 200 ms
        byte[] payload = payload(2);
        try (var peer = new LazyReader(); var channel = peer.connect()) {
            var out = new ChannelOutputStream(channel, Duration.ofMillis(200));
            long start = System.nanoTime();
            // WHEN 4 MiB are written
            Throwable thrown = boundedWrite(channel, "the write was still blocked " + BLOCKED.toSeconds() + " s after"
                    + " its 200 ms write timeout, to a peer that does not read: a blocking write has no timeout; put"
                    + " the channel in non-blocking mode and wait for room with a Selector", () -> out.write(payload));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // THEN it fails with a timeout once the 200 ms are up, saying how much went out
            assertThat(thrown).as("what a write to a peer that stopped reading threw after its 200 ms")
                    .isInstanceOf(SocketTimeoutException.class);
            int sent = ((SocketTimeoutException) thrown).bytesTransferred;
            assertThat(took).as("time the write took with a 200 ms timeout").isGreaterThanOrEqualTo(Duration.ofMillis(199));
            assertThat(sent).as("bytesTransferred: the bytes of this write that went out before the deadline, more than"
                    + " 0 (the buffers took some) and fewer than the 4 MiB").isStrictlyBetween(0, PAYLOAD_SIZE);
            // AND once the peer reads, writing the rest completes the payload: the counted bytes were exactly those sent
            peer.release();
            Throwable rest = boundedWrite(channel, "the write of the rest, to a peer that reads again, was still"
                    + " running " + BLOCKED.toSeconds() + " s later",
                    () -> {
                        out.write(payload, sent, payload.length - sent);
                        out.close();
                    });
            assertThat(rest).as("what writing the rest threw once the peer read again: the connection survives a"
                    + " write timeout").isNull();
            byte[] got = peer.received(Duration.ofSeconds(5));
            assertThat(got.length).as("bytes the peer received: bytesTransferred plus the rest, none twice")
                    .isEqualTo(PAYLOAD_SIZE);
            assertThat(Arrays.equals(got, payload)).as("the peer received the payload, each byte once and in order:"
                    + " bytesTransferred must count exactly what this write handed to the kernel").isTrue();
        }
    }

    @Test
    @Tag("4.4f")
    void should_take_its_time_from_the_injected_clock() throws Exception {
        // GIVEN a peer that does not read, and a clock on which an hour passes at every reading
        var reading = new AtomicLong();
        try (var peer = new LazyReader(); var channel = peer.connect()) {
            var out = new ChannelOutputStream(channel, Duration.ofSeconds(10), () -> reading.addAndGet(3_600_000_000_000L));
            // WHEN 4 MiB are written with a 10 s timeout
            Throwable thrown = boundedWrite(channel, "the write with a 10 s timeout did not fail at once on a clock"
                    + " where an hour passes between readings: measure the deadline on the clock given to the"
                    + " constructor (Deadline.after(writeTimeout, nanoTime)), not on System.nanoTime()",
                    () -> out.write(payload(3)));
            // THEN the deadline has passed by the first time it is checked
            assertThat(thrown).as("what the write threw when the injected clock said the deadline had passed")
                    .isInstanceOf(SocketTimeoutException.class);
            out.close();
        }
    }

    @Test
    @Tag("4.4f")
    void should_refuse_a_write_timeout_under_a_millisecond() throws Exception {
        // GIVEN an unconnected channel (no network needed)
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofNanos(999_999)}) {
            try (var channel = SocketChannel.open()) {
                // WHEN given a timeout under 1 ms THEN it is refused: 0 would be forever, and a socket counts in ms
                assertThat(Thrown.by(() -> new ChannelOutputStream(channel, bad))).as("new ChannelOutputStream(channel,"
                        + " %s)", bad).isInstanceOf(IllegalArgumentException.class);
            }
        }
        try (var channel = SocketChannel.open()) {
            var out = new ChannelOutputStream(channel, Deadline.RESOLUTION);
            assertThat(channel.isBlocking()).as("isBlocking() of the channel under a ChannelOutputStream: in blocking"
                    + " mode a write waits for room with no limit").isFalse();
            out.close();
        }
    }

    @Test
    @Tag("4.4f")
    void should_close_the_channel_it_owns() throws Exception {
        // GIVEN a stream over a channel
        try (var channel = SocketChannel.open()) {
            var out = new ChannelOutputStream(channel, Duration.ofSeconds(1));
            // WHEN closed, twice
            out.close();
            Throwable again = Thrown.by(out::close);
            // THEN the channel is closed too, and a second close is harmless
            assertThat(channel.isOpen()).as("isOpen() of the channel after closing its stream: the stream owns it, as a"
                    + " socket's stream owns the socket").isFalse();
            assertThat(again).as("what a second close() threw").isNull();
        }
    }

    @Test
    @Tag("4.4f")
    @EnabledOnOs(value = OS.LINUX, disabledReason = "counts this process's open file descriptors in /proc/self/fd")
    void should_leave_no_selector_open_after_close_or_a_failed_start() throws Exception {
        // GIVEN the number of file descriptors this process holds (a Selector holds two or three of its own)
        long before = openFileDescriptors();
        // WHEN 40 streams are made and closed, and 40 are refused because their channel is closed
        for (int i = 0; i < 40; i++) {
            try (var channel = SocketChannel.open()) {
                new ChannelOutputStream(channel, Duration.ofSeconds(1)).close();
                assertThat(Thrown.by(() -> new ChannelOutputStream(channel, Duration.ofSeconds(1))))
                        .as("new ChannelOutputStream over a closed channel").isInstanceOf(IOException.class);
            }
        }
        // THEN the count is back where it was: close() closes the selector, and so does a constructor that fails
        assertThat(openFileDescriptors()).as("open file descriptors after 40 streams closed and 40 refused, against"
                + " %d before: a Selector that is never closed keeps its descriptors until the process ends", before)
                .isLessThan(before + 40);
    }

    private static long openFileDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    @Tag("4.4f")
    void should_deliver_exactly_once_through_a_stall_when_retried() throws Exception {
        // GIVEN a peer that stops reading until the retry's first pause, a 150 ms write timeout, and a budget
        // large enough that a slow machine (the rest of 4 MiB in one try or in several) cannot exhaust it
        byte[] payload = payload(4);
        var clock = new FakeClock();
        try (var peer = new LazyReader(); var channel = peer.connect()) {
            Sleeper releaseAtFirstPause = pause -> {
                clock.sleep(pause);
                peer.release();
            };
            var retry = new Retry(ROOMY_BUDGET, RetryTest.TIMEOUTS, Backoff.constant(Duration.ofMillis(1)),
                    releaseAtFirstPause);
            var tries = new FaultyOutputStream(new ChannelOutputStream(channel, Duration.ofMillis(150)));
            var out = new RetryingOutputStream(tries, retry);
            // WHEN 4 MiB are written through the retry
            Throwable thrown = boundedWrite(channel, "the retried write was still running " + BLOCKED.toSeconds()
                    + " s after it began, with 150 ms per try and a peer that reads from the first pause on", () -> {
                out.write(payload);
                out.close();
            });
            // THEN the second try sends the rest, and the peer has every byte once
            assertThat(thrown).as("what the retried write threw").isNull();
            assertThat(tries.writeCalls()).as("tries: the first stalls and times out, later ones get the rest through")
                    .isGreaterThanOrEqualTo(2);
            byte[] got = peer.received(Duration.ofSeconds(5));
            assertThat(got.length).as("bytes the peer received of the 4 MiB: more means a retry sent some twice (the"
                    + " count in bytesTransferred, or where RetryingOutputStream resumes), fewer that some were skipped")
                    .isEqualTo(PAYLOAD_SIZE);
            assertThat(Arrays.equals(got, payload)).as("the peer received the payload exactly once, in order").isTrue();
        }
    }

    @Test
    @Tag("4.4f")
    void should_give_up_on_a_peer_that_never_reads_after_the_budget() throws Exception {
        // GIVEN a peer that reads only after the writer gives up, and a 40 ms write timeout
        var clock = new FakeClock();
        try (var peer = new LazyReader(); var channel = peer.connect()) {
            var retry = new Retry(Retry.MAX_TRIES, RetryTest.TIMEOUTS, Backoff.constant(Duration.ofMillis(1)), clock::sleep);
            var tries = new FaultyOutputStream(new ChannelOutputStream(channel, Duration.ofMillis(40)));
            var out = new RetryingOutputStream(tries, retry);
            // WHEN 4 MiB are written through the retry
            Throwable thrown = boundedWrite(channel, "the retried write to a peer that never reads was still running "
                    + BLOCKED.toSeconds() + " s after it began, with 7 tries of 40 ms: does each write end by its deadline?",
                    () -> out.write(payload(5)));
            // THEN the budget runs out, and bytesWritten() is exactly what the peer gets
            assertThat(thrown).as("what a retried write to a peer that never reads threw")
                    .isInstanceOf(RetriesExhaustedException.class);
            assertThat(tries.writeCalls()).as("tries").isEqualTo(Retry.MAX_TRIES);
            out.close();
            assertThat((long) peer.received(Duration.ofSeconds(5)).length).as("bytes the peer read after the writer"
                    + " gave up and closed, against bytesWritten()").isEqualTo(out.bytesWritten());
        }
    }

    @Test
    @Tag("4.4f")
    void should_not_retry_a_peer_that_reset_the_connection() throws Exception {
        // GIVEN a channel whose peer has reset the connection, and Listing 4-13's retry
        var clock = new FakeClock();
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); var channel = SocketChannel.open()) {
            channel.socket().setSoTimeout((int) RealFailures.SOCKET_TIMEOUT.toMillis());
            channel.socket().connect(listener.getLocalSocketAddress(), (int) RealFailures.SOCKET_TIMEOUT.toMillis());
            try (Socket accepted = listener.accept()) {
                accepted.setSoLinger(true, 0);
            }
            assertThat(Thrown.by(() -> channel.socket().getInputStream().read())).as("a read after the peer's RST")
                    .isInstanceOf(IOException.class);
            var tries = new FaultyOutputStream(new ChannelOutputStream(channel, Duration.ofSeconds(1)));
            var out = new RetryingOutputStream(tries, Retry.listing413(clock::sleep));
            // WHEN written to
            Throwable thrown = boundedWrite(channel, "the write to a reset connection was still running "
                    + BLOCKED.toSeconds() + " s after it began: a reset fails a write at once",
                    () -> out.write(RetryTest.HELLO));
            // THEN the reset comes back after one try and no pause
            assertThat(thrown).as("what a write to a reset connection threw: not a timeout")
                    .isInstanceOf(IOException.class).isNotInstanceOf(InterruptedIOException.class);
            assertThat(tries.writeCalls()).as("tries of a write to a reset connection").isEqualTo(1);
            assertThat(clock.sleeps()).as("pauses before reporting a reset").isEmpty();
            out.close();
        }
    }
}
