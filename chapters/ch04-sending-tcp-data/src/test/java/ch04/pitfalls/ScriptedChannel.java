package ch04.pitfalls;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A channel whose writes take what a script says, so a test decides when the kernel "takes less"
 * and when it "takes nothing": on a real connection that depends on when acknowledgements arrive.
 * Each write takes the script's next count (at most what the buffer holds); an exhausted script
 * takes nothing. It records whether it was blocking at each write. Only writing is supported.
 */
final class ScriptedChannel extends SocketChannel {

    private final Deque<Integer> script;
    /** For each write, in order: whether the channel was in blocking mode. */
    final List<Boolean> blockingAtWrite = new ArrayList<>();

    ScriptedChannel(Integer... counts) {
        super(SelectorProvider.provider());
        this.script = new ArrayDeque<>(List.of(counts));
    }

    @Override
    public int write(ByteBuffer src) {
        blockingAtWrite.add(isBlocking());
        Integer next = script.poll();
        int n = Math.min(next == null ? 0 : next, src.remaining());
        src.position(src.position() + n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = write(srcs[i]);
            total += n;
            if (srcs[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
        // nothing to switch: the script decides what a write takes
    }

    @Override
    protected void implCloseSelectableChannel() {
        // nothing to release
    }

    @Override
    public SocketChannel bind(SocketAddress local) {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public <T> T getOption(SocketOption<T> name) {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Set.of();
    }

    @Override
    public SocketChannel shutdownInput() {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public SocketChannel shutdownOutput() {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public Socket socket() {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isConnectionPending() {
        return false;
    }

    @Override
    public boolean connect(SocketAddress remote) {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public boolean finishConnect() {
        return true;
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        return null;
    }

    @Override
    public int read(ByteBuffer dst) {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        throw new UnsupportedOperationException("ScriptedChannel only writes");
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return null;
    }
}
