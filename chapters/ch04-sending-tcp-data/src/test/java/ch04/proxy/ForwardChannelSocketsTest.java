package ch04.proxy;

import java.io.IOException;
import org.junit.jupiter.api.Tag;

/** 4.5a: {@link Proxy#forward} between sockets made from SocketChannel at both ends, as ProxyServer's are. */
@Tag("4.5")
@Tag("4.5a")
class ForwardChannelSocketsTest implements ForwardContract {

    @Override
    public Peers.Pair sourcePair() throws IOException {
        return Peers.channelPair();
    }

    @Override
    public Peers.Pair destinationPair() throws IOException {
        return Peers.channelPair();
    }
}
