package workbook.property;

/**
 * A property of two arguments, ready to {@link #check}; made by {@link Property#forAll}.
 * Not thread-safe; use it where it was made.
 */
public final class Checker2<A, B> extends Checker<Checker2<A, B>> {
    /** The property's body: assertions on the arguments; may throw anything. */
    @FunctionalInterface
    public interface Body<A, B> {
        void accept(A a, B b) throws Throwable;
    }

    Checker2(Spec spec, Gen<A> a, Gen<B> b) {
        super(spec, a, b);
    }

    /**
     * Runs the body on generated arguments; returns if every try passes, else throws the shrunk
     * failure as an {@link org.opentest4j.AssertionFailedError} (see {@link Property}).
     */
    @SuppressWarnings("unchecked")
    public void check(Body<? super A, ? super B> body) {
        checkArgs(args -> body.accept((A) args.get(0), (B) args.get(1)));
    }

    @SuppressWarnings("unchecked")
    Result run(Body<? super A, ? super B> body) {
        return runArgs(args -> body.accept((A) args.get(0), (B) args.get(1)));
    }
}
