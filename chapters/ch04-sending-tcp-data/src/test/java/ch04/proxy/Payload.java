package ch04.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.SplittableRandom;
import workbook.fixtures.StreamGens;
import workbook.property.Gen;

/**
 * Random bytes to send, described by their size, the seed that makes them and the sizes of the
 * writes that send them (cycled), so that a report shows three small numbers instead of a
 * megabyte.
 */
record Payload(int size, long seed, List<Integer> writeSizes) {

    /**
     * The most writes one payload is sent in: a write is at least {@code size / MAX_WRITES} bytes,
     * so a megabyte is never sent one byte per system call (a million calls, seconds of a test's
     * time) while small payloads still go out a byte at a time.
     */
    static final int MAX_WRITES = 1024;

    /** Payloads of {@code 0..maxSize} bytes, written in cycles of 1 to 8 writes of 1 to 64 KiB. */
    static Gen<Payload> upTo(int maxSize) {
        return Gen.combine(Gen.integers(0, maxSize), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE),
                StreamGens.readSizes(64 * 1024), Payload::new);
    }

    byte[] bytes() {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Writes {@code bytes} to {@code out} in writes of {@link #writeSizes}, cycled, each at least
     * {@code bytes.length / MAX_WRITES}.
     */
    void writeTo(OutputStream out, byte[] bytes) throws IOException {
        int floor = bytes.length / MAX_WRITES;
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = Math.min(Math.max(floor, writeSizes.get(i % writeSizes.size())), bytes.length - at);
            out.write(bytes, at, n);
            at += n;
        }
    }
}
