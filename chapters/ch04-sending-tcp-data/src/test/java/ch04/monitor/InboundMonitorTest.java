package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;

/**
 * Exercise 4.6g: {@link Monitor#in()}, the view for the bytes received, logs like any monitor and
 * marks its lines with {@code Monitor.IN_MARK}.
 */
@Tag("4.6")
@Tag("4.6g")
class InboundMonitorTest implements MonitorContract {

    @Override
    public Monitor monitor(OutputStream log, String prefix, Consumer<? super IOException> onFailure) {
        return new Monitor(log, prefix, onFailure).in();
    }

    @Override
    public String mark() {
        return Monitor.IN_MARK;
    }
}
