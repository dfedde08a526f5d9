package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
// SOLUTION 4.6b
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Objects;
// SKELETON
// import workbook.NotStartedException;
// END 4.6b

/**
 * A stream that writes every byte to several targets, in the order given: Go's
 * {@code io.MultiWriter}, which the JDK lacks.
 *
 * <pre>{@code
 * var out = new MultiOutputStream(socket.getOutputStream(), monitor);
 * out.write(buffer, 0, n);   // the same n bytes to the socket, then to the monitor
 * }</pre>
 *
 * <p>It extends {@code OutputStream}, not {@code FilterOutputStream}: a filter wraps one stream,
 * and this one has no first among its targets. Each call passes the caller's array, offset and
 * length on unchanged: a target receives exactly the bytes written, never a copy of the whole
 * array and never one byte at a time.
 *
 * <p><b>When a target fails.</b> Go's {@code MultiWriter} stops at the first error: the targets
 * after the failing one never see that write. Over a connection and a monitor, a monitor listed
 * first that fails would starve the connection. Here a failing target never stops the others:
 * <ul>
 *   <li>every target that has not failed receives the write (or the flush), in order, whatever
 *       the targets before it did;</li>
 *   <li>then the call throws the first failure it met, with any later one of the same call added
 *       as suppressed, so the caller learns of each failure exactly once;</li>
 *   <li>a target that failed is dropped: later writes and flushes skip it and succeed if the rest
 *       do. Once every target has failed, each write and flush throws an {@code IOException}
 *       whose cause is the first failure.</li>
 * </ul>
 * A target's unchecked exception is a bug and is not caught. This stream cannot tell a connection
 * from a monitor: a monitor must not fail in the first place (see {@link Monitor}).
 *
 * <p><b>Who closes.</b> {@link #close()} closes every target, failed or not, each even if closing
 * another fails.
 *
 * <p>Not thread-safe on its own: one writer at a time.
 */
public class MultiOutputStream extends OutputStream {

    private final List<OutputStream> targets;
    // SOLUTION 4.6b
    /** The targets that have not failed, in order. */
    private final List<OutputStream> live;
    /** The first failure of any target, the cause once every target has failed. */
    private IOException firstFailure;
    // SKELETON
    // // Your fields for the failure rules go here; set them up at the end of the constructor.
    // END 4.6b

    /**
     * @param targets the streams to write to, in order; at least one
     * @throws IllegalArgumentException if there is no target
     * @throws NullPointerException     if a target is null
     */
    public MultiOutputStream(OutputStream... targets) {
        if (targets.length == 0) {
            throw new IllegalArgumentException("no targets: a MultiOutputStream needs at least one stream to write to");
        }
        this.targets = List.of(targets);
        // SOLUTION 4.6b
        this.live = new ArrayList<>(this.targets);
        // SKELETON
        // END 4.6b
    }

    /** Writes one byte to every target; see {@link #write(byte[], int, int)}. */
    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * Writes {@code len} bytes of {@code b} from {@code off} to every target that has not failed,
     * in order.
     *
     * @throws IOException the first target failure of this call (later ones suppressed on it),
     *     after every other target has received the bytes; or, when every target has failed
     *     before, an {@code IOException} caused by the first failure
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // SOLUTION 4.6b
        Objects.checkFromIndexSize(off, len, b.length);
        forEachTarget("write", target -> target.write(b, off, len));
        // END 4.6b
    }

    /** Flushes every target that has not failed, with the same rules as a write. */
    @Override
    public void flush() throws IOException {
        // SOLUTION 4.6b
        forEachTarget("flush", OutputStream::flush);
        // END 4.6b
    }

    /**
     * Closes every target, those that failed included, each even if closing another throws. The
     * first failure is thrown, later ones are added to it as suppressed.
     */
    @Override
    public void close() throws IOException {
        // SOLUTION 4.6b
        IOException first = null;
        for (OutputStream target : targets) {
            try {
                target.close();
            } catch (IOException e) {
                first = firstOf(first, e);
            }
        }
        if (first != null) {
            throw first;
        }
        // END 4.6b
    }

    // SOLUTION 4.6b
    /** One call on a target, which may fail. */
    private interface Call {
        void on(OutputStream target) throws IOException;
    }

    /** Makes {@code call} on each target that has not failed; see the class's rules. */
    private void forEachTarget(String what, Call call) throws IOException {
        if (live.isEmpty()) {
            throw new IOException("cannot " + what + ": all " + targets.size() + " targets have failed;"
                    + " the cause is the first failure", firstFailure);
        }
        IOException failure = null;
        for (Iterator<OutputStream> it = live.iterator(); it.hasNext(); ) {
            OutputStream target = it.next();
            try {
                call.on(target);
            } catch (IOException e) {
                // Dropped from now on; the targets after it still get this call.
                it.remove();
                if (firstFailure == null) {
                    firstFailure = e;
                }
                failure = firstOf(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** {@code later} added to {@code first} as suppressed, or {@code later} itself if it is the first. */
    private static IOException firstOf(IOException first, IOException later) {
        if (first == null) {
            return later;
        }
        first.addSuppressed(later);
        return first;
    }
    // SKELETON
    // // Your helpers go here, if you want any.
    // END 4.6b
}
