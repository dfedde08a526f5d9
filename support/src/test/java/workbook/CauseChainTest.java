package workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CauseChainTest {

    @Test
    @DisplayName("finds the exception itself, a cause deep down, or nothing")
    void should_find_along_the_causes() {
        NotStartedException stub = new NotStartedException("9.1a");
        Throwable wrapped = new ExecutionException(new IllegalStateException(new UncheckedIOException(new IOException(stub))));

        assertThat(CauseChain.find(stub, NotStartedException.class)).containsSame(stub);
        assertThat(CauseChain.find(wrapped, NotStartedException.class)).containsSame(stub);
        assertThat(CauseChain.find(wrapped, TimeoutException.class)).isEmpty();
        assertThat(CauseChain.find(null, NotStartedException.class)).isEmpty();
    }

    @Test
    @DisplayName("looks into suppressed exceptions, also those of a cause, after the causes")
    void should_find_in_suppressed_exceptions_after_the_causes() {
        NotStartedException inClose = new NotStartedException("9.1b");
        IOException cause = new IOException("read failed");
        cause.addSuppressed(inClose);
        Throwable thrown = new AssertionError("frame 2", cause);

        assertThat(CauseChain.find(thrown, NotStartedException.class)).containsSame(inClose);

        IllegalStateException first = new IllegalStateException("the cause");
        Throwable both = new RuntimeException(first);
        both.addSuppressed(new IllegalStateException("suppressed"));
        assertThat(CauseChain.find(both, IllegalStateException.class)).containsSame(first);
    }

    @Test
    @DisplayName("ends on cycles: an exception that is its own cause, or two that cite each other")
    void should_end_on_cycles() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);
        a.addSuppressed(b);
        b.addSuppressed(a);

        assertThat(CauseChain.find(a, NotStartedException.class)).isEmpty();
        assertThat(CauseChain.find(a, IOException.class)).containsSame(a);
    }
}
