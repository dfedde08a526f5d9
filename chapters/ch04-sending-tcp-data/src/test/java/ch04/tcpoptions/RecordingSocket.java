package ch04.tcpoptions;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real socket that writes down, in order, every option set on it and its connect, so a test can
 * check what the code under test touched and when; told to, it refuses one option as a socket
 * would. Everything else is the real socket's behaviour.
 */
final class RecordingSocket extends Socket {

    /** The options set (as {@code SO_RCVBUF}, {@code TCP_KEEPIDLE}, …) and {@code connect}, in order. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** The timeout the last connect was given, in milliseconds; -1 before any connect. */
    volatile int connectTimeout = -1;
    /** When set, connect records its call and timeout but does not connect. */
    boolean pretendToConnect;
    private final String refused;

    RecordingSocket() {
        this(null);
    }

    /** @param refused an option to refuse with a {@link SocketException}, or null */
    RecordingSocket(String refused) {
        this.refused = refused;
    }

    /** The calls that set a TCP or socket option, without {@code connect} and the read timeout. */
    List<String> options() {
        return calls.stream().filter(c -> !c.equals("connect") && !c.equals("SO_TIMEOUT")).toList();
    }

    private void record(String call) throws SocketException {
        calls.add(call);
        if (call.equals(refused)) {
            throw new SocketException("RecordingSocket refuses " + call + ", as the test asked");
        }
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        record("connect");
        connectTimeout = timeout;
        if (!pretendToConnect) {
            super.connect(endpoint, timeout);
        }
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        record("SO_RCVBUF");
        super.setReceiveBufferSize(size);
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        record("SO_SNDBUF");
        super.setSendBufferSize(size);
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        record("SO_KEEPALIVE");
        super.setKeepAlive(on);
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        record("SO_LINGER");
        super.setSoLinger(on, linger);
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        record("SO_TIMEOUT");
        super.setSoTimeout(timeout);
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        record("TCP_NODELAY");
        super.setTcpNoDelay(on);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        record("SO_OOBINLINE");
        super.setOOBInline(on);
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        record("IP_TOS");
        super.setTrafficClass(tc);
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        record("SO_REUSEADDR");
        super.setReuseAddress(on);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        record(name.name());
        return super.setOption(name, value);
    }
}
