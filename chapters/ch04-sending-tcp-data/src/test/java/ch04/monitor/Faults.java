package ch04.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import workbook.fixtures.Fault;
import workbook.property.Gen;

/** Fault scripts for a branch or a log, and the check that a failure is the scripted one. */
final class Faults {

    private Faults() {
    }

    /** A fault at any byte up to {@code maxByte}: a permanent failure, or one to three timeouts. */
    static Gen<Fault> anyAt(int maxByte) {
        return Gen.oneOf(
                Gen.integers(0, maxByte).map(at -> Fault.failAt(at, new IOException("log: no space left on device"))),
                Gen.combine(Gen.integers(0, maxByte), Gen.integers(1, 3), (at, times) -> Fault.timeoutsAt(at, times)));
    }

    /** Checks that {@code failure} is what {@code fault} throws. */
    static void assertIsTheFault(Throwable failure, Fault fault, String what) {
        switch (fault) {
            case Fault.Fail f -> assertThat(failure).as(what).isSameAs(f.error());
            case Fault.Timeouts t -> assertThat(failure).as(what).isInstanceOf(SocketTimeoutException.class);
        }
    }
}
