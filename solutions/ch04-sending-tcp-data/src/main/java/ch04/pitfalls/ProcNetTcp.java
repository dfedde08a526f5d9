package ch04.pitfalls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
// SOLUTION 4.9c
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
// SKELETON
// import workbook.NotStartedException;
// END 4.9c

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
        // SOLUTION 4.9c
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("sl")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            try {
                if (fields.length < 4) {
                    throw new IllegalArgumentException(fields.length + " fields, expected at least 4");
                }
                entries.add(new Entry(port(fields[1]), port(fields[2]), TcpState.ofCode(Integer.parseInt(fields[3], 16))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a socket's line (" + e.getMessage()
                        + "): \"" + lines.get(i) + "\"", e);
            }
        }
        return entries;
        // END 4.9c
    }

    // SOLUTION 4.9c
    private static int port(String addressAndPort) {
        int colon = addressAndPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no port in \"" + addressAndPort + "\"");
        }
        int port = Integer.parseInt(addressAndPort.substring(colon + 1), 16);
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is not 0 to 65535");
        }
        return port;
    }
    // SKELETON
    // // Your helpers, if you want some, go here.
    // END 4.9c

    /**
     * Every TCP socket of this machine: {@link #TCP} and {@link #TCP6} (skipped when absent).
     *
     * @throws IOException if a table cannot be read (not Linux)
     */
    public static List<Entry> read() throws IOException {
        // SOLUTION 4.9c
        List<Entry> all = new ArrayList<>(parse(Files.readAllLines(TCP, StandardCharsets.US_ASCII)));
        try {
            all.addAll(parse(Files.readAllLines(TCP6, StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException noIpv6) {
            // A kernel built without IPv6 has no tcp6 table: every socket is in the IPv4 one.
        }
        return all;
        // END 4.9c
    }

    /**
     * How many of {@code entries} are on local port {@code port} and in {@code state}: for a server
     * on {@code port}, its own side of each connection (a client's side has the port as its remote one).
     */
    public static long count(List<Entry> entries, int port, TcpState state) {
        // SOLUTION 4.9c
        return entries.stream().filter(e -> e.localPort() == port && e.state() == state).count();
        // END 4.9c
    }
}
