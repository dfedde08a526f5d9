package ch04.tcpoptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import workbook.NotStartedException;

/**
 * The TCP options of Listings 4-23 to 4-25 as one value: keepalive, linger, and the receive and
 * send buffer sizes (Go's {@code SetReadBuffer} and {@code SetWriteBuffer}). An option left empty
 * is never touched, so the socket keeps the operating system's default for it.
 *
 * <pre>{@code
 * var options = TcpOptions.none()
 *         .withKeepAlive(KeepAlive.on(Duration.ofMinutes(1), Duration.ofSeconds(10), 5))
 *         .withReceiveBufferSize(256 * 1024);
 * try (Socket socket = options.connect(server, Duration.ofSeconds(5))) { … }
 * }</pre>
 *
 * <p><b>When to set each.</b> An option acts on the calls after it, and one of these acts at the
 * very start: the receive buffer decides the window scale that TCP offers in its handshake
 * (RFC 7323), which cannot change afterwards. So a client sets it before {@code connect}, and a
 * server on its listening socket before {@code bind}: an accepted connection has finished its
 * handshake before {@code accept} returns it, and takes its receive buffer from the listener.
 * Keepalive, linger and the send buffer may be set at any time before they matter.
 *
 * @param keepAlive         keepalive, or empty to leave it alone
 * @param linger            what close does with unsent data, or empty to leave it alone
 * @param receiveBufferSize the receive buffer to ask for, in bytes, at least 1; or empty
 * @param sendBufferSize    the send buffer to ask for, in bytes, at least 1; or empty
 */
public record TcpOptions(Optional<KeepAlive> keepAlive, Optional<Linger> linger,
                         OptionalInt receiveBufferSize, OptionalInt sendBufferSize) {

    /**
     * @throws NullPointerException     if a component is null (use an empty {@code Optional})
     * @throws IllegalArgumentException if a buffer size is below 1, naming it
     */
    public TcpOptions {
        throw new NotStartedException("4.8d");
    }

    // Your helpers, if you want some, go here.

    /** No option set: every socket keeps the operating system's defaults. */
    public static TcpOptions none() {
        return new TcpOptions(Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    /** These options with {@code keepAlive} set. */
    public TcpOptions withKeepAlive(KeepAlive keepAlive) {
        return new TcpOptions(Optional.of(keepAlive), linger, receiveBufferSize, sendBufferSize);
    }

    /** These options with {@code linger} set. */
    public TcpOptions withLinger(Linger linger) {
        return new TcpOptions(keepAlive, Optional.of(linger), receiveBufferSize, sendBufferSize);
    }

    /** These options with a receive buffer of {@code bytes} asked for. */
    public TcpOptions withReceiveBufferSize(int bytes) {
        return new TcpOptions(keepAlive, linger, OptionalInt.of(bytes), sendBufferSize);
    }

    /** These options with a send buffer of {@code bytes} asked for. */
    public TcpOptions withSendBufferSize(int bytes) {
        return new TcpOptions(keepAlive, linger, receiveBufferSize, OptionalInt.of(bytes));
    }

    /**
     * Sets every option that is present on {@code socket}, and no other; the receive buffer only
     * onto a socket that is not connected yet.
     *
     * @throws IllegalStateException if a receive buffer is set and {@code socket} is already
     *                               connected: its window scale was fixed in the handshake (set it
     *                               before {@code connect}, or on the listener before {@code bind})
     * @throws IOException           if the socket refuses an option
     */
    public void applyTo(Socket socket) throws IOException {
        throw new NotStartedException("4.8d");
    }

    /**
     * Connects {@code unconnected} to {@code address} with these options, all set before the
     * connect, and a read timeout of {@code timeout} on the result. Closes the socket if anything
     * fails, a refused timeout included.
     *
     * @param unconnected a new socket ({@code new Socket()}, or one from a {@code SocketFactory})
     * @param timeout     bounds the connect and each later read; at least 1 ms
     * @return {@code unconnected}, now connected
     * @throws IllegalArgumentException if {@code timeout} is under 1 ms
     * @throws IOException              if an option is refused or the connect fails or times out
     */
    public Socket connect(Socket unconnected, InetSocketAddress address, Duration timeout) throws IOException {
        throw new NotStartedException("4.8d");
    }

    /** {@link #connect(Socket, InetSocketAddress, Duration)} on a new {@code Socket}. */
    public Socket connect(InetSocketAddress address, Duration timeout) throws IOException {
        return connect(new Socket(), address, timeout);
    }

    /**
     * Binds {@code unbound} to {@code address} with the receive buffer set before the bind, so that
     * every connection it accepts inherits it. The other options belong to each connection:
     * {@link #accept} sets them. Closes the listener if anything fails.
     *
     * @param unbound a new {@code ServerSocket}
     * @return {@code unbound}, now bound and listening
     * @throws IOException if the option is refused or the bind fails
     */
    public ServerSocket bind(ServerSocket unbound, InetSocketAddress address) throws IOException {
        throw new NotStartedException("4.8d");
    }

    /**
     * Accepts one connection from {@code listener} (bound by {@link #bind}) and sets every option
     * but the receive buffer on it, which it inherited from the listener. Closes the connection if
     * an option is refused.
     *
     * @throws IOException if the accept fails or an option is refused
     */
    public Socket accept(ServerSocket listener) throws IOException {
        throw new NotStartedException("4.8d");
    }

    // Your helpers, if you want some, go here.
}
