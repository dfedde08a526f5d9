package workbook.property;

import java.util.Objects;

/**
 * Entry point of the property kit: a property is a plain JUnit {@code @Test} method that calls
 * {@code forAll(generators…).check(body)}.
 *
 * <pre>{@code
 * @Test void everyByteArrives() {
 *     forAll(Gen.bytes(0, 4096), Gen.lists(Gen.integers(1, 64), 1, 8))
 *         .labels("payload", "readSizes")   // names in the report; else "arg 1", "arg 2"
 *         .tries(200)
 *         .check((payload, readSizes) -> { ... assertions ... });
 * }
 * }</pre>
 *
 * <p>{@code check} runs the body on generated arguments (100 tries unless told otherwise) on the
 * calling thread and returns normally if every try passes. On the first failing try it shrinks
 * the arguments to a simple failing case and throws an {@link org.opentest4j.AssertionFailedError}
 * that names the property, shows that case, the failure, the seed and the command to replay it;
 * its cause is the failure of the shrunk case. A body that throws {@link workbook.NotStartedException}
 * (also as a cause) or {@link org.opentest4j.TestAbortedException} has that exception rethrown
 * unchanged and at once.
 *
 * <p>Time is bounded so that a chapter's 10&nbsp;s JUnit timeout never hides a report: shrinking
 * stops after 3&nbsp;s ({@code -Dproperty.shrinkSeconds}) or 20,000 replays and reports the
 * simplest case so far, and tries that take over 5&nbsp;s ({@code -Dproperty.maxTrySeconds}) stop
 * there; the property then passes on the tries it made, with a note on stderr.
 *
 * <p>A property is named after the test it runs in ({@code SimpleClassName#method}, the class
 * JUnit runs, also when the test method is inherited or a helper calls {@code forAll}); the name
 * seeds the random tries, so a run sees the same cases every time unless
 * {@code -Dproperty.random=true}, and keys the failure saved for the next run. A test that runs
 * two properties names each with {@code .named(…)}: two of one name in one test are an error.
 */
public final class Property {
    private Property() {
    }

    /** A property of one argument. */
    public static <T> Checker1<T> forAll(Gen<T> a) {
        Objects.requireNonNull(a, "a");
        return new Checker1<>(Spec.ofCurrentTest(), a);
    }

    /** A property of two arguments, drawn independently (use flatMap when one depends on the other). */
    public static <A, B> Checker2<A, B> forAll(Gen<A> a, Gen<B> b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return new Checker2<>(Spec.ofCurrentTest(), a, b);
    }

    /** A property of three arguments, drawn independently. */
    public static <A, B, C> Checker3<A, B, C> forAll(Gen<A> a, Gen<B> b, Gen<C> c) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        return new Checker3<>(Spec.ofCurrentTest(), a, b, c);
    }

    /**
     * Inside a property's body: discards this try unless {@code condition} holds. A discarded try
     * is neither a pass nor a failure; the property draws another. Prefer generating valid values
     * over discarding most of them: a property gives up after many discards.
     */
    public static void assume(boolean condition) {
        if (!condition) {
            throw Rejected.ASSUMPTION;
        }
    }
}
