package ch04.proxy;

import java.io.IOException;
import org.junit.jupiter.api.Tag;

/** 4.5a: {@link Proxy#forward} between plain sockets (no channels) at both ends. */
@Tag("4.5")
@Tag("4.5a")
class ForwardPlainSocketsTest implements ForwardContract {

    @Override
    public Peers.Pair sourcePair() throws IOException {
        return Peers.plainPair();
    }

    @Override
    public Peers.Pair destinationPair() throws IOException {
        return Peers.plainPair();
    }
}
