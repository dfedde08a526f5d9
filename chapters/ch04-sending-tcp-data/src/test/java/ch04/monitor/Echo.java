package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import workbook.fixtures.LoopbackServer;

/** Runs {@link MonitoredEcho} behind a {@link LoopbackServer} for one connection, and talks to it. */
final class Echo {

    /** What one connection to the echo gave: the bytes echoed, and what {@code serve} returned (-1 if it threw). */
    record Round(byte[] echoed, long served) {
    }

    private Echo() {
    }

    /**
     * Serves one connection with {@code MonitoredEcho.serve(connection, inbound, outbound)}, sends it
     * {@code data} in writes of the sizes given (cycling), shuts down the client's output and reads
     * the echo to its end. Returns once the server is closed, so {@code serve} has returned.
     */
    static Round roundTrip(byte[] data, List<Integer> writeSizes, OutputStream inbound, OutputStream outbound)
            throws Exception {
        var served = new CompletableFuture<Long>();
        byte[] echoed;
        try (var server = LoopbackServer.start(connection -> served.complete(MonitoredEcho.serve(connection, inbound, outbound)));
             var client = server.connect()) {
            echoed = exchange(client, data, writeSizes);
        }
        // The server's close() waited for the handler, so serve has returned or thrown by now.
        return new Round(echoed, served.getNow(-1L));
    }

    /**
     * Writes {@code data} on a virtual thread (so a big echo can never block both sides), then shuts
     * down the output; reads everything that comes back until the end of the stream.
     */
    static byte[] exchange(Socket client, byte[] data, List<Integer> writeSizes) throws Exception {
        var send = new FutureTask<Void>(() -> {
            MonitorContract.writeInPieces(client.getOutputStream(), data, writeSizes);
            client.shutdownOutput();
            return null;
        });
        Thread.ofVirtual().name("echo-client-writer").start(send);
        byte[] echoed = client.getInputStream().readAllBytes();
        send.get(LoopbackServer.SOCKET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return echoed;
    }

    /** Reads exactly {@code n} bytes from {@code client}, failing if the stream ends first. */
    static byte[] readExactly(Socket client, int n) throws IOException {
        byte[] got = client.getInputStream().readNBytes(n);
        if (got.length < n) {
            throw new java.io.EOFException("expected " + n + " bytes of echo, the stream ended after " + got.length);
        }
        return got;
    }
}
