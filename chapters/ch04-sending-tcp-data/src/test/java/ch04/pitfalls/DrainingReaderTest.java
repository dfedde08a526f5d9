package ch04.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import ch04.pitfalls.DrainingReader.HandlerFailedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.Fault;
import workbook.fixtures.FaultyInputStream;
import workbook.fixtures.Poll;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.9b: {@link DrainingReader}, a read loop that keeps draining while its handler is slow. */
@Tag("4.9")
class DrainingReaderTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static byte[] payload(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Counts the bytes read through it: how far the reader has drained the socket. */
    private static final class CountingInputStream extends FilterInputStream {
        final AtomicLong count = new AtomicLong();

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** Runs {@code drain} on a virtual thread, as a server's connection thread would. */
    private static CompletableFuture<Long> drainInBackground(InputStream in, int bufferSize, int maxQueued,
                                                             DrainingReader.ChunkHandler handler) {
        var result = new CompletableFuture<Long>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(DrainingReader.drain(in, bufferSize, maxQueued, handler));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /**
     * Waits for {@code latch}, or for {@code drain} to end first: a drain that fails at once (a stub
     * that is not started, say) is reported as itself instead of as a latch that never opened.
     */
    private static void await(CountDownLatch latch, CompletableFuture<?> drain, String what) throws Exception {
        Poll.until(WAIT, () -> latch.getCount() == 0 || drain.isDone(), done -> done);
        if (latch.getCount() > 0 && drain.isDone()) {
            drain.join();
        }
        assertThat(latch.getCount()).as(what).isZero();
    }

    @Test
    @Tag("4.9b")
    void should_hand_every_read_to_the_handler_in_order_however_the_stream_is_cut() {
        forAll(Gen.bytes(0, 3000), StreamGens.readSizes(600), Gen.integers(1, 5)).labels("payload", "readSizes", "maxQueuedChunks")
                .tries(60).check((payload, readSizes, maxQueued) -> {
                    // GIVEN a stream cut into reads, and a handler that keeps what it is given
                    var in = ChunkedInputStream.of(payload, readSizes);
                    List<byte[]> chunks = new ArrayList<>();
                    // WHEN drained through a buffer of 512 bytes
                    long total = DrainingReader.drain(in, 512, maxQueued, chunks::add);
                    // THEN the chunks are the reads, in order, each a copy of its own
                    var joined = new ByteArrayOutputStream();
                    chunks.forEach(joined::writeBytes);
                    assertThat(joined.toByteArray()).as("the bytes the handler got, joined").isEqualTo(payload);
                    assertThat(total).as("drain's count").isEqualTo(payload.length);
                    assertThat(chunks.stream().map(c -> c.length).toList()).as("the sizes of the chunks the handler got:"
                            + " one per read, exactly that read's bytes").isEqualTo(in.returnedSizes().stream()
                            .filter(n -> n > 0).toList());
                });
    }

    @Test
    @Tag("4.9b")
    void should_not_close_the_stream() throws IOException {
        var closed = new boolean[1];
        InputStream in = new ByteArrayInputStream(new byte[10]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        DrainingReader.drain(in, 4, 1, chunk -> { });
        assertThat(closed[0]).as("the stream was closed by drain: whoever opened it closes it").isFalse();
    }

    @Test
    @Tag("4.9b")
    void should_refuse_a_buffer_or_a_queue_of_nothing() {
        for (int[] bad : new int[][] {{0, 1}, {1, 0}, {-1, 4}}) {
            Throwable thrown = Thrown.by(() -> DrainingReader.drain(new ByteArrayInputStream(new byte[1]), bad[0], bad[1], c -> { }));
            assertThat(thrown).as("drain with bufferSize %d and maxQueuedChunks %d", bad[0], bad[1])
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).as("the message gives both numbers")
                    .contains(Integer.toString(bad[0])).contains(Integer.toString(bad[1]));
        }
    }

    @Test
    @Tag("4.9b")
    void should_return_only_once_the_handler_has_handled_the_last_chunk() throws Exception {
        // GIVEN a handler that stops at the last chunk until the test lets it go
        byte[] data = payload(100, 5);
        var atLast = new CountDownLatch(1);
        var letGo = new CountDownLatch(1);
        var handled = new AtomicLong();
        CompletableFuture<Long> result = drainInBackground(new ByteArrayInputStream(data), 10, 2, chunk -> {
            if (handled.get() + chunk.length == data.length) {
                atLast.countDown();
                letGo.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            handled.addAndGet(chunk.length);
        });
        await(atLast, result, "the handler reached the last chunk");
        // WHEN the stream has ended but the handler is still busy THEN drain has not returned
        Long early = Poll.until(Duration.ofMillis(100), () -> result.getNow(null), r -> r != null);
        assertThat(early).as("drain's result while the handler still held the last chunk: drain must wait for it")
                .isNull();
        letGo.countDown();
        assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("drain's count").isEqualTo(100);
        assertThat(handled).as("bytes handled when drain returned").hasValue(100);
    }

    @Test
    @Tag("4.9b")
    void should_still_wait_for_the_handler_when_interrupted_after_the_end_of_the_stream() throws Exception {
        // GIVEN a handler that stops at the last chunk, and a drain that has read the whole stream
        byte[] data = payload(100, 7);
        var atLast = new CountDownLatch(1);
        var letGo = new CountDownLatch(1);
        var handled = new AtomicLong();
        var result = new CompletableFuture<Long>();
        var interruptedAfter = new boolean[1];
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                result.complete(DrainingReader.drain(new ByteArrayInputStream(data), 10, 2, chunk -> {
                    if (handled.get() + chunk.length == data.length) {
                        atLast.countDown();
                        letGo.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    }
                    handled.addAndGet(chunk.length);
                }));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        await(atLast, result, "the handler reached the last chunk");
        Poll.until(WAIT, reader::getState, state -> state == Thread.State.WAITING);
        // WHEN the reader is interrupted while it waits for the handler, and the handler later let go
        reader.interrupt();
        Long early = Poll.until(Duration.ofMillis(100), () -> result.getNow(null), r -> r != null);
        letGo.countDown();
        // THEN drain still waited for the handler (no handler thread outlives it), returned the count
        // and kept the interrupt for its caller
        assertThat(early).as("drain's result right after the interrupt, with the handler still busy: none yet")
                .isNull();
        assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("drain's count").isEqualTo(100);
        assertThat(handled).as("bytes handled when drain returned").hasValue(100);
        assertThat(reader.join(WAIT)).as("the reader thread ended").isTrue();
        assertThat(interruptedAfter[0]).as("the reader's interrupt flag after drain: kept for its caller").isTrue();
    }

    @Test
    @Tag("4.9b")
    void should_stop_reading_and_report_a_failing_handler() {
        // GIVEN a long stream and a handler that fails on its third chunk
        var source = new CountingInputStream(new ByteArrayInputStream(new byte[1 << 20]));
        var failure = new IllegalStateException("handler broke");
        var calls = new AtomicLong();
        // WHEN drained
        Throwable thrown = Thrown.by(() -> DrainingReader.drain(source, 100, 2, chunk -> {
            if (calls.incrementAndGet() == 3) {
                throw failure;
            }
        }));
        // THEN the failure comes out with what was handled, and the rest of the stream stays unread
        assertThat(thrown).as("drain when the handler throws on its third chunk, got %s", thrown)
                .isInstanceOf(HandlerFailedException.class);
        var failed = (HandlerFailedException) thrown;
        assertThat(failed.getCause()).as("the cause: the handler's own exception").isSameAs(failure);
        assertThat(failed.bytesHandled()).as("bytesHandled(): the two chunks handled before the failure").isEqualTo(200);
        assertThat(source.count.get()).as("bytes read from a 1 MiB stream after the handler failed: reading must stop,"
                + " at most a queue and two chunks past the failure").isLessThanOrEqualTo(300 + 4 * 100);
    }

    @Test
    @Tag("4.9b")
    void should_report_a_handler_that_returns_with_its_thread_interrupted_instead_of_hanging() throws Exception {
        // GIVEN a long stream, and a handler that on its third chunk sets its own thread's interrupt
        // flag and returns: Java's idiom for an interrupt caught where it cannot be thrown on
        var source = new CountingInputStream(new ByteArrayInputStream(new byte[1 << 20]));
        var calls = new AtomicLong();
        // WHEN drained
        CompletableFuture<Long> result = drainInBackground(source, 100, 2, chunk -> {
            if (calls.incrementAndGet() == 3) {
                Thread.currentThread().interrupt();
            }
        });
        Object outcome;
        try {
            outcome = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            outcome = e.getCause();
        } catch (TimeoutException e) {
            outcome = "still running after " + WAIT.toSeconds() + " s";
        }
        if (outcome instanceof Throwable t) {
            Thrown.by(() -> {
                throw t;
            });
        }
        // THEN drain ends with the handler's failure, whose cause is the interrupt, and reading stops
        assertThat(outcome).as("drain when the handler returned from its third chunk with its thread's interrupt flag"
                + " set: expected a HandlerFailedException, got %s. The handler thread's next take() throws"
                + " InterruptedException; a handler thread that ends there leaves the reader waiting for room in a"
                + " queue that nobody empties, or drain returning bytes that were never handled", outcome)
                .isInstanceOf(HandlerFailedException.class);
        var failed = (HandlerFailedException) outcome;
        assertThat(failed.getCause()).as("the cause of the HandlerFailedException: the interrupt the handler left")
                .isInstanceOf(InterruptedException.class);
        assertThat(failed.bytesHandled()).as("bytesHandled(): the three chunks the handler returned from").isEqualTo(300);
        assertThat(source.count.get()).as("bytes read from a 1 MiB stream after the handler failed: reading must stop,"
                + " at most a queue and two chunks past the failure").isLessThanOrEqualTo(300 + 4 * 100);
    }

    @Test
    @Tag("4.9b")
    void should_pass_on_a_read_failure_after_handling_what_came_before() {
        var broken = new IOException("connection reset");
        var in = new FaultyInputStream(new ByteArrayInputStream(new byte[1000]), Fault.failAt(250, broken));
        var handled = new AtomicLong();
        Throwable thrown = Thrown.by(() -> DrainingReader.drain(in, 100, 3, chunk -> handled.addAndGet(chunk.length)));
        assertThat(thrown).as("drain when a read fails after 250 bytes").isSameAs(broken);
        assertThat(handled).as("bytes handled before drain reported the read failure: all 250 that arrived").hasValue(250);
    }

    @Test
    @Tag("4.9b")
    void should_keep_the_queue_bounded_while_the_handler_is_stuck() throws Exception {
        // GIVEN a handler stuck on its first chunk, and a sender with 8 MiB to send
        try (var connection = Connection.open()) {
            var source = new CountingInputStream(connection.receiver.getInputStream());
            var stuck = new CountDownLatch(1);
            var letGo = new CountDownLatch(1);
            var received = new ByteArrayOutputStream();
            int bufferSize = 1024;
            int maxQueued = 4;
            CompletableFuture<Long> result = drainInBackground(source, bufferSize, maxQueued, chunk -> {
                stuck.countDown();
                letGo.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                received.writeBytes(chunk);
            });
            byte[] data = payload(8 << 20, 6);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    // A blocking channel's write may still return having written only part: loop.
                    for (ByteBuffer rest = ByteBuffer.wrap(data); rest.hasRemaining(); ) {
                        connection.sender.write(rest);
                    }
                    connection.sender.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, r -> Thread.ofVirtual().start(r));
            await(stuck, result, "the handler got its first chunk");
            // WHEN the reader has drained what it may THEN it stops: the queue, the chunk being
            // handled and the one waiting for room; the rest stays in the socket, and the sender stalls
            long bound = (long) (maxQueued + 2) * bufferSize;
            long drained = Poll.until(Duration.ofMillis(300), source.count::get, n -> n > bound);
            assertThat(drained).as("bytes the reader took from the socket while the handler was stuck, with %d-byte"
                    + " reads and a queue of %d chunks: at most %d. More means the queue is not bounded, and a stuck"
                    + " handler makes the reader hold everything the sender can send", bufferSize, maxQueued, bound)
                    .isLessThanOrEqualTo(bound);
            assertThat(sent.isDone()).as("the sender's 8 MiB write while the handler is stuck: stalled").isFalse();
            // WHEN the handler is let go THEN every byte arrives, once, in order
            letGo.countDown();
            assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("drain's count").isEqualTo(data.length);
            sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(Arrays.mismatch(received.toByteArray(), data)).as("the first index where the handled bytes"
                    + " differ from those sent (-1: none)").isEqualTo(-1);
        }
    }

    @Test
    @Tag("4.9b")
    void should_wait_for_the_handler_and_report_an_interrupt_while_the_queue_is_full() throws Exception {
        // GIVEN a handler stuck on its first chunk, and a reader whose queue has filled
        var letGo = new CountDownLatch(1);
        var handled = new AtomicLong();
        var result = new CompletableFuture<Throwable>();
        var interruptedAfter = new boolean[1];
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                DrainingReader.drain(new ByteArrayInputStream(new byte[10_000]), 10, 2, chunk -> {
                    letGo.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    handled.addAndGet(chunk.length);
                });
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        Thread.State state = Poll.until(WAIT, reader::getState,
                s -> s == Thread.State.WAITING || s == Thread.State.TERMINATED);
        if (result.isDone()) {
            Thrown.by(() -> {
                throw result.join();
            });
        }
        assertThat(state).as("the reader's state once the queue is full: waiting for room").isEqualTo(Thread.State.WAITING);
        // WHEN the reader is interrupted, and the handler later let go
        reader.interrupt();
        letGo.countDown();
        // THEN drain reports the interrupt, only after the handler finished what was queued
        Throwable thrown = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(thrown).as("drain interrupted while waiting for room in the queue, got %s", thrown)
                .isInstanceOf(InterruptedIOException.class);
        assertThat(handled.get()).as("bytes handled when drain returned: the handler finished what was queued")
                .isBetween(10L, 40L);
        assertThat(reader.join(WAIT)).as("the reader thread ended").isTrue();
        assertThat(interruptedAfter[0]).as("the reader's interrupt flag after drain: kept").isTrue();
    }

    /** Where the handler pauses, and when the pause ends: once the sender has stalled, or has nothing left. */
    private static final class Pauses {
        private final List<Integer> offsets;
        private int next;
        private boolean waiting;
        private boolean released;
        private boolean senderDone;
        int stallsWhilePaused;

        Pauses(List<Integer> offsets) {
            this.offsets = offsets.stream().sorted().toList();
        }

        /** Called by the handler after it has handled {@code handled} bytes. */
        synchronized void maybePause(long handled) throws InterruptedException {
            while (next < offsets.size() && offsets.get(next) <= handled) {
                next++;
                waiting = true;
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!released && !senderDone && System.nanoTime() < deadline) {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
                waiting = false;
                released = false;
            }
        }

        /** Called by the sender when a write took nothing: ends a pause, if the handler is in one. */
        synchronized boolean releaseIfPaused() {
            if (waiting) {
                released = true;
                stallsWhilePaused++;
                notifyAll();
                return true;
            }
            return false;
        }

        synchronized void senderDone() {
            senderDone = true;
            notifyAll();
        }
    }

    /** A reader's two sizes, drawn together. */
    record Reader(int bufferSize, int maxQueuedChunks) {
    }

    @Test
    @Tag("4.9b")
    void should_lose_duplicate_and_reorder_nothing_whatever_the_handlers_pauses() {
        Gen<Reader> readers = Gen.combine(Gen.integers(1, 4096), Gen.integers(1, 8), Reader::new);
        forAll(Gen.integers(0, 200_000), Gen.lists(Gen.integers(0, 200_000), 0, 3), readers)
                .labels("payloadSize", "pauseAt", "reader").tries(12).check((size, pauseAt, reader) -> {
                    // GIVEN a handler that pauses after each offset in pauseAt until the sender has stalled
                    byte[] data = payload(size, size);
                    var pauses = new Pauses(pauseAt);
                    var received = new ByteArrayOutputStream();
                    try (var connection = Connection.open(); var selector = Selector.open()) {
                        CompletableFuture<Long> result = drainInBackground(connection.receiver.getInputStream(),
                                reader.bufferSize(), reader.maxQueuedChunks(), chunk -> {
                                    received.writeBytes(chunk);
                                    pauses.maybePause(received.size());
                                });
                        // WHEN the sender sends everything, waiting whenever the window is closed
                        connection.sender.configureBlocking(false);
                        connection.sender.register(selector, SelectionKey.OP_WRITE);
                        ByteBuffer buffer = ByteBuffer.wrap(data);
                        long deadline = System.nanoTime() + WAIT.toNanos();
                        while (buffer.hasRemaining() && !result.isDone() && System.nanoTime() < deadline) {
                            if (connection.sender.write(buffer) == 0 && !pauses.releaseIfPaused()) {
                                selector.select(10);
                                selector.selectedKeys().clear();
                            }
                        }
                        if (buffer.hasRemaining() && result.isDone()) {
                            result.join();
                        }
                        assertThat(buffer.remaining()).as("bytes the sender could not send within %s; drain returned"
                                + " before the end of the stream: %s", WAIT, result.isDone()).isZero();
                        connection.sender.shutdownOutput();
                        pauses.senderDone();
                        // THEN once the receiver has drained, every byte arrived once and in order
                        long total = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                        assertThat(total).as("drain's count").isEqualTo((long) size);
                        assertThat(received.size()).as("bytes the handler got").isEqualTo(size);
                        assertThat(Arrays.mismatch(received.toByteArray(), data)).as("the first index where the handled"
                                + " bytes differ from those sent (-1: none); a chunk handed over without a copy of its"
                                + " own is overwritten by the next read").isEqualTo(-1);
                    }
                });
    }
}
