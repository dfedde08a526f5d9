package ch04.fixedbuffer;

import java.io.IOException;

/**
 * Receives the bytes of one read, as {@link FixedBufferReader#readUntilEof} hands them out.
 *
 * <p>The buffer is the reader's own and is overwritten by the next read: a sink that keeps the
 * bytes must copy {@code buffer[0 .. byteCount)} before it returns.
 */
@FunctionalInterface
public interface ChunkSink {

    /**
     * @param buffer    the reader's buffer; only its first {@code byteCount} bytes are this read's
     * @param byteCount how many bytes this read returned, from 1 to {@code buffer.length}
     * @throws IOException to stop the reading; the reader passes it on to its caller
     */
    void accept(byte[] buffer, int byteCount) throws IOException;
}
