package ch04.monitor;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
// SOLUTION 4.6a
// SKELETON
// import workbook.NotStartedException;
// END 4.6a

/**
 * A stream that hands out the bytes of its source and copies each byte it hands out to a second
 * stream, the <em>branch</em>: Go's {@code io.TeeReader}, which the JDK lacks.
 *
 * <pre>{@code
 * var in = new TeeInputStream(socket.getInputStream(), monitor);
 * int n = in.read(buffer);   // buffer[0..n) goes to the caller, and the same n bytes to monitor
 * }</pre>
 *
 * <p><b>What the branch receives.</b> Exactly the bytes this stream takes from its source, once
 * each, in order, and nothing else: a read that returns {@code n} bytes copies those {@code n}
 * bytes, never the rest of the caller's buffer; a read that returns {@code 0} or {@code -1} copies
 * nothing. {@link #skip} reads the bytes it skips, so the branch receives them too (Apache Commons
 * IO's tee passes a skip to its source, and the copy silently has a hole). {@code mark} and
 * {@code reset} are not supported: a byte already copied cannot be taken back, and a reset would
 * copy it twice.
 *
 * <p><b>When the branch fails.</b> The branch is a copy; the caller's bytes are the point. A read
 * has taken its bytes from the source before the copy is made, and Java's {@code read} cannot
 * return both a count and an error (Go's {@code Read} can), so throwing the branch's failure would
 * lose those bytes for good. Instead the first {@link IOException} from the branch detaches it:
 * the read returns its bytes as if nothing happened, nothing more is copied, and
 * {@link #branchFailure()} holds the failure, the way {@code PrintStream.checkError} holds its own.
 * An unchecked exception from the branch is a bug in the branch and reaches the caller.
 *
 * <p><b>Who closes.</b> {@link #close()} closes the source, which this stream wraps. The branch is
 * the caller's: it is closed too only when the constructor was told {@code closeBranch = true}. A
 * monitor shared by both directions of a connection must outlive either of them, so the default
 * leaves it open.
 *
 * <p>Not thread-safe on its own, like the source it reads: one reader at a time.
 */
public class TeeInputStream extends FilterInputStream {

    /** At most this many bytes are read at a time to skip them. */
    private static final int SKIP_BUFFER_SIZE = 2048;

    private final OutputStream branch;
    private final boolean closeBranch;
    private IOException branchFailure;

    /** A tee that leaves {@code branch} open when it is closed. */
    public TeeInputStream(InputStream source, OutputStream branch) {
        this(source, branch, false);
    }

    /**
     * @param source      the stream to read; closed by {@link #close()}
     * @param branch      receives a copy of every byte read
     * @param closeBranch whether {@link #close()} closes {@code branch} too
     */
    public TeeInputStream(InputStream source, OutputStream branch, boolean closeBranch) {
        super(Objects.requireNonNull(source, "source"));
        this.branch = Objects.requireNonNull(branch, "branch");
        this.closeBranch = closeBranch;
    }

    /** Reads one byte, as the source does, and copies it to the branch. */
    @Override
    public int read() throws IOException {
        // SOLUTION 4.6a
        int b = in.read();
        if (b != -1) {
            copy(new byte[] {(byte) b}, 0, 1);
        }
        return b;
        // END 4.6a
    }

    /**
     * Reads up to {@code len} bytes into {@code b} from {@code off}, as the source does, and copies
     * the bytes this read returned, {@code b[off]} to {@code b[off + n - 1]}, to the branch.
     *
     * @return the number of bytes read, or {@code -1} at the end of the stream
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // SOLUTION 4.6a
        int n = in.read(b, off, len);
        if (n > 0) {
            copy(b, off, n);
        }
        return n;
        // END 4.6a
    }

    /**
     * Skips up to {@code n} bytes by reading them, so the branch receives them like any other byte.
     * Blocks until {@code n} bytes have been skipped or the stream ends.
     *
     * @return the number of bytes skipped: {@code n}, fewer at the end of the stream, 0 if
     *     {@code n <= 0}
     */
    @Override
    public long skip(long n) throws IOException {
        // SOLUTION 4.6a
        // FilterInputStream would pass the skip to the source, and the branch would never see
        // those bytes: read them instead, through this stream's own read.
        byte[] buffer = new byte[Math.clamp(n, 0, SKIP_BUFFER_SIZE)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(n - skipped, buffer.length));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
        // END 4.6a
    }

    /** Always {@code false}: a copy already made cannot be taken back. */
    @Override
    public boolean markSupported() {
        return false;
    }

    /** Does nothing: see {@link #markSupported()}. */
    @Override
    public void mark(int readlimit) {
        // Not supported: a reset would copy the same bytes to the branch twice.
    }

    /** Always throws: see {@link #markSupported()}. */
    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset not supported: the bytes since the mark are already in the branch,"
                + " and a reset would copy them twice");
    }

    /**
     * The branch's first failure, after which nothing more was copied; empty while the branch
     * works.
     */
    public Optional<IOException> branchFailure() {
        return Optional.ofNullable(branchFailure);
    }

    /**
     * Closes the source, and the branch too if this tee was made with {@code closeBranch = true};
     * the branch is closed even when closing the source fails. The first failure is thrown, a
     * second one is added to it as suppressed.
     */
    @Override
    public void close() throws IOException {
        // SOLUTION 4.6h
        // try-with-resources closes in the reverse order of opening, each even if the other
        // fails, and keeps a second failure as suppressed; a null resource is skipped.
        try (OutputStream owned = closeBranch ? branch : null; InputStream source = in) {
            // Nothing to do but close: the source first, then the branch if it is ours.
        }
        // END 4.6h
    }

    /**
     * Copies {@code len} bytes of {@code b} from {@code off} to the branch, unless the branch has
     * failed before. Exercise 4.6a calls it with exactly the bytes a read returned; exercise 4.6e
     * decides what a failure of the branch does.
     */
    private void copy(byte[] b, int off, int len) {
        if (branchFailure != null) {
            return;
        }
        try {
            branch.write(b, off, len);
        } catch (IOException failure) {
            // SOLUTION 4.6e
            // The bytes are already out of the source and in the caller's buffer: throwing now
            // would lose them. Keep the failure for branchFailure() and copy nothing more, since a
            // copy with a hole in it would mislead whoever reads it.
            branchFailure = failure;
            // END 4.6e
        }
    }
}
