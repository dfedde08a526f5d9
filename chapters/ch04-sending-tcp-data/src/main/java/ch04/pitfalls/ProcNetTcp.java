package ch04.pitfalls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import workbook.NotStartedException;

/**
 * The kernel's list of TCP sockets, from {@code /proc/net/tcp} and {@code /proc/net/tcp6}: what
 * {@code ss -t} and {@code netstat -t} show, and how a test sees Listing 4-27's CLOSE_WAIT. Linux only.
 *
 * <p>Each file is a header line, then one line per socket:
 * <pre>
 *    sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode …
 *     2: 0100007F:8E67 0100007F:953C 08 00000000:00000001 00:00000000 00000000     0        0 35685 …
 *        └ address:port (hex)        └ state (hex): 08 is CLOSE_WAIT
 * </pre>
 * In {@code tcp6} the address takes 32 hex digits instead of 8; the port is the same 4 hex digits
 * after the last colon. Java's sockets on Linux are IPv6 sockets that also speak IPv4, so a socket
 * on 127.0.0.1 is listed in {@code tcp6}, as {@code ::ffff:127.0.0.1}
 * ({@code 0000000000000000FFFF00000100007F}), unless the JVM runs with
 * {@code -Djava.net.preferIPv4Stack=true}: read both files.
 */
public final class ProcNetTcp {

    /** The IPv4 table. */
    public static final Path TCP = Path.of("/proc/net/tcp");

    /** The IPv6 table, where Java's dual-stack sockets are listed; absent when the kernel has no IPv6. */
    public static final Path TCP6 = Path.of("/proc/net/tcp6");

    /** One socket: its local and remote ports and its state. */
    public record Entry(int localPort, int remotePort, TcpState state) {
    }

    private ProcNetTcp() {
    }

    /**
     * The sockets listed in the lines of one table. The header (the line that starts with
     * {@code sl}) and blank lines are skipped; fields are separated by any run of spaces.
     *
     * @throws IllegalArgumentException for a line that is not a socket's line (too few fields, a
     *                                  port or state that is not hex, an unknown state), naming its
     *                                  number (from 1) and quoting it
     */
    public static List<Entry> parse(List<String> lines) {
        throw new NotStartedException("4.9c");
    }

    // Your helpers, if you want some, go here.

    /**
     * Every TCP socket of this machine: {@link #TCP} and {@link #TCP6} (skipped when absent).
     *
     * @throws IOException if a table cannot be read (not Linux)
     */
    public static List<Entry> read() throws IOException {
        throw new NotStartedException("4.9c");
    }

    /**
     * How many of {@code entries} are on local port {@code port} and in {@code state}: for a server
     * on {@code port}, its own side of each connection (a client's side has the port as its remote one).
     */
    public static long count(List<Entry> entries, int port, TcpState state) {
        throw new NotStartedException("4.9c");
    }
}
