package ch04.errors;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
// SOLUTION 4.4e
import java.io.InterruptedIOException;
// SKELETON
// import workbook.NotStartedException;
// END 4.4e

/**
 * A stream whose writes are retried by a {@link Retry}, and each retry sends only what the failed
 * try did not: Listing 4-13's loop with its bug fixed.
 *
 * <p>A write can fail after part of the buffer went out. Java says how much in the
 * {@link java.io.InterruptedIOException#bytesTransferred bytesTransferred} field of a timed-out
 * write's {@link java.net.SocketTimeoutException}. Listing 4-13 retries {@code conn.Write} with the
 * whole buffer, so the peer receives that part twice:
 *
 * <pre>
 *   write "hello world"   -> "hel" went out, then a timeout (bytesTransferred = 3)
 *   Listing 4-13 retries  -> "hello world"    peer has "helhello world"
 *   this stream retries   -> "lo world"       peer has "hello world"
 * </pre>
 *
 * <p>Each {@code write} call gets the retry's whole budget. {@link #flush()} and {@link #close()}
 * pass through without retries. Not thread-safe.
 */
public class RetryingOutputStream extends FilterOutputStream {

    private final Retry retry;
    // SOLUTION 4.4e
    private long written;
    // SKELETON
    // // Your fields go here.
    // END 4.4e

    /**
     * @param out   the stream to write to, closed by {@link #close()}
     * @param retry how to retry a failed write
     */
    public RetryingOutputStream(OutputStream out, Retry retry) {
        super(Objects.requireNonNull(out, "out"));
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Writes all {@code len} bytes, retrying as the {@link Retry} says; a retry writes only the
     * bytes the failed try did not pass on.
     *
     * <p>On failure, {@link #bytesWritten()} tells how many bytes of this call are known to have
     * gone out (a timeout says how many; after another failure the stream underneath may have
     * passed on a few more that nobody can count).
     *
     * @throws RetriesExhaustedException if every try failed with a failure worth retrying
     * @throws IOException the first failure not worth retrying
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // SOLUTION 4.4e
        Objects.checkFromIndexSize(off, len, b.length);
        // Where the next try starts: it moves on by what each try got out, never back.
        int[] sent = {0};
        retry.run(() -> {
            int start = sent[0];
            try {
                out.write(b, off + start, len - start);
                sent[0] = len;
            } catch (InterruptedIOException e) {
                sent[0] += e.bytesTransferred;
                throw e;
            } finally {
                written += sent[0] - start;
            }
        });
        // END 4.4e
    }

    /** Writes one byte, retried like any write. */
    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * How many bytes this stream has passed on so far, over all writes: after a failed write, the
     * ones known to have gone out.
     */
    public long bytesWritten() {
        // SOLUTION 4.4e
        return written;
        // END 4.4e
    }
}
