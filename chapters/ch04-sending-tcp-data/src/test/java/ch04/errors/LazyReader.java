package ch04.errors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import workbook.fixtures.LoopbackServer;

/**
 * A peer on loopback that accepts one connection and reads nothing until {@link #release()}, then
 * reads to the end of the stream: a peer that stops reading, so the writer's buffers fill and a
 * blocking write would wait forever.
 */
final class LazyReader implements AutoCloseable {

    /** The send buffer of the client channels made here: small, so a write stalls after a few hundred KiB. */
    static final int SEND_BUFFER = 64 * 1024;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<byte[]> received = new CompletableFuture<>();
    private final LoopbackServer server;

    LazyReader() throws IOException {
        server = LoopbackServer.start(connection -> {
            release.await(LoopbackServer.SOCKET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var bytes = new ByteArrayOutputStream();
            try {
                connection.getInputStream().transferTo(bytes);
                received.complete(bytes.toByteArray());
            } catch (IOException e) {
                received.completeExceptionally(e);
                throw e;
            }
        });
    }

    /** A connected client channel, in blocking mode, with a send buffer of {@value #SEND_BUFFER} bytes. */
    SocketChannel connect() throws IOException {
        var channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
            channel.socket().connect(server.address(), (int) LoopbackServer.SOCKET_TIMEOUT.toMillis());
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Lets the peer start reading. */
    void release() {
        release.countDown();
    }

    /** Everything the peer read, once the client has closed its side; waits at most {@code limit}. */
    byte[] received(Duration limit) throws Exception {
        release();
        return received.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        release();
        server.close();
    }
}
