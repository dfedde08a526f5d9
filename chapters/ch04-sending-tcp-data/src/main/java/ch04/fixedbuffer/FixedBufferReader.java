package ch04.fixedbuffer;

import java.io.IOException;
import java.io.InputStream;
import workbook.NotStartedException;

/**
 * Reads a stream to its end through one buffer of fixed size: Listing 4-1's client loop.
 *
 * <p>The point of the exercise: a read returns <em>up to</em> the buffer's size. It blocks until at
 * least one byte has arrived, then returns what is there; it never waits for the buffer to fill.
 * Over a socket, a 16 MiB payload read through a 512 KiB buffer takes many reads of many sizes,
 * and how the stream is cut is up to the network, not the sender.
 */
public final class FixedBufferReader {

    private FixedBufferReader() {
    }

    /**
     * Reads {@code in} until end of stream, reusing one buffer of {@code bufferSize} bytes, and
     * hands each read's bytes to {@code sink} in order.
     *
     * <p>Blocks until the stream ends ({@code read} returns {@code -1}); over a socket that is when
     * the peer closes or shuts down its output. Each call to {@code sink} gets between 1 and
     * {@code bufferSize} bytes, exactly what one read returned; the sink is never called with 0
     * bytes and is not called at end of stream.
     *
     * <p>Does not close {@code in}. If {@code in} or {@code sink} throws, the exception is passed
     * on; the bytes handed to {@code sink} before it stay handed, and how far {@code in} has been
     * read is unknown.
     *
     * @param in         the stream to read; not closed
     * @param bufferSize the buffer's size in bytes, at least 1
     * @param sink       receives each read's bytes; must copy them to keep them
     * @return the number of bytes read, 0 for an empty stream
     * @throws IllegalArgumentException if {@code bufferSize < 1}
     * @throws NullPointerException     if {@code in} or {@code sink} is null
     */
    public static long readUntilEof(InputStream in, int bufferSize, ChunkSink sink) throws IOException {
        throw new NotStartedException("4.1a");
    }
}
