package ch04.tcpoptions;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
// SOLUTION 4.8a
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
// SKELETON
// import workbook.NotStartedException;
// END 4.8a

/**
 * What the kernel does to a requested socket buffer size, on Linux: it raises the request to a
 * floor, cuts it to a cap, and reserves twice the result, half of it for its own bookkeeping. The
 * JDK halves what the kernel reports, so {@code getReceiveBufferSize()} shows the request as
 * clamped, while a Go program (or {@code ss -m}) sees twice as much. Neither number is one to
 * hard-code: the caps are settings of the machine, the floors depend on the kernel's build.
 *
 * <pre>
 *   asked        1      65536   4194304   16777216      (rmem_max = 4194304 here)
 *   Java reads   1152   65536   4194304    4194304      getReceiveBufferSize()
 *   kernel holds 2304  131072   8388608    8388608      what SO_RCVBUF returns to C and Go
 * </pre>
 *
 * @param receiveFloor the least {@code getReceiveBufferSize()} reads, whatever was asked
 * @param receiveCap   the most it reads: {@code /proc/sys/net/core/rmem_max}
 * @param sendFloor    the least {@code getSendBufferSize()} reads
 * @param sendCap      the most it reads: {@code /proc/sys/net/core/wmem_max}
 */
public record BufferLimits(int receiveFloor, int receiveCap, int sendFloor, int sendCap) {

    /** The cap on a receive buffer a program may ask for, in bytes. */
    public static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");

    /** The cap on a send buffer a program may ask for, in bytes. */
    public static final Path WMEM_MAX = Path.of("/proc/sys/net/core/wmem_max");

    /**
     * This machine's limits: the caps read from {@link #RMEM_MAX} and {@link #WMEM_MAX}, the floors
     * measured by asking a fresh, unconnected socket for one byte. Linux only.
     *
     * @throws IOException if the {@code /proc/sys} files cannot be read (not Linux)
     */
    public static BufferLimits ofThisMachine() throws IOException {
        try (var probe = new Socket()) {
            probe.setReceiveBufferSize(1);
            probe.setSendBufferSize(1);
            return new BufferLimits(probe.getReceiveBufferSize(), readProcSys(RMEM_MAX),
                    probe.getSendBufferSize(), readProcSys(WMEM_MAX));
        }
    }

    /**
     * The integer a {@code /proc/sys} file holds, such as {@code 4194304} in {@code rmem_max}.
     *
     * <p>Such a file is not a stored file: it reports a size of 0, and the kernel writes its value
     * only for a read that starts at offset 0. Read it the way a person would with {@code cat}:
     * from the start, into a buffer large enough for the whole value.
     *
     * @param file a {@code /proc/sys} file (or any text file) whose first line is a decimal integer;
     *             white space around it is ignored
     * @throws IOException if the file cannot be read, or its first line is not an {@code int}
     *                     (the message quotes the file and what it holds)
     */
    public static int readProcSys(Path file) throws IOException {
        // SOLUTION 4.8a
        String line;
        // A BufferedReader asks for 8 KiB at offset 0, so the kernel hands over the whole value.
        // Files.readString and readAllBytes trust the reported size of 0, read one byte, then read
        // again at offset 1, which the kernel answers with the end of the file: "4194304" reads "4".
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            line = reader.readLine();
        }
        String text = line == null ? "" : line.strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " holds \"" + text + "\", not an integer", e);
        }
        // END 4.8a
    }

    /**
     * What {@code getReceiveBufferSize()} reads after {@code setReceiveBufferSize(requested)} on a
     * socket of this machine: the request, raised to {@link #receiveFloor()} and cut to
     * {@link #receiveCap()}.
     *
     * @param requested a size a program may ask for: at least 1 (the JDK refuses 0)
     * @throws IllegalArgumentException if {@code requested} is below 1
     */
    public int receiveReadBack(int requested) {
        // SOLUTION 4.8a
        return readBack(requested, receiveFloor, receiveCap);
        // END 4.8a
    }

    /** The same as {@link #receiveReadBack(int)}, for the send buffer and its own floor and cap. */
    public int sendReadBack(int requested) {
        // SOLUTION 4.8a
        return readBack(requested, sendFloor, sendCap);
        // END 4.8a
    }

    // SOLUTION 4.8a
    private static int readBack(int requested, int floor, int cap) {
        if (requested < 1) {
            throw new IllegalArgumentException("a buffer of " + requested + " bytes: ask for at least 1");
        }
        // The kernel doubles the clamped value and the JDK halves it again: Java reads the clamp.
        return Math.max(floor, Math.min(requested, cap));
    }
    // SKELETON
    // // Your helpers, if you want some, go here.
    // END 4.8a
}
