package ch04.proxy;

import java.io.IOException;
import org.junit.jupiter.api.Tag;

/** 4.5a: {@link Proxy#forward} between a plain socket as the source and a channel socket as the destination. */
@Tag("4.5")
@Tag("4.5a")
class ForwardPlainToChannelTest implements ForwardContract {

    @Override
    public Peers.Pair sourcePair() throws IOException {
        return Peers.plainPair();
    }

    @Override
    public Peers.Pair destinationPair() throws IOException {
        return Peers.channelPair();
    }
}
