package ch04.tcpoptions;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.fixtures.LinuxTcp;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.8a: {@link BufferLimits}, what the kernel does to a requested buffer size. */
@Tag("4.8")
class BufferLimitsTest {

    private static final String LINUX = "the caps live in /proc/sys and the floors and doubling are Linux's: a Linux lesson";

    /** Limits as measured on the machines this workbook was written on. */
    private static final BufferLimits MEASURED = new BufferLimits(1152, 4194304, 2304, 4194304);

    @TempDir
    Path dir;

    @Test
    @Tag("4.8a")
    void should_read_the_integer_a_file_holds_without_the_white_space_around_it() throws IOException {
        // GIVEN files written the way /proc/sys writes its values, and with extra space
        Path plain = Files.writeString(dir.resolve("rmem_max"), "4194304\n", StandardCharsets.US_ASCII);
        Path spaced = Files.writeString(dir.resolve("spaced"), "  212992  \n", StandardCharsets.US_ASCII);
        Path bare = Files.writeString(dir.resolve("bare"), "7", StandardCharsets.US_ASCII);
        // WHEN read THEN each gives its number
        assertThat(BufferLimits.readProcSys(plain)).as("readProcSys of a file holding \"4194304\\n\"").isEqualTo(4194304);
        assertThat(BufferLimits.readProcSys(spaced)).as("readProcSys of a file holding \"  212992  \\n\"").isEqualTo(212992);
        assertThat(BufferLimits.readProcSys(bare)).as("readProcSys of a file holding \"7\" and no newline").isEqualTo(7);
    }

    @Test
    @Tag("4.8a")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_read_the_whole_cap_from_proc_sys_as_the_kernel_applies_it() throws IOException {
        // GIVEN the kernel's own clamp as the witness: ask a socket for the most, read what it gave
        int receiveCap;
        int sendCap;
        try (var probe = new Socket()) {
            probe.setReceiveBufferSize(Integer.MAX_VALUE);
            probe.setSendBufferSize(Integer.MAX_VALUE);
            receiveCap = probe.getReceiveBufferSize();
            sendCap = probe.getSendBufferSize();
        }
        // WHEN the caps are read from /proc/sys
        int rmem = BufferLimits.readProcSys(BufferLimits.RMEM_MAX);
        int wmem = BufferLimits.readProcSys(BufferLimits.WMEM_MAX);
        // THEN they are the values the kernel applies, every digit of them
        assertThat(rmem).as("readProcSys(%s): a socket that asks for the most gets %d. A value cut to its first"
                + " digits means the file was read as if it were a stored file: /proc/sys reports a size of 0 and"
                + " answers only a read from offset 0, so Files.readString and Files.readAllBytes see one byte;"
                + " read it through a buffer", BufferLimits.RMEM_MAX, receiveCap).isEqualTo(receiveCap);
        assertThat(wmem).as("readProcSys(%s): a socket that asks for the most gets %d", BufferLimits.WMEM_MAX, sendCap)
                .isEqualTo(sendCap);
    }

    @Test
    @Tag("4.8a")
    void should_say_which_file_and_what_it_holds_when_it_is_not_an_integer() throws IOException {
        for (String content : new String[] {"abc\n", "", "\n", "4194304 kB\n", "99999999999\n"}) {
            Path file = Files.writeString(dir.resolve("bad"), content, StandardCharsets.US_ASCII);
            Throwable thrown = Thrown.by(() -> BufferLimits.readProcSys(file));
            assertThat(thrown).as("readProcSys of a file holding \"%s\": expected an IOException, got %s",
                    content.strip(), thrown).isInstanceOf(IOException.class);
            assertThat(thrown.getMessage()).as("the message for a file holding \"%s\" names the file and quotes"
                    + " what it holds", content.strip()).contains(file.toString()).contains("\"" + content.strip() + "\"");
        }
    }

    @Test
    @Tag("4.8a")
    void should_fail_with_an_io_error_for_a_missing_file() {
        Path missing = dir.resolve("no-such-file");
        Throwable thrown = Thrown.by(() -> BufferLimits.readProcSys(missing));
        assertThat(thrown).as("readProcSys of a missing file (a machine without /proc): an IOException, got %s", thrown)
                .isInstanceOf(IOException.class);
        assertThat(thrown.getMessage()).as("the message for a missing file names it").contains(missing.toString());
    }

    @Test
    @Tag("4.8a")
    void should_predict_the_clamp_not_the_doubling() {
        // GIVEN the limits measured here WHEN each size is asked for THEN Java reads the clamped request
        int[][] receive = {{1, 1152}, {1000, 1152}, {1151, 1152}, {1152, 1152}, {1153, 1153}, {65536, 65536},
            {4194303, 4194303}, {4194304, 4194304}, {4194305, 4194304}, {Integer.MAX_VALUE, 4194304}};
        for (int[] c : receive) {
            assertThat(MEASURED.receiveReadBack(c[0])).as("receiveReadBack(%d) with floor 1152 and cap 4194304: the"
                    + " kernel holds twice the clamped size, but the JDK halves what it reports", c[0]).isEqualTo(c[1]);
        }
        int[][] send = {{1, 2304}, {2303, 2304}, {2304, 2304}, {2305, 2305}, {4194305, 4194304}};
        for (int[] c : send) {
            assertThat(MEASURED.sendReadBack(c[0])).as("sendReadBack(%d) with floor 2304 and cap 4194304", c[0])
                    .isEqualTo(c[1]);
        }
        var other = new BufferLimits(4608, 212992, 100, 1000);
        assertThat(other.receiveReadBack(300000)).as("receiveReadBack(300000) with cap 212992: the record's own cap,"
                + " not a number of this machine").isEqualTo(212992);
        assertThat(other.sendReadBack(10)).as("sendReadBack(10) with send floor 100").isEqualTo(100);
        assertThat(other.sendReadBack(5000)).as("sendReadBack(5000) with send cap 1000").isEqualTo(1000);
    }

    @Test
    @Tag("4.8a")
    void should_refuse_a_request_below_one_byte() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            Throwable receive = Thrown.by(() -> MEASURED.receiveReadBack(bad));
            Throwable send = Thrown.by(() -> MEASURED.sendReadBack(bad));
            assertThat(receive).as("receiveReadBack(%d): the JDK refuses such a size, so a prediction must too", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(receive.getMessage()).as("the message of receiveReadBack(%d) gives the size", bad)
                    .contains(Integer.toString(bad));
            assertThat(send).as("sendReadBack(%d)", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Tag("4.8a")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_measure_this_machines_limits() throws IOException {
        BufferLimits limits = BufferLimits.ofThisMachine();
        assertThat(limits).as("BufferLimits.ofThisMachine(): floors measured on a socket, caps from /proc/sys")
                .isEqualTo(new BufferLimits(LinuxTcp.receiveFloor(), LinuxTcp.receiveCap(), LinuxTcp.sendFloor(),
                        LinuxTcp.sendCap()));
    }

    @Test
    @Tag("4.8a")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_predict_what_a_real_socket_reads_back_for_any_size() throws IOException {
        BufferLimits limits = BufferLimits.ofThisMachine();
        int cap = Math.max(limits.receiveCap(), limits.sendCap());
        Gen<Integer> sizes = Gen.oneOf(Gen.integers(1, 8192), Gen.integers(1, 2 * cap), Gen.integers(cap - 16, cap + 16));
        forAll(sizes).labels("requested").tries(40).check(requested -> {
            // GIVEN a fresh socket WHEN it is asked for the size
            try (var socket = new Socket()) {
                socket.setReceiveBufferSize(requested);
                socket.setSendBufferSize(requested);
                // THEN it reads back what was predicted, and that lies between floor and cap
                assertThat(limits.receiveReadBack(requested)).as("receiveReadBack(%d) against a real socket's"
                        + " getReceiveBufferSize()", requested).isEqualTo(socket.getReceiveBufferSize())
                        .isBetween(limits.receiveFloor(), limits.receiveCap());
                assertThat(limits.sendReadBack(requested)).as("sendReadBack(%d) against a real socket's"
                        + " getSendBufferSize()", requested).isEqualTo(socket.getSendBufferSize())
                        .isBetween(limits.sendFloor(), limits.sendCap());
            }
        });
    }
}
