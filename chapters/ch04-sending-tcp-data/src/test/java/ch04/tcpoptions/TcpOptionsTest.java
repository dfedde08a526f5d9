package ch04.tcpoptions;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.fixtures.LinuxTcp;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** Exercise 4.8d: {@link TcpOptions}, every option set, and each before the call it affects. */
@Tag("4.8")
class TcpOptionsTest {

    private static final String LINUX = "the floors, caps and read-backs checked here are Linux's";
    private static final Duration TIMEOUT = LoopbackServer.SOCKET_TIMEOUT;
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    @Tag("4.8d")
    void should_touch_no_option_that_was_not_asked_for() throws IOException {
        // GIVEN options with nothing set, and then with one option each
        try (var socket = new RecordingSocket()) {
            // WHEN applied THEN each sets exactly its own option: the rest keep the system's defaults
            TcpOptions.none().applyTo(socket);
            assertThat(socket.options()).as("options set by TcpOptions.none().applyTo: the defaults stay untouched").isEmpty();
            TcpOptions.none().withSendBufferSize(4096).applyTo(socket);
            assertThat(socket.options()).as("options set for a send buffer alone").containsExactly("SO_SNDBUF");
            socket.calls.clear();
            TcpOptions.none().withReceiveBufferSize(4096).applyTo(socket);
            assertThat(socket.options()).as("options set for a receive buffer alone").containsExactly("SO_RCVBUF");
            socket.calls.clear();
            TcpOptions.none().withLinger(Linger.discard()).applyTo(socket);
            assertThat(socket.options()).as("options set for a linger alone").containsExactly("SO_LINGER");
            socket.calls.clear();
            TcpOptions.none().withKeepAlive(KeepAlive.off()).applyTo(socket);
            assertThat(socket.options()).as("options set for keepalive off alone").containsExactly("SO_KEEPALIVE");
        }
    }

    @Test
    @Tag("4.8d")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_set_every_option_asked_for() throws IOException {
        var options = TcpOptions.none()
                .withKeepAlive(KeepAlive.on(Duration.ofSeconds(40), Duration.ofSeconds(4), 4))
                .withLinger(Linger.waitUpTo(Duration.ofSeconds(3)))
                .withReceiveBufferSize(32768)
                .withSendBufferSize(16384);
        try (var socket = new Socket()) {
            options.applyTo(socket);
            assertThat(socket.getKeepAlive()).as("getKeepAlive() after applyTo with keepalive on").isTrue();
            assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).as("TCP_KEEPIDLE after applyTo").isEqualTo(40);
            assertThat(socket.getSoLinger()).as("getSoLinger() after applyTo with a linger of 3 s").isEqualTo(3);
            assertThat(socket.getReceiveBufferSize()).as("getReceiveBufferSize() after applyTo asked for 32768")
                    .isEqualTo(32768);
            assertThat(socket.getSendBufferSize()).as("getSendBufferSize() after applyTo asked for 16384").isEqualTo(16384);
        }
    }

    @Test
    @Tag("4.8d")
    void should_set_the_receive_buffer_before_connecting() throws Exception {
        // GIVEN a server, and options with every option set
        var options = TcpOptions.none().withReceiveBufferSize(8192).withSendBufferSize(8192)
                .withKeepAlive(KeepAlive.off()).withLinger(Linger.osDefault());
        try (var server = LoopbackServer.start(connection -> connection.getInputStream().read());
             var socket = new RecordingSocket()) {
            // WHEN a client connects with them
            Socket connected = options.connect(socket, server.address(), TIMEOUT);
            // THEN every option came before the connect, the receive buffer above all: the handshake
            // fixes the window scale from it, and a later change cannot renegotiate that
            assertThat(connected).as("connect returns the socket it was given").isSameAs(socket);
            assertThat(socket.isConnected()).as("the socket after connect").isTrue();
            assertThat(socket.calls).as("the calls connect made on the socket, in order: every option before the"
                    + " connect; a receive buffer set after it comes too late for the window scale of the handshake")
                    .endsWith("connect").containsOnlyOnce("connect")
                    .contains("SO_RCVBUF", "SO_SNDBUF", "SO_KEEPALIVE", "SO_LINGER");
            assertThat(socket.getSoTimeout()).as("getSoTimeout() after connect(…, %s): each read is bounded too", TIMEOUT)
                    .isEqualTo((int) TIMEOUT.toMillis());
        }
    }

    @Test
    @Tag("4.8d")
    void should_refuse_a_receive_buffer_on_a_socket_already_connected() throws Exception {
        try (var server = LoopbackServer.start(connection -> connection.getInputStream().read());
             Socket client = server.connect()) {
            int before = client.getReceiveBufferSize();
            Throwable late = Thrown.by(() -> TcpOptions.none().withReceiveBufferSize(8192).applyTo(client));
            assertThat(late).as("applyTo with a receive buffer on a connected socket: expected an"
                    + " IllegalStateException that says to set it before connect, got %s", late)
                    .isInstanceOf(IllegalStateException.class);
            assertThat(late.getMessage()).as("the message for a receive buffer set too late").contains("connect");
            assertThat(client.getReceiveBufferSize()).as("the receive buffer after the refusal: unchanged").isEqualTo(before);
            // The other options may come after the handshake. (Not a linger of 0: the close at the end
            // would then reset the server's read, and the server would report that as a failure.)
            TcpOptions.none().withSendBufferSize(8192).withLinger(Linger.waitUpTo(Duration.ofSeconds(2))).applyTo(client);
            assertThat(client.getSoLinger()).as("getSoLinger() set on a connected socket").isEqualTo(2);
        }
    }

    @Test
    @Tag("4.8d")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_set_the_receive_buffer_on_the_listener_before_bind_and_the_rest_on_each_connection() throws Exception {
        // GIVEN options with every option set
        var options = TcpOptions.none().withReceiveBufferSize(16384).withSendBufferSize(16384)
                .withKeepAlive(KeepAlive.on(Duration.ofSeconds(50), Duration.ofSeconds(5), 2))
                .withLinger(Linger.waitUpTo(Duration.ofSeconds(2)));
        try (var listener = new RecordingServerSocket(null)) {
            // WHEN a listener is bound with them and accepts a client
            assertThat(options.bind(listener, ANY_LOOPBACK_PORT)).as("bind returns the listener it was given")
                    .isSameAs(listener);
            assertThat(listener.calls).as("the calls bind made on the listener, in order: the receive buffer must come"
                    + " before bind, since connections finish their handshake before accept returns them")
                    .containsExactly("SO_RCVBUF", "bind");
            try (var client = new Socket()) {
                client.connect(listener.getLocalSocketAddress(), (int) TIMEOUT.toMillis());
                try (Socket accepted = options.accept(listener)) {
                    // THEN the connection inherited the receive buffer and got the rest
                    RecordingSocket recorded = listener.lastAccepted;
                    assertThat(accepted).as("accept returns the connection the listener accepted").isSameAs(recorded);
                    assertThat(recorded.options()).as("options accept set on the connection: all but the receive buffer,"
                            + " which it inherited from the listener").containsExactlyInAnyOrder("SO_SNDBUF",
                            "SO_KEEPALIVE", "TCP_KEEPIDLE", "TCP_KEEPINTERVAL", "TCP_KEEPCOUNT", "SO_LINGER");
                    assertThat(accepted.getReceiveBufferSize()).as("the accepted connection's receive buffer, inherited"
                            + " from the listener").isEqualTo(16384);
                    assertThat(accepted.getKeepAlive()).as("getKeepAlive() of the accepted connection").isTrue();
                    assertThat(accepted.getSoLinger()).as("getSoLinger() of the accepted connection").isEqualTo(2);
                }
            }
        }
    }

    @Test
    @Tag("4.8d")
    void should_connect_a_new_socket_of_its_own() throws Exception {
        try (var server = LoopbackServer.start(connection -> connection.getInputStream().read());
             Socket socket = TcpOptions.none().withSendBufferSize(8192).connect(server.address(), TIMEOUT)) {
            assertThat(socket.isConnected()).as("the socket connect(address, timeout) made").isTrue();
            assertThat(socket.getRemoteSocketAddress()).as("where it is connected").isEqualTo(server.address());
            assertThat(socket.getSoTimeout()).as("its read timeout").isEqualTo((int) TIMEOUT.toMillis());
        }
    }

    @Test
    @Tag("4.8d")
    void should_leave_the_defaults_of_a_connection_alone() throws Exception {
        try (var server = LoopbackServer.start(connection -> connection.getInputStream().read());
             var plain = server.connect();
             var socket = new RecordingSocket()) {
            TcpOptions.none().connect(socket, server.address(), TIMEOUT);
            assertThat(socket.options()).as("options set by TcpOptions.none().connect").isEmpty();
            assertThat(socket.getKeepAlive()).as("getKeepAlive() after none().connect").isEqualTo(plain.getKeepAlive());
            assertThat(socket.getSoLinger()).as("getSoLinger() after none().connect").isEqualTo(plain.getSoLinger());
            assertThat(socket.getReceiveBufferSize()).as("getReceiveBufferSize() after none().connect")
                    .isEqualTo(plain.getReceiveBufferSize());
        }
    }

    @Test
    @Tag("4.8d")
    void should_close_the_socket_when_connecting_fails() throws Exception {
        // GIVEN a port that nobody listens on any more
        InetSocketAddress closed;
        try (var gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) gone.getLocalSocketAddress();
        }
        var socket = new RecordingSocket();
        Throwable refused = Thrown.by(() -> TcpOptions.none().withSendBufferSize(4096).connect(socket, closed, TIMEOUT));
        assertThat(refused).as("connect to a closed port: the ConnectException, got %s", refused)
                .isInstanceOf(ConnectException.class);
        assertThat(socket.isClosed()).as("the socket after a failed connect: closed, or its descriptor leaks").isTrue();
    }

    @Test
    @Tag("4.8d")
    void should_close_the_socket_when_an_option_is_refused_and_never_connect() throws Exception {
        try (var server = LoopbackServer.start(connection -> connection.getInputStream().read())) {
            var socket = new RecordingSocket("SO_RCVBUF");
            Throwable refused = Thrown.by(() -> TcpOptions.none().withReceiveBufferSize(4096)
                    .connect(socket, server.address(), TIMEOUT));
            assertThat(refused).as("connect when the socket refuses the receive buffer, got %s", refused)
                    .isInstanceOf(SocketException.class);
            assertThat(socket.calls).as("calls on a socket that refused an option: no connect").doesNotContain("connect");
            assertThat(socket.isClosed()).as("the socket that refused an option: closed").isTrue();
        }
    }

    @Test
    @Tag("4.8d")
    void should_refuse_a_timeout_under_a_millisecond_and_close_the_socket() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofNanos(999_999), Duration.ofMillis(-1)}) {
            var socket = new RecordingSocket();
            Throwable thrown = Thrown.by(() -> TcpOptions.none().connect(socket, ANY_LOOPBACK_PORT, bad));
            assertThat(thrown).as("connect with a timeout of %s: 0 ms would mean no timeout at all in Java", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(socket.isClosed()).as("the socket after connect refused a timeout of %s", bad).isTrue();
        }
    }

    @Test
    @Tag("4.8d")
    void should_give_connect_and_each_read_the_timeout_in_milliseconds() throws IOException {
        for (Duration timeout : new Duration[] {Duration.ofMillis(1), Duration.ofMillis(1500), Duration.ofNanos(2_999_999),
            Duration.ofMillis(Integer.MAX_VALUE)}) {
            try (var socket = new RecordingSocket()) {
                socket.pretendToConnect = true;
                TcpOptions.none().connect(socket, ANY_LOOPBACK_PORT, timeout);
                int millis = (int) timeout.toMillis();
                assertThat(socket.connectTimeout).as("the timeout connect(…, %s) passed on to Socket.connect, in ms",
                        timeout).isEqualTo(millis);
                assertThat(socket.getSoTimeout()).as("the read timeout after connect(…, %s), in ms", timeout)
                        .isEqualTo(millis);
            }
        }
        var socket = new RecordingSocket();
        Duration tooLong = Duration.ofMillis(Integer.MAX_VALUE + 1L);
        Throwable thrown = Thrown.by(() -> TcpOptions.none().connect(socket, ANY_LOOPBACK_PORT, tooLong));
        assertThat(thrown).as("connect with a timeout of %s, more milliseconds than an int holds", tooLong)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(socket.isClosed()).as("the socket after connect refused that timeout").isTrue();
    }

    @Test
    @Tag("4.8d")
    void should_bind_without_touching_the_listener_when_no_receive_buffer_is_asked_for() throws IOException {
        try (var listener = new RecordingServerSocket(null)) {
            TcpOptions.none().withSendBufferSize(4096).withLinger(Linger.discard()).bind(listener, ANY_LOOPBACK_PORT);
            assertThat(listener.calls).as("the calls bind made on the listener when only per-connection options are"
                    + " set: those belong to each accepted connection").containsExactly("bind");
            assertThat(listener.isBound()).as("the listener after bind").isTrue();
        }
    }

    @Test
    @Tag("4.8d")
    void should_close_the_listener_when_binding_fails() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var listener = new RecordingServerSocket(null)) {
            Throwable thrown = Thrown.by(() -> TcpOptions.none().bind(listener, (InetSocketAddress) taken.getLocalSocketAddress()));
            assertThat(thrown).as("bind to a port in use, got %s", thrown).isInstanceOf(BindException.class);
            assertThat(listener.isClosed()).as("the listener after a failed bind").isTrue();
        }
    }

    @Test
    @Tag("4.8d")
    void should_close_an_accepted_connection_that_refuses_an_option() throws Exception {
        try (var listener = new RecordingServerSocket("SO_SNDBUF")) {
            var options = TcpOptions.none().withSendBufferSize(4096);
            options.bind(listener, ANY_LOOPBACK_PORT);
            var peerSaw = new CompletableFuture<Integer>();
            try (var client = new Socket()) {
                client.setSoTimeout((int) TIMEOUT.toMillis());
                client.connect(listener.getLocalSocketAddress(), (int) TIMEOUT.toMillis());
                Throwable thrown = Thrown.by(() -> options.accept(listener));
                assertThat(thrown).as("accept when the connection refuses the send buffer, got %s", thrown)
                        .isInstanceOf(SocketException.class);
                assertThat(listener.lastAccepted.isClosed()).as("the accepted connection that refused an option").isTrue();
                peerSaw.complete(client.getInputStream().read());
            }
            assertThat(peerSaw.get(1, TimeUnit.SECONDS)).as("the client's read after the server closed it").isEqualTo(-1);
        }
    }

    @Test
    @Tag("4.8d")
    void should_refuse_buffer_sizes_below_one_byte_and_missing_components() {
        for (int bad : new int[] {0, -1}) {
            Throwable receive = Thrown.by(() -> TcpOptions.none().withReceiveBufferSize(bad));
            assertThat(receive).as("withReceiveBufferSize(%d)", bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(receive.getMessage()).as("the message for a receive buffer of %d", bad).contains(Integer.toString(bad));
            Throwable send = Thrown.by(() -> TcpOptions.none().withSendBufferSize(bad));
            assertThat(send).as("withSendBufferSize(%d)", bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(send.getMessage()).as("the message for a send buffer of %d", bad).contains(Integer.toString(bad));
        }
        assertThat(TcpOptions.none().withReceiveBufferSize(1).receiveBufferSize()).as("a receive buffer of 1 byte")
                .hasValue(1);
        assertThat(TcpOptions.none().withSendBufferSize(1).sendBufferSize()).as("a send buffer of 1 byte").hasValue(1);
        Optional<KeepAlive> noKeepAlive = Optional.empty();
        Optional<Linger> noLinger = Optional.empty();
        OptionalInt noSize = OptionalInt.empty();
        assertThat(Thrown.by(() -> new TcpOptions(null, noLinger, noSize, noSize))).as("a null keepAlive")
                .isInstanceOf(NullPointerException.class);
        assertThat(Thrown.by(() -> new TcpOptions(noKeepAlive, null, noSize, noSize))).as("a null linger")
                .isInstanceOf(NullPointerException.class);
        assertThat(Thrown.by(() -> new TcpOptions(noKeepAlive, noLinger, null, noSize))).as("a null receive size")
                .isInstanceOf(NullPointerException.class);
        assertThat(Thrown.by(() -> new TcpOptions(noKeepAlive, noLinger, noSize, null))).as("a null send size")
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @Tag("4.8d")
    @EnabledOnOs(value = OS.LINUX, disabledReason = LINUX)
    void should_read_back_any_requested_buffer_size_between_floor_and_cap() throws IOException {
        int receiveFloor = LinuxTcp.receiveFloor();
        int receiveCap = LinuxTcp.receiveCap();
        int sendFloor = LinuxTcp.sendFloor();
        int sendCap = LinuxTcp.sendCap();
        Gen<Integer> sizes = Gen.oneOf(Gen.integers(1, 65536), Gen.integers(1, 2 * Math.max(receiveCap, sendCap)));
        forAll(sizes, sizes).labels("receiveBufferSize", "sendBufferSize").tries(40).check((receive, send) -> {
            try (var socket = new Socket()) {
                TcpOptions.none().withReceiveBufferSize(receive).withSendBufferSize(send).applyTo(socket);
                assertThat(socket.getReceiveBufferSize()).as("getReceiveBufferSize() after asking for %d: the request"
                        + " raised to the floor %d and cut to the cap %d", receive, receiveFloor, receiveCap)
                        .isBetween(receiveFloor, receiveCap).isEqualTo(LinuxTcp.clamp(receive, receiveFloor, receiveCap));
                assertThat(socket.getSendBufferSize()).as("getSendBufferSize() after asking for %d: the request"
                        + " raised to the floor %d and cut to the cap %d", send, sendFloor, sendCap)
                        .isBetween(sendFloor, sendCap).isEqualTo(LinuxTcp.clamp(send, sendFloor, sendCap));
            }
        });
    }
}
