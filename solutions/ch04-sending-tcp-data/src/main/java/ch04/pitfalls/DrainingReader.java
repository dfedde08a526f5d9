package ch04.pitfalls;

import java.io.IOException;
import java.io.InputStream;
// SOLUTION 4.9b
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
// SKELETON
// import workbook.NotStartedException;
// END 4.9b

/**
 * A read loop that keeps draining the socket while its handler is slow: the fix for the zero window
 * of Listing 4-26, within a bound.
 *
 * <p>Listing 4-26 reads and handles on one goroutine: while {@code handle} blocks, nobody reads,
 * the receive buffer fills and the sender stalls. Here the calling thread only reads; each read's
 * bytes, copied, go through a queue of at most {@code maxQueuedChunks} chunks to the handler on a
 * thread of its own. A short pause of the handler is absorbed by the queue and the sender never
 * notices. A long one fills the queue; then the reader waits too and the zero window comes back,
 * later and on purpose: that is backpressure, and the bound keeps memory at
 * {@code maxQueuedChunks × bufferSize} bytes. An unbounded queue would instead hold everything the
 * sender can send, until the heap runs out.
 *
 * <pre>
 *  socket ──read──► [copy] ──► queue (≤ maxQueuedChunks) ──► handler thread ──► handler.handle(chunk)
 *             caller's thread                                  a virtual thread
 * </pre>
 */
public final class DrainingReader {

    /** Handles the bytes of one read; may be slow, may throw. */
    @FunctionalInterface
    public interface ChunkHandler {
        /** @param chunk the bytes of one read, in order: a new array that the handler may keep */
        void handle(byte[] chunk) throws Exception;
    }

    /** Thrown when the handler fails; the reader stops at once and its stream is left unread. */
    public static final class HandlerFailedException extends IOException {
        private final long bytesHandled;

        public HandlerFailedException(long bytesHandled, Throwable cause) {
            super("the handler failed after handling " + bytesHandled + " bytes: " + cause, cause);
            this.bytesHandled = bytesHandled;
        }

        /** The bytes the handler had handled, successfully, before it failed. */
        public long bytesHandled() {
            return bytesHandled;
        }
    }

    private DrainingReader() {
    }

    /**
     * Reads {@code in} to its end on the calling thread and has {@code handler} handle every read's
     * bytes, in order, on a thread of its own; returns once the handler has handled the last chunk.
     * Does not close {@code in}.
     *
     * @param bufferSize      the most one read takes, at least 1
     * @param maxQueuedChunks the most chunks read but not yet handled, at least 1; the reader waits
     *                        while this many are queued
     * @return the bytes read and handled
     * @throws IllegalArgumentException if {@code bufferSize} or {@code maxQueuedChunks} is below 1
     * @throws HandlerFailedException   if the handler throws, or returns with its thread's interrupt flag set
     *                                  (an {@code InterruptedException} is then the cause); reading stops at the
     *                                  next chunk
     * @throws IOException              if a read fails (the handler still handles what came before)
     * @throws InterruptedIOException   if the calling thread is interrupted while it waits for room in
     *                                  the queue; the call still waits for the handler to finish what
     *                                  is queued, so no handler thread outlives it
     */
    public static long drain(InputStream in, int bufferSize, int maxQueuedChunks, ChunkHandler handler)
            throws IOException {
        // SOLUTION 4.9b
        if (bufferSize < 1 || maxQueuedChunks < 1) {
            throw new IllegalArgumentException("bufferSize " + bufferSize + " and maxQueuedChunks "
                    + maxQueuedChunks + ": both must be at least 1");
        }
        var consumer = new Consumer(new ArrayBlockingQueue<>(maxQueuedChunks), handler);
        Thread thread = Thread.ofVirtual().name("draining-reader-handler").start(consumer);
        long read = 0;
        IOException readFailure = null;
        byte[] buffer = new byte[bufferSize];
        try {
            for (int n; !consumer.failed() && (n = in.read(buffer, 0, bufferSize)) != -1; ) {
                // The buffer is read into again at once: the handler gets a copy of its own.
                byte[] chunk = Arrays.copyOf(buffer, n);
                consumer.put(chunk);
                read += n;
            }
        } catch (IOException e) {
            readFailure = e;
        } finally {
            consumer.finish(thread);
        }
        if (consumer.failure != null) {
            throw new HandlerFailedException(consumer.handled, consumer.failure);
        }
        if (readFailure != null) {
            throw readFailure;
        }
        return read;
        // END 4.9b
    }

    // SOLUTION 4.9b
    /** The handler's side: takes chunks until the empty end marker; after a failure, only discards them. */
    private static final class Consumer implements Runnable {
        private static final byte[] END = new byte[0];

        private final BlockingQueue<byte[]> queue;
        private final ChunkHandler handler;
        private volatile Throwable failure;
        private long handled;

        Consumer(BlockingQueue<byte[]> queue, ChunkHandler handler) {
            this.queue = queue;
            this.handler = handler;
        }

        boolean failed() {
            return failure != null;
        }

        void put(byte[] chunk) throws InterruptedIOException {
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the handler's queue was full");
            }
        }

        /**
         * Sends the end marker and waits until the handler thread has got through the queue. Never
         * leaves early, so no handler thread outlives the call; an interrupt meanwhile is kept.
         */
        void finish(Thread thread) {
            boolean interrupted = Thread.interrupted();
            boolean ended = false;
            while (true) {
                try {
                    if (!ended) {
                        queue.put(END);
                        ended = true;
                    }
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            while (true) {
                byte[] chunk;
                try {
                    chunk = queue.take();
                } catch (InterruptedException e) {
                    // Only the handler runs here, so the flag is its own: it caught an interrupt and set
                    // the flag again, say, without finishing. That is its failure. Ending this thread
                    // instead would leave the reader waiting for room in a queue that nobody empties.
                    if (failure == null) {
                        failure = e;
                    }
                    continue;
                }
                if (chunk == END) {
                    return;
                }
                if (failure != null) {
                    continue;
                }
                try {
                    handler.handle(chunk);
                    handled += chunk.length;
                } catch (Throwable t) {
                    failure = t;
                }
            }
        }
    }
    // SKELETON
    // // Your helpers go here: the handler thread's side, for one.
    // END 4.9b
}
