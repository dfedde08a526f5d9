package ch04.pitfalls;

import ch04.pitfalls.DrainingReader.ChunkHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * Listing 4-27 as printed: each connection is read to its end, and then its goroutine returns
 * without closing it. After the client closes, the server's side of the connection has read the end
 * of the stream and its kernel waits for the program to close too: the socket sits in CLOSE_WAIT,
 * with its file descriptor and buffers, until the process ends. One per client, for ever.
 *
 * <p>Do not copy: this is the bug that {@link ClosingServer} fixes. {@link #close()} still closes
 * what the connections left open, so that a test leaves nothing behind.
 */
public final class LeakyServer extends ReadingServer {

    private LeakyServer(ChunkHandler handler) throws IOException {
        super(handler);
    }

    /** Binds 127.0.0.1 on a port the system chooses and starts accepting. */
    public static LeakyServer start(ChunkHandler handler) throws IOException {
        return new LeakyServer(handler);
    }

    @Override
    protected void serve(Socket connection) {
        // The listing's bug, kept: nothing here closes the connection, on any path.
        try {
            InputStream in = connection.getInputStream();
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = in.read(buffer)) != -1; ) {
                handler.handle(Arrays.copyOf(buffer, n));
            }
        } catch (Exception e) {
            // The listing returns on any error, and so does this.
        }
    }
}
