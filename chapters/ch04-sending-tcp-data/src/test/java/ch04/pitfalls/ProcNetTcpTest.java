package ch04.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import ch04.pitfalls.ProcNetTcp.Entry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.fixtures.LinuxTcp;
import workbook.fixtures.Poll;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.9c: {@link ProcNetTcp}, the kernel's list of sockets, and the CLOSE_WAIT of Listing 4-27 in it. */
@Tag("4.9")
class ProcNetTcpTest {

    private static final String LINUX = "/proc/net/tcp and /proc/net/tcp6 exist only on Linux";
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A listener, its accepted socket in CLOSE_WAIT and the client in FIN_WAIT2, as Linux 6.18 listed them. */
    private static final List<String> TCP6 = List.of(
            "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0000000000000000FFFF00000100007F:B52B 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 35647 1 00000000c8942f32 100 0 0 10 0",
            "   8: 0000000000000000FFFF00000100007F:B11A 0000000000000000FFFF00000100007F:B52B 05 00000000:00000000 03:00001765 00000000     0        0 0 3 00000000df71d10a",
            "   9: 0000000000000000FFFF00000100007F:B52B 0000000000000000FFFF00000100007F:B11A 08 00000000:00000001 00:00000000 00000000     0        0 35649 1 0000000095175397 20 4 0 10 -1");

    /** The same three with -Djava.net.preferIPv4Stack=true, in the IPv4 table (note the trailing spaces). */
    private static final List<String> TCP = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     ",
            "   0: 0100007F:8E67 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 35683 1 000000009d647ade 100 0 0 10 0                     ",
            "   2: 0100007F:8E67 0100007F:953C 08 00000000:00000001 00:00000000 00000000     0        0 35685 1 00000000cedfcc9e 20 4 0 10 -1                     ",
            "   3: 0100007F:953C 0100007F:8E67 05 00000000:00000000 03:00001766 00000000     0        0 0 3 0000000030425beb                                      ");

    @Test
    @Tag("4.9c")
    void should_read_the_ports_and_state_of_each_line_of_both_tables() {
        assertThat(ProcNetTcp.parse(TCP6)).as("the IPv6 table's three sockets; the header is no socket").containsExactly(
                new Entry(0xB52B, 0, TcpState.LISTEN),
                new Entry(0xB11A, 0xB52B, TcpState.FIN_WAIT2),
                new Entry(0xB52B, 0xB11A, TcpState.CLOSE_WAIT));
        assertThat(ProcNetTcp.parse(TCP)).as("the IPv4 table's three sockets, with trailing spaces").containsExactly(
                new Entry(0x8E67, 0, TcpState.LISTEN),
                new Entry(0x8E67, 0x953C, TcpState.CLOSE_WAIT),
                new Entry(0x953C, 0x8E67, TcpState.FIN_WAIT2));
        assertThat(ProcNetTcp.parse(List.of())).as("an empty table").isEmpty();
        assertThat(ProcNetTcp.parse(List.of("0: 0100007F:FFFF 0100007F:0000 0A"))).as("a line of just the four fields"
                + " that matter, with the highest port").containsExactly(new Entry(0xFFFF, 0, TcpState.LISTEN));
        assertThat(ProcNetTcp.parse(List.of(TCP.get(0), "", "   "))).as("a header and blank lines").isEmpty();
    }

    @Test
    @Tag("4.9c")
    void should_know_every_state_by_its_number() {
        for (TcpState state : TcpState.values()) {
            String line = String.format("   1: 0100007F:0050 0100007F:C000 %02X 00000000:00000000 00:00000000 00000000 0 0 1",
                    state.code());
            assertThat(ProcNetTcp.parse(List.of(line))).as("a line whose st column is %02X", state.code())
                    .containsExactly(new Entry(80, 0xC000, state));
        }
    }

    @Test
    @Tag("4.9c")
    void should_refuse_a_line_that_is_not_a_sockets_line_and_say_which() {
        String header = TCP.get(0);
        for (String bad : new String[] {
            "garbage",
            "   1: 0100007F:8E67",
            "   1: 0100007F 0100007F:953C 08",
            "   1: 0100007F:ZZZZ 0100007F:953C 08",
            "   1: 0100007F:8E67 0100007F:953C 0G",
            "   1: 0100007F:8E67 0100007F:953C 0D",
            "   1: 0100007F:1FFFF 0100007F:953C 08",
            "   1: 0100007F:8E67 0100007F:-1 08"}) {
            Throwable thrown = Thrown.by(() -> ProcNetTcp.parse(List.of(header, bad)));
            assertThat(thrown).as("parse of \"%s\": expected an IllegalArgumentException, got %s", bad, thrown)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).as("the message for \"%s\", the file's line 2, names the line and quotes it", bad)
                    .contains("line 2").contains(bad);
        }
    }

    @Test
    @Tag("4.9c")
    void should_count_a_ports_own_side_in_a_state() {
        List<Entry> entries = ProcNetTcp.parse(TCP6);
        assertThat(ProcNetTcp.count(entries, 0xB52B, TcpState.CLOSE_WAIT)).as("the server's sockets in CLOSE_WAIT").isEqualTo(1);
        assertThat(ProcNetTcp.count(entries, 0xB52B, TcpState.LISTEN)).as("the server's listeners").isEqualTo(1);
        assertThat(ProcNetTcp.count(entries, 0xB52B, TcpState.FIN_WAIT2)).as("sockets of the server's port in FIN_WAIT2:"
                + " the client's side has the port as its remote port, not its own").isZero();
        assertThat(ProcNetTcp.count(entries, 0xB11A, TcpState.FIN_WAIT2)).as("the client's own side").isEqualTo(1);
        assertThat(ProcNetTcp.count(List.of(), 0xB52B, TcpState.CLOSE_WAIT)).as("a count in no entries").isZero();
    }

    /** One socket, and how the kernel would print it. */
    record Line(int localPort, int remotePort, TcpState state, boolean ipv6, int slot) {
        String text() {
            String address = ipv6 ? "0000000000000000FFFF00000100007F" : "0100007F";
            return String.format("%4d: %s:%04X %s:%04X %02X 00000000:00000000 00:00000000 00000000  1000        0 %d 1",
                    slot, address, localPort, address, remotePort, state.code(), 30000 + slot);
        }
    }

    @Test
    @Tag("4.9c")
    void should_read_back_any_table_the_kernel_could_print() {
        Gen<Line> lines = Gen.combine(Gen.integers(0, 0xFFFF), Gen.integers(0, 0xFFFF), Gen.elements(TcpState.values()),
                Gen.booleans(), (local, remote, state, ipv6) -> new Line(local, remote, state, ipv6, local % 1000));
        forAll(Gen.lists(lines, 0, 20)).labels("sockets").tries(50).check(sockets -> {
            List<String> table = new ArrayList<>();
            table.add(TCP.get(0));
            sockets.forEach(line -> table.add(line.text()));
            assertThat(ProcNetTcp.parse(table)).as("parse of a table of %d sockets", sockets.size())
                    .isEqualTo(sockets.stream().map(l -> new Entry(l.localPort(), l.remotePort(), l.state())).toList());
        });
    }

    @Test
    @Tag("4.9c")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_find_a_listener_and_a_close_wait_of_this_process() throws Exception {
        // GIVEN a listener on 127.0.0.1, and a connection that the client closed and the server did not
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var client = new Socket()) {
            int port = listener.getLocalPort();
            client.connect(listener.getLocalSocketAddress(), (int) WAIT.toMillis());
            try (Socket accepted = listener.accept()) {
                client.close();
                // WHEN the kernel's tables are read THEN they list both, wherever Java put them
                long closeWait = Poll.until(WAIT, () -> ProcNetTcp.count(ProcNetTcp.read(), port, TcpState.CLOSE_WAIT), n -> n == 1);
                assertThat(ProcNetTcp.count(ProcNetTcp.read(), port, TcpState.LISTEN)).as("listeners on port %d in"
                        + " ProcNetTcp.read(); none found means a table was left out: Java's sockets on Linux are"
                        + " IPv6 sockets, listed in /proc/net/tcp6", port).isEqualTo(1);
                assertThat(closeWait).as("sockets of port %d in CLOSE_WAIT in ProcNetTcp.read(), after the client"
                        + " closed and the server did not", port).isEqualTo(1);
            }
        }
    }

    @Test
    @Tag("4.9c")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_see_listing_4_27s_server_leave_a_close_wait_per_client() throws Exception {
        // GIVEN the listing's server, which never closes a connection, and three clients
        var handled = new AtomicLong();
        try (var server = LeakyServer.start(chunk -> handled.addAndGet(chunk.length))) {
            int port = server.address().getPort();
            for (int i = 0; i < 3; i++) {
                // WHEN each sends a line and closes
                try (var client = new Socket()) {
                    client.connect(server.address(), (int) WAIT.toMillis());
                    OutputStream out = client.getOutputStream();
                    out.write("a line\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            // THEN the server's side of each waits in CLOSE_WAIT for a close that never comes
            long leaked = Poll.until(WAIT, () -> ProcNetTcp.count(ProcNetTcp.read(), port, TcpState.CLOSE_WAIT), n -> n == 3);
            assertThat(leaked).as("sockets of Listing 4-27's server (port %d) in CLOSE_WAIT after three clients closed",
                    port).isEqualTo(3);
            long read = Poll.until(WAIT, handled::get, n -> n == 21);
            assertThat(read).as("bytes the server read before the clients closed").isEqualTo(21);
            // Held here, so that the garbage collector cannot close them before the server does.
            List<Socket> leakedSockets = server.openConnections();
            assertThat(leakedSockets).as("connections Listing 4-27's server holds open").hasSize(3);
            // WHEN the process that owns them closes them (the server's close stands in for its exit)
            server.close();
            // THEN none is left: the test leaves no CLOSE_WAIT behind
            long left = Poll.until(WAIT, () -> LinuxTcp.count(port, LinuxTcp.CLOSE_WAIT), n -> n == 0);
            assertThat(left).as("sockets of port %d still in CLOSE_WAIT after LeakyServer.close()", port).isZero();
            assertThat(leakedSockets).as("the leaked connections after LeakyServer.close()").allMatch(Socket::isClosed);
            assertThat(server.openConnections()).as("connections held open after LeakyServer.close()").isEmpty();
        }
    }
}
