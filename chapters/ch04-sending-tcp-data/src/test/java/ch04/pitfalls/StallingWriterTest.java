package ch04.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.fixtures.Thrown;

/** Exercise 4.9a: {@link StallingWriter}, the sender's view of a zero window. */
@Tag("4.9")
class StallingWriterTest {

    private static final String LINUX = "the bounds relate to the buffer sizes as Linux reports them (section 4.8)";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static byte[] payload(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Reads {@code in} to its end on a virtual thread. */
    private static CompletableFuture<byte[]> readAll(InputStream in) {
        var result = new CompletableFuture<byte[]>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(in.readAllBytes());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    @Test
    @Tag("4.9a")
    void should_stop_at_the_first_write_that_takes_nothing_not_at_a_short_one() throws IOException {
        // GIVEN a channel whose kernel takes 1000 bytes, then 10, then nothing, then would take more
        try (var channel = new ScriptedChannel(1000, 10, 0, 500)) {
            ByteBuffer data = ByteBuffer.allocate(4096);
            // WHEN written until stalled
            long written = StallingWriter.writeUntilStalled(channel, data);
            // THEN the short writes did not stop it; the write that took nothing did
            assertThat(written).as("bytes written when the writes took 1000, 10, then 0: a short write only means the"
                    + " kernel took what fitted at that moment; 0 is the stall").isEqualTo(1010);
            assertThat(data.position()).as("the data's position after writeUntilStalled").isEqualTo(1010);
            assertThat(channel.blockingAtWrite).as("for each write, whether the channel was still blocking: a"
                    + " blocking write on a full window waits instead of returning 0").containsExactly(false, false, false);
        }
    }

    @Test
    @Tag("4.9a")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_stall_once_the_receiver_stops_reading_with_at_most_both_buffers_in_flight() throws IOException {
        // GIVEN a receiver that reads nothing, with 64 KiB asked for its buffer and 4 KiB for the
        // sender's, and far more data than both hold
        try (var connection = Connection.open(64 * 1024, 4 * 1024)) {
            ByteBuffer data = ByteBuffer.wrap(payload(4 << 20, 1));
            // WHEN the sender writes until a write takes nothing
            long inFlight = StallingWriter.writeUntilStalled(connection.sender, data);
            // THEN it stopped short of the data, with every byte it wrote held by the two kernels:
            // at least a full send buffer, at most what the two kernels reserved (twice each size
            // Java reads back: the kernel doubles the request and spends part of it on bookkeeping)
            int receive = connection.receiveReadBack();
            int send = connection.sendReadBack();
            assertThat(inFlight).as("bytes written before a write took nothing, with a receiver that reads nothing:"
                    + " fewer than the 4 MiB offered").isLessThan(data.capacity());
            assertThat(data.position()).as("the data's position after writeUntilStalled: just after the last byte"
                    + " written").isEqualTo((int) inFlight);
            assertThat(inFlight).as("bytes in flight when the window closed, with receive and send buffers reading"
                    + " back %d and %d bytes: at least the full send buffer, at most twice both", receive, send)
                    .isBetween((long) send, 2L * (receive + send));
            assertThat(connection.sender.isBlocking()).as("the channel after writeUntilStalled: non-blocking, or a"
                    + " full window blocks the writer instead of showing it").isFalse();
        }
    }

    @Test
    @Tag("4.9a")
    void should_write_everything_when_it_fits() throws IOException {
        try (var connection = Connection.open()) {
            byte[] small = payload(1000, 2);
            long written = StallingWriter.writeUntilStalled(connection.sender, ByteBuffer.wrap(small));
            assertThat(written).as("writeUntilStalled of 1000 bytes, which fit in the buffers").isEqualTo(1000);
            assertThat(StallingWriter.writeUntilStalled(connection.sender, ByteBuffer.allocate(0)))
                    .as("writeUntilStalled of nothing").isZero();
            connection.sender.shutdownOutput();
            assertThat(connection.receiver.getInputStream().readAllBytes()).as("what the receiver read")
                    .isEqualTo(small);
        }
    }

    @Test
    @Tag("4.9a")
    void should_resume_when_the_receiver_drains_and_deliver_every_byte_in_order() throws Exception {
        // GIVEN a sender stalled by a receiver that reads nothing
        try (var connection = Connection.open()) {
            byte[] sent = payload(1 << 20, 3);
            ByteBuffer data = ByteBuffer.wrap(sent);
            long before = StallingWriter.writeUntilStalled(connection.sender, data);
            assertThat(before).as("bytes written before the stall").isLessThan(sent.length);
            // WHEN the receiver starts reading, and the sender writes the rest
            CompletableFuture<byte[]> received = readAll(connection.receiver.getInputStream());
            long rest = StallingWriter.writeAll(connection.sender, data, TIMEOUT, System::nanoTime);
            connection.sender.shutdownOutput();
            // THEN the rest went out, and the receiver got every byte once, in order
            assertThat(rest).as("writeAll's count after a stall at %d of %d bytes", before, sent.length)
                    .isEqualTo(sent.length - before);
            assertThat(data.hasRemaining()).as("bytes left in the buffer after writeAll").isFalse();
            byte[] got = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(got.length).as("bytes the receiver read").isEqualTo(sent.length);
            assertThat(Arrays.mismatch(got, sent)).as("the first index where the receiver's bytes differ from those"
                    + " sent (-1: none)").isEqualTo(-1);
        }
    }

    @Test
    @Tag("4.9a")
    void should_give_up_at_the_timeout_and_say_how_far_it_got() throws IOException {
        // GIVEN a receiver that reads nothing, and a clock that is past the deadline once a write takes nothing
        try (var connection = Connection.open()) {
            ByteBuffer data = ByteBuffer.wrap(payload(4 << 20, 4));
            var readings = new AtomicLong();
            Duration timeout = Duration.ofSeconds(2);
            // WHEN writeAll waits for a window that never opens
            Throwable thrown = Thrown.by(() -> StallingWriter.writeAll(connection.sender, data, timeout,
                    () -> readings.getAndIncrement() == 0 ? 0 : timeout.toNanos() + 1));
            // THEN it fails with the counts, and without a real wait of 2 s
            assertThat(thrown).as("writeAll when the receiver never reads and the deadline has passed: expected a"
                    + " SocketTimeoutException, got %s", thrown).isInstanceOf(SocketTimeoutException.class);
            var timedOut = (SocketTimeoutException) thrown;
            assertThat((long) timedOut.bytesTransferred).as("bytesTransferred of the timeout: the bytes written")
                    .isEqualTo(data.position());
            assertThat(timedOut.getMessage()).as("the timeout's message gives the bytes written and those left")
                    .contains(Integer.toString(data.position())).contains(Integer.toString(data.remaining()));
        }
    }

    @Test
    @Tag("4.9a")
    void should_keep_checking_the_time_while_the_window_stays_closed_and_stop_when_none_is_left() throws Exception {
        // GIVEN a receiver that reads nothing, and a clock that leaves 1 ms for its first readings
        // after the start and then stands at exactly the deadline. Filling the window takes a few
        // writes that take something; each wait after one that takes nothing reads the clock.
        int readingsWithTimeLeft = 50;
        Duration timeout = Duration.ofSeconds(2);
        var readings = new AtomicLong();
        LongSupplier clock = () -> {
            long reading = readings.getAndIncrement();
            if (reading == 0) {
                return 0;
            }
            return reading <= readingsWithTimeLeft ? timeout.toNanos() - 1_000_000 : timeout.toNanos();
        };
        try (var connection = Connection.open()) {
            ByteBuffer data = ByteBuffer.wrap(payload(4 << 20, 8));
            // WHEN writeAll waits for a window that never opens (on a thread of its own, so that a
            // writeAll that never stops cannot hold the test up)
            var outcome = new CompletableFuture<Throwable>();
            Thread writer = Thread.ofPlatform().daemon().name("writeAll").start(() -> {
                try {
                    StallingWriter.writeAll(connection.sender, data, timeout, clock);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            Throwable thrown;
            try {
                thrown = outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException stillWriting) {
                thrown = stillWriting;
            }
            // (closing the channel makes a writeAll that is still writing fail, and its thread end)
            connection.close();
            writer.join(Duration.ofSeconds(2));
            workbook.NotStartedException stub = workbook.NotStartedException.findIn(thrown);
            if (stub != null) {
                throw stub;
            }
            // THEN it gave up with a SocketTimeoutException once no time was left, and not before
            assertThat(thrown).as("writeAll with a receiver that reads nothing, after %d readings of the clock (%d"
                    + " of them leaving 1 ms, then the clock at exactly the timeout of %s): expected a"
                    + " SocketTimeoutException, got %s. A writeAll still waiting after %d s has stopped checking the"
                    + " time while writes take nothing, or waits for more than the time left, or does not count a"
                    + " time left of 0 as the end", readings.get(), readingsWithTimeLeft, timeout, thrown,
                    TIMEOUT.toSeconds()).isInstanceOf(SocketTimeoutException.class);
            assertThat(readings.get()).as("readings of the clock before writeAll gave up: every reading after the"
                    + " first left 1 ms until reading %d", readingsWithTimeLeft + 1).isGreaterThan(readingsWithTimeLeft);
            assertThat((long) ((SocketTimeoutException) thrown).bytesTransferred)
                    .as("bytesTransferred of the timeout: the bytes written").isEqualTo(data.position());
        }
    }

    @Test
    @Tag("4.9a")
    void should_finish_at_once_when_nothing_is_left() throws IOException {
        try (var connection = Connection.open()) {
            long written = StallingWriter.writeAll(connection.sender, ByteBuffer.allocate(0), Duration.ZERO, System::nanoTime);
            assertThat(written).as("writeAll of nothing, with no time at all").isZero();
        }
    }

    @Test
    @Tag("4.9a")
    void should_refuse_a_negative_timeout() throws IOException {
        try (var connection = Connection.open()) {
            Throwable thrown = Thrown.by(() -> StallingWriter.writeAll(connection.sender, ByteBuffer.allocate(1),
                    Duration.ofMillis(-1), System::nanoTime));
            assertThat(thrown).as("writeAll with a timeout of -1 ms").isInstanceOf(IllegalArgumentException.class);
        }
    }
}
