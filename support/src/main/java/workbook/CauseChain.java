package workbook;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * What a test really threw: the exception, its causes, and the exceptions suppressed along the
 * way (a stub reached while closing a resource, say). The machinery and the property kit walk
 * it here, the one way, so they agree on whether a test reached a stub or timed out.
 *
 * <p>The walk goes down the causes first and only then into the suppressed exceptions, and it
 * visits each exception once, so a cycle (an exception that is its own cause, two that cite each
 * other) ends it instead of looping.
 */
public final class CauseChain {

    private CauseChain() {
    }

    /** The first exception of {@code type} in {@code thrown}'s causes and suppressed exceptions, {@code thrown} included. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        return find(thrown, type::isInstance).map(type::cast);
    }

    /** The first exception that {@code test} accepts in {@code thrown}'s causes and suppressed exceptions, {@code thrown} included. */
    public static Optional<Throwable> find(Throwable thrown, java.util.function.Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (thrown != null) {
            next.push(thrown);
        }
        while (!next.isEmpty()) {
            Throwable t = next.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return Optional.of(t);
            }
            Throwable[] suppressed = t.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                next.push(suppressed[i]);
            }
            if (t.getCause() != null) {
                next.push(t.getCause()); // popped before the suppressed: causes first
            }
        }
        return Optional.empty();
    }
}
