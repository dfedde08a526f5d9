package ch04.proxy;

import java.io.IOException;
import org.junit.jupiter.api.Tag;

/** 4.5a: {@link Proxy#forward} between a channel socket as the source and a plain one as the destination. */
@Tag("4.5")
@Tag("4.5a")
class ForwardChannelToPlainTest implements ForwardContract {

    @Override
    public Peers.Pair sourcePair() throws IOException {
        return Peers.channelPair();
    }

    @Override
    public Peers.Pair destinationPair() throws IOException {
        return Peers.plainPair();
    }
}
