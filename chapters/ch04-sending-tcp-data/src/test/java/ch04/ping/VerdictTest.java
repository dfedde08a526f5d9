package ch04.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;
import workbook.property.Alphabet;
import workbook.property.Gen;

/** 4.7b: {@link Verdict#of}, what a failed connect means for the run. */
@Tag("4.7")
class VerdictTest {

    /** An exception a connect may throw, made with any message, and the verdict it deserves. */
    record Kind(String name, Function<String, IOException> make, Verdict verdict) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("SocketTimeoutException", SocketTimeoutException::new, Verdict.TIMED_OUT),
            new Kind("a subclass of SocketTimeoutException", m -> new SocketTimeoutException(m) { }, Verdict.TIMED_OUT),
            new Kind("ClosedByInterruptException", m -> new ClosedByInterruptException(), Verdict.INTERRUPTED),
            new Kind("InterruptedIOException", InterruptedIOException::new, Verdict.INTERRUPTED),
            new Kind("ConnectException", ConnectException::new, Verdict.PERMANENT),
            new Kind("a subclass of ConnectException", m -> new ConnectException(m) { }, Verdict.PERMANENT),
            new Kind("UnknownHostException", UnknownHostException::new, Verdict.PERMANENT),
            new Kind("NoRouteToHostException", NoRouteToHostException::new, Verdict.PERMANENT),
            new Kind("SocketException", SocketException::new, Verdict.PERMANENT),
            new Kind("IOException", IOException::new, Verdict.PERMANENT));

    @Test
    @Tag("4.7b")
    void should_go_on_after_a_timeout() {
        assertThat(Verdict.of(new SocketTimeoutException("Connect timed out")))
                .as("the verdict on a connect that timed out: nobody answered in time, which may change by"
                        + " the next attempt")
                .isEqualTo(Verdict.TIMED_OUT);
    }

    @Test
    @Tag("4.7b")
    void should_stop_at_a_refusal() {
        assertThat(Verdict.of(new ConnectException("Connection refused")))
                .as("the verdict on a refused connect: the host answered, nothing listens on that port, and"
                        + " a second attempt gets the same answer")
                .isEqualTo(Verdict.PERMANENT);
    }

    @Test
    @Tag("4.7b")
    void should_stop_quietly_when_the_thread_was_interrupted() {
        assertThat(Verdict.of(new ClosedByInterruptException()))
                .as("the verdict on a channel's connect stopped by an interrupt (Ctrl+C): the user wants the"
                        + " run to end, and the host did nothing wrong")
                .isEqualTo(Verdict.INTERRUPTED);
        assertThat(Verdict.of(new InterruptedIOException("interrupted")))
                .as("the verdict on an InterruptedIOException that is not a SocketTimeoutException")
                .isEqualTo(Verdict.INTERRUPTED);
    }

    @Test
    @Tag("4.7b")
    void should_judge_each_kind_of_connect_failure() {
        for (Kind kind : KINDS) {
            assertThat(Verdict.of(kind.make().apply("message")))
                    .as("the verdict on a %s (a SocketTimeoutException is an InterruptedIOException too, so"
                            + " the order of the checks matters)", kind)
                    .isEqualTo(kind.verdict());
        }
    }

    @Test
    @Tag("4.7b")
    void should_refuse_null() {
        assertThat(Thrown.by(() -> Verdict.of(null))).as("what Verdict.of(null) throws")
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @Tag("4.7b")
    void should_judge_by_the_type_and_never_by_the_message() {
        Gen<String> messages = Gen.oneOf(Gen.<String>constant(null), Gen.elements("Connection refused", "Connect timed out",
                "Connection timed out", "interrupted", "timeout", "Closed by interrupt"),
                Gen.strings(Alphabet.ASCII, 0, 30));
        forAll(Gen.elements(KINDS.toArray(Kind[]::new)), messages).labels("kind", "message").tries(150)
                .check((kind, message) -> assertThat(Verdict.of(kind.make().apply(message)))
                        .as("the verdict on a %s with the message %s: messages are for people and change"
                                + " with the platform and its language", kind, message)
                        .isEqualTo(kind.verdict()));
    }
}
