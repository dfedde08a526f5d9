package ch04.tcpoptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real listening socket that writes down the options set on it and its bind, in order, and hands
 * out every accepted connection as a {@link RecordingSocket}, so a test sees what was set on the
 * listener and what on each connection.
 */
final class RecordingServerSocket extends ServerSocket {

    /** The options set on the listener and {@code bind}, in order. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final String refusedOnAccepted;
    volatile RecordingSocket lastAccepted;

    /** @param refusedOnAccepted an option each accepted connection refuses, or null */
    RecordingServerSocket(String refusedOnAccepted) throws IOException {
        this.refusedOnAccepted = refusedOnAccepted;
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        calls.add("bind");
        super.bind(endpoint, backlog);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        calls.add("SO_RCVBUF");
        super.setReceiveBufferSize(size);
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        calls.add("SO_REUSEADDR");
        super.setReuseAddress(on);
    }

    @Override
    public <T> ServerSocket setOption(SocketOption<T> name, T value) throws IOException {
        calls.add(name.name());
        return super.setOption(name, value);
    }

    @Override
    public Socket accept() throws IOException {
        var connection = new RecordingSocket(refusedOnAccepted);
        implAccept(connection);
        lastAccepted = connection;
        return connection;
    }
}
