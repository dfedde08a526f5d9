package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;

/**
 * Exercise 4.6g: {@link Monitor#out()}, the view for the bytes sent, logs like any monitor and
 * marks its lines with {@code Monitor.OUT_MARK}.
 */
@Tag("4.6")
@Tag("4.6g")
class OutboundMonitorTest implements MonitorContract {

    @Override
    public Monitor monitor(OutputStream log, String prefix, Consumer<? super IOException> onFailure) {
        return new Monitor(log, prefix, onFailure).out();
    }

    @Override
    public String mark() {
        return Monitor.OUT_MARK;
    }
}
