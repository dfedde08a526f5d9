package ch04.monitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** A stream over a few bytes that counts its closes and can be told to fail them. */
final class SpyInputStream extends ByteArrayInputStream {

    private int closes;
    private IOException closeFailure;

    SpyInputStream(byte[] data) {
        super(data);
    }

    /** From now on every close throws {@code failure} (after counting the close). */
    synchronized SpyInputStream failCloseWith(IOException failure) {
        closeFailure = failure;
        return this;
    }

    @Override
    public synchronized void close() throws IOException {
        closes++;
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    synchronized int closes() {
        return closes;
    }
}
