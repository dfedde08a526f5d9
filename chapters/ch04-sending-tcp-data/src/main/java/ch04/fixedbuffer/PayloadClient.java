package ch04.fixedbuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.IntConsumer;
import workbook.NotStartedException;

/**
 * Listing 4-1's client: it connects, reads the whole payload through a fixed buffer and logs each
 * read's size.
 */
public final class PayloadClient {

    /** The chapter's buffer size: 512 KiB. */
    public static final int BUFFER_SIZE = 512 * 1024;

    private PayloadClient() {
    }

    /**
     * Connects to {@code server}, reads until the server closes the connection and returns every
     * byte received.
     *
     * <p>Reads through one buffer of {@code bufferSize} bytes (use {@link FixedBufferReader}) and
     * calls {@code onRead} with the size of each read, in order, as it happens. Blocks until end of
     * stream. {@code timeout} bounds the connect and each single read: a peer that goes silent for
     * longer makes this throw {@link java.net.SocketTimeoutException}. The socket is closed before
     * this returns or throws.
     *
     * @param server     where to connect
     * @param bufferSize the read buffer's size, at least 1 (the chapter uses {@link #BUFFER_SIZE})
     * @param timeout    the connect timeout and the timeout of each read, positive
     * @param onRead     told each read's byte count, from 1 to {@code bufferSize}
     * @return the bytes received, in order
     * @throws java.net.SocketTimeoutException if connecting or one read takes longer than {@code timeout}
     * @throws IOException                     if connecting or reading fails
     */
    public static byte[] download(InetSocketAddress server, int bufferSize, Duration timeout, IntConsumer onRead)
            throws IOException {
        throw new NotStartedException("4.1c");
    }
}
