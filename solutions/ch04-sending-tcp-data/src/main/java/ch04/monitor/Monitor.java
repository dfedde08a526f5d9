package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
// SOLUTION 4.6c
// SKELETON
// import workbook.NotStartedException;
// END 4.6c

/**
 * An output stream that logs what is written to it, one log line per line of data: Listing 4-19's
 * {@code Monitor}, an {@code io.Writer} that logs. Put it where the data passes, as the branch of
 * a {@link TeeInputStream} or a target of a {@link MultiOutputStream}, and every byte that goes by
 * is logged.
 *
 * <pre>{@code
 * var monitor = new Monitor(System.out, Monitor.PREFIX, failure -> System.err.println("monitor off: " + failure));
 * monitor.write("Test\n".getBytes(StandardCharsets.UTF_8));   // logs "monitor: Test"
 * }</pre>
 *
 * <p><b>Lines, not reads.</b> Go's monitor logs each {@code Write} as a line, so a message that
 * arrives in two reads is logged in two pieces, cut where the network cut it. This one collects
 * bytes until a newline and then logs the whole line: the prefix, the view's mark (empty here;
 * see {@link #in()} and {@link #out()}), the line's bytes as they were, and a newline, all in one
 * {@code write} of the log. A line longer than {@link #MAX_LINE_BYTES} is logged in pieces of
 * that many bytes, so a peer that never sends a newline cannot make the monitor hold more.
 * {@link #flush()} logs an unfinished line as it is; {@link #close()} flushes and leaves the log
 * open, since it is the caller's.
 *
 * <p><b>A monitor never fails the data.</b> Its {@code write} and {@code flush} throw nothing:
 * when the log fails, the monitor reports that failure once, to the {@code onFailure} given to
 * the constructor, and steps aside, logging nothing more, in every view. The bytes it was handed
 * keep flowing wherever they were going. (The chapter warns that a failing monitor stops the
 * data; with Go's {@code TeeReader} and {@code MultiWriter} it does.)
 *
 * <p><b>Views.</b> {@link #in()} and {@link #out()} are monitors on the same log that mark their
 * lines as received ({@value #IN_MARK}) or sent ({@value #OUT_MARK}). Each view collects its own
 * unfinished line; all views share the log, its prefix and its failure. Thread-safe: the views
 * may be written by different threads, and a log line is never cut by another.
 */
public final class Monitor extends OutputStream {

    /** The chapter's prefix, as in Listing 4-20's {@code log.New(os.Stdout, "monitor: ", 0)}. */
    public static final String PREFIX = "monitor: ";

    /** The mark after the prefix of a line received from the peer, as in curl's verbose log. */
    public static final String IN_MARK = "< ";

    /** The mark after the prefix of a line sent to the peer. */
    public static final String OUT_MARK = "> ";

    /** The most bytes of one line a monitor holds; a longer line is logged in pieces this long. */
    public static final int MAX_LINE_BYTES = 1024;

    /** What the views of one monitor share. */
    private static final class Log {
        /** Where the lines go. Guarded by this object, the lock every view takes to write or flush. */
        OutputStream out;
        final byte[] prefix;
        final Consumer<? super IOException> onFailure;

        Log(OutputStream out, byte[] prefix, Consumer<? super IOException> onFailure) {
            this.out = out;
            this.prefix = prefix;
            this.onFailure = onFailure;
        }
    }

    private final Log log;
    private final byte[] mark;
    // SOLUTION 4.6c
    /** The unfinished line: line[0..length). Guarded by log. */
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int length;
    // SKELETON
    // // Your fields for the unfinished line go here.
    // END 4.6c

    /**
     * A monitor that logs to {@code log}, each line starting with {@code prefix} (UTF-8).
     *
     * @param log       where the lines go; never closed by the monitor
     * @param prefix    the start of every line, such as {@link #PREFIX}
     * @param onFailure told of the log's first failure, once; must not throw
     */
    public Monitor(OutputStream log, String prefix, Consumer<? super IOException> onFailure) {
        this(new Log(Objects.requireNonNull(log, "log"), prefix.getBytes(StandardCharsets.UTF_8),
                Objects.requireNonNull(onFailure, "onFailure")), "");
    }

    private Monitor(Log log, String mark) {
        this.log = log;
        this.mark = mark.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A view of this monitor for the bytes received from the peer: its lines carry
     * {@value #IN_MARK} after the prefix. It shares this monitor's log and failure, and collects
     * its own unfinished line. Each call makes a new view.
     */
    public Monitor in() {
        // SOLUTION 4.6g
        return new Monitor(log, IN_MARK);
        // END 4.6g
    }

    /** Like {@link #in()}, for the bytes sent to the peer: its lines carry {@value #OUT_MARK}. */
    public Monitor out() {
        // SOLUTION 4.6g
        return new Monitor(log, OUT_MARK);
        // END 4.6g
    }

    /** Takes one byte; see {@link #write(byte[], int, int)}. */
    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * Takes {@code len} bytes of {@code b} from {@code off}: logs each line they complete, and
     * keeps the rest as the unfinished line. Never throws for the log's sake.
     */
    @Override
    public void write(byte[] b, int off, int len) {
        // SOLUTION 4.6c
        Objects.checkFromIndexSize(off, len, b.length);
        synchronized (log) {
            int end = off + len;
            int i = off;
            while (i < end) {
                int newline = i;
                while (newline < end && b[newline] != '\n') {
                    newline++;
                }
                // b[i..newline) belongs to the unfinished line, in pieces of at most what fits.
                while (i < newline) {
                    if (length == MAX_LINE_BYTES) {
                        logLine();
                    }
                    int n = Math.min(newline - i, MAX_LINE_BYTES - length);
                    System.arraycopy(b, i, line, length, n);
                    length += n;
                    i += n;
                }
                if (newline < end) {
                    logLine();
                    i = newline + 1;
                }
            }
        }
        // END 4.6c
    }

    /** Logs the unfinished line, if there is one, as a line of its own, then flushes the log. */
    @Override
    public void flush() {
        // SOLUTION 4.6c
        synchronized (log) {
            if (length > 0) {
                logLine();
            }
            try {
                log.out.flush();
            } catch (IOException failure) {
                stepAside(failure);
            }
        }
        // END 4.6c
    }

    /** Flushes; the log stays open, since it is the caller's. */
    @Override
    public void close() {
        flush();
    }

    // SOLUTION 4.6c
    /** Logs line[0..length) with the prefix and the mark, in one write, and empties the line. */
    private void logLine() {
        byte[] entry = new byte[log.prefix.length + mark.length + length + 1];
        System.arraycopy(log.prefix, 0, entry, 0, log.prefix.length);
        System.arraycopy(mark, 0, entry, log.prefix.length, mark.length);
        System.arraycopy(line, 0, entry, log.prefix.length + mark.length, length);
        entry[entry.length - 1] = '\n';
        length = 0;
        try {
            log.out.write(entry);
        } catch (IOException failure) {
            stepAside(failure);
        }
    }
    // SKELETON
    // // Your helpers go here. Where the log throws, catch the IOException and call stepAside (4.6f).
    // END 4.6c

    /**
     * Called with the log's failure, under the log's lock: reports it to {@code onFailure} and makes
     * sure that this monitor and all its views log nothing more, so the failure is reported once.
     * Exercise 4.6f.
     */
    private void stepAside(IOException failure) {
        // SOLUTION 4.6f
        // A sink that never fails: every view writes to it from now on, and never reports again.
        log.out = OutputStream.nullOutputStream();
        log.onFailure.accept(failure);
        // END 4.6f
    }
}
