package ch04.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;

/** Exercise 4.6c: {@link Monitor}, Listing 4-19's monitor, logging whole lines. */
@Tag("4.6")
@Tag("4.6c")
class MonitorTest implements MonitorContract {

    @Override
    public Monitor monitor(OutputStream log, String prefix, Consumer<? super IOException> onFailure) {
        return new Monitor(log, prefix, onFailure);
    }

    @Override
    public String mark() {
        return "";
    }
}
