package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An output stream that remembers what was done to it: the bytes, the size of each write call,
 * the flushes and the closes. With a shared journal, several spies record the order in which they
 * were called ({@code "a write 3"}, {@code "b flush"}). It can be told to fail its flush or its
 * close. Thread-safe.
 */
final class SpyOutputStream extends OutputStream {

    private final String name;
    private final List<String> journal;
    private byte[] bytes = new byte[64];
    private int size;
    private final List<Integer> writeSizes = new ArrayList<>();
    private int singleByteWrites;
    private int flushes;
    private int closes;
    private IOException flushFailure;
    private IOException closeFailure;

    SpyOutputStream() {
        this("spy", new ArrayList<>());
    }

    SpyOutputStream(String name, List<String> journal) {
        this.name = name;
        this.journal = journal;
    }

    /** From now on every flush throws {@code failure}. */
    synchronized SpyOutputStream failFlushWith(IOException failure) {
        flushFailure = failure;
        return this;
    }

    /** From now on every close throws {@code failure} (after counting the close). */
    synchronized SpyOutputStream failCloseWith(IOException failure) {
        closeFailure = failure;
        return this;
    }

    @Override
    public synchronized void write(int b) {
        singleByteWrites++;
        writeSizes.add(1);
        append(new byte[] {(byte) b}, 0, 1);
        note("write 1");
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        writeSizes.add(len);
        append(b, off, len);
        note("write " + len);
    }

    @Override
    public synchronized void flush() throws IOException {
        flushes++;
        note("flush");
        if (flushFailure != null) {
            throw flushFailure;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closes++;
        note("close");
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    private void append(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (size + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    private void note(String what) {
        synchronized (journal) {
            journal.add(name + " " + what);
        }
    }

    synchronized byte[] bytes() {
        return Arrays.copyOf(bytes, size);
    }

    /** How many bytes it has received. */
    synchronized int size() {
        return size;
    }

    /** The bytes received from index {@code from} on. */
    synchronized byte[] bytesFrom(int from) {
        return Arrays.copyOfRange(bytes, from, size);
    }

    synchronized String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    /** The byte count of each write call, in order (a {@code write(int)} counts as 1). */
    synchronized List<Integer> writeSizes() {
        return List.copyOf(writeSizes);
    }

    synchronized int singleByteWrites() {
        return singleByteWrites;
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized int closes() {
        return closes;
    }

    @Override
    public String toString() {
        return "SpyOutputStream[" + name + "]";
    }
}
