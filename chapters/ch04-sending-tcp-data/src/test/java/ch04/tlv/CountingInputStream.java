package ch04.tlv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes it hands out and refuses every way of taking one twice (mark, reset) or of
 * passing over one unread (skip), so a count after a decode is the bytes that decode consumed.
 */
final class CountingInputStream extends FilterInputStream {

    private long delivered;

    CountingInputStream(InputStream in) {
        super(in);
    }

    long delivered() {
        return delivered;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            delivered++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            delivered += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("skip: a decoder must read every byte of a frame");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: markSupported() says so
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported: a decoder must read each byte once");
    }
}
