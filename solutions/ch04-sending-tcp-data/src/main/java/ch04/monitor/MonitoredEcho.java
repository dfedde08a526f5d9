package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
// SOLUTION 4.6d
// SKELETON
// import workbook.NotStartedException;
// END 4.6d

/**
 * Listing 4-20's server side: an echo whose traffic passes a monitor in both directions. It reads
 * the connection through a {@link TeeInputStream} whose branch is {@code inbound}, and writes
 * through a {@link MultiOutputStream} to the connection and {@code outbound}:
 *
 * <pre>
 *   peer ──► socket input ──► TeeInputStream ──► buffer ──► MultiOutputStream ──► socket output ──► peer
 *                                  │                               │
 *                                  ▼                               ▼
 *                               inbound                        outbound
 * </pre>
 *
 * <p>With one {@link Monitor} as both, a peer that sends {@code "Test\n"} gets {@code "Test\n"}
 * back, and the log reads {@code monitor: Test} twice, as in the chapter.
 */
public final class MonitoredEcho {

    /** The echo's buffer, the size of Listing 4-20's. */
    public static final int BUFFER_SIZE = 1024;

    private MonitoredEcho() {
    }

    /**
     * Echoes everything the peer sends until it ends its stream (closes or shuts down its output),
     * passing every byte received to {@code inbound} and every byte sent to {@code outbound}.
     *
     * <p>Reads in a loop through one buffer of {@link #BUFFER_SIZE} bytes (a message may arrive in
     * several reads) and writes back what each read returned. At the end of the peer's stream it
     * flushes {@code inbound}, then the connection and {@code outbound}, so a last line without a
     * newline reaches a monitor's log. Closes nothing: the connection and the monitors belong to
     * the caller, and closing the socket's streams would close the socket.
     *
     * @param connection the connection to serve; left open
     * @param inbound    receives a copy of every byte read from the peer, such as a {@link Monitor}
     *                   or its {@link Monitor#in()} view; left open
     * @param outbound   receives a copy of every byte written to the peer (it may be
     *                   {@code inbound}); left open
     * @return the number of bytes echoed
     * @throws IOException if reading from or writing to the connection fails
     */
    public static long serve(Socket connection, OutputStream inbound, OutputStream outbound) throws IOException {
        // SOLUTION 4.6d
        var in = new TeeInputStream(connection.getInputStream(), inbound);
        var out = new MultiOutputStream(connection.getOutputStream(), outbound);
        byte[] buffer = new byte[BUFFER_SIZE];
        long echoed = 0;
        // Go's example makes one Read; a message cut in two by the network would be half echoed.
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
            echoed += n;
        }
        inbound.flush();
        out.flush();
        return echoed;
        // END 4.6d
    }
}
