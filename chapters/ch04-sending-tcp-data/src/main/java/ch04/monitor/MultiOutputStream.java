package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import workbook.NotStartedException;

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
    // Your fields for the failure rules go here; set them up at the end of the constructor.

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
        throw new NotStartedException("4.6b");
    }

    /** Flushes every target that has not failed, with the same rules as a write. */
    @Override
    public void flush() throws IOException {
        throw new NotStartedException("4.6b");
    }

    /**
     * Closes every target, those that failed included, each even if closing another throws. The
     * first failure is thrown, later ones are added to it as suppressed.
     */
    @Override
    public void close() throws IOException {
        throw new NotStartedException("4.6b");
    }

    // Your helpers go here, if you want any.
}
