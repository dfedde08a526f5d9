package ch04.pitfalls;

import ch04.pitfalls.DrainingReader.ChunkHandler;
import java.io.IOException;
import java.net.Socket;
import workbook.NotStartedException;

/**
 * Listing 4-27 fixed: every connection is closed when its service ends, however it ends (the end of
 * the stream, a failed read, a handler that throws). Go's fix is {@code defer conn.Close()}; Java's
 * is try-with-resources. The server's side of each connection then leaves CLOSE_WAIT as soon as it
 * has read the end of the stream: its close sends the FIN the client's kernel is waiting for.
 */
public final class ClosingServer extends ReadingServer {

    private ClosingServer(ChunkHandler handler) throws IOException {
        super(handler);
    }

    /** Binds 127.0.0.1 on a port the system chooses and starts accepting. */
    public static ClosingServer start(ChunkHandler handler) throws IOException {
        return new ClosingServer(handler);
    }

    /**
     * Reads {@code connection} to its end through a buffer of {@link #BUFFER_SIZE} bytes, hands a
     * copy of each read's bytes to {@link #handler}, and closes the connection on every path: after
     * the end of the stream, after a failed read, and after the handler throws (which ends this
     * connection, not the server).
     */
    @Override
    protected void serve(Socket connection) {
        throw new NotStartedException("4.9d");
    }
}
