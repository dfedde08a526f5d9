package ch04.errors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;
import workbook.fixtures.Thrown;

/**
 * Runs code that might block on a virtual thread and gives it a bounded time, so a test can say
 * what a hang means instead of leaving it to the JUnit timeout's general message.
 */
final class Bounded {

    private Bounded() {
    }

    /**
     * What {@code call} throws (null if nothing), run on a virtual thread. If it is still running
     * after {@code limit}, {@code unblock} is given the thread to free it (close its socket,
     * interrupt it), the thread gets 5 s to end, and the test fails with {@code whenStuck}. A stub's
     * {@code NotStartedException} comes out as itself.
     */
    static Throwable run(Duration limit, String whenStuck, Consumer<Thread> unblock, Thrown.Call call) throws Exception {
        var outcome = new CompletableFuture<Throwable>();
        Thread thread = Thread.ofVirtual().name("bounded-call").start(() -> {
            try {
                outcome.complete(Thrown.by(call));
            } catch (Throwable stub) {
                outcome.completeExceptionally(stub);
            }
        });
        try {
            return outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            unblock.accept(thread);
            thread.join(Duration.ofSeconds(5));
            throw new AssertionFailedError(whenStuck);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
