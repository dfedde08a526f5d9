package workbook.property;

/**
 * A property of three arguments, ready to {@link #check}; made by {@link Property#forAll}.
 * Not thread-safe; use it where it was made.
 */
public final class Checker3<A, B, C> extends Checker<Checker3<A, B, C>> {
    /** The property's body: assertions on the arguments; may throw anything. */
    @FunctionalInterface
    public interface Body<A, B, C> {
        void accept(A a, B b, C c) throws Throwable;
    }

    Checker3(Spec spec, Gen<A> a, Gen<B> b, Gen<C> c) {
        super(spec, a, b, c);
    }

    /**
     * Runs the body on generated arguments; returns if every try passes, else throws the shrunk
     * failure as an {@link org.opentest4j.AssertionFailedError} (see {@link Property}).
     */
    @SuppressWarnings("unchecked")
    public void check(Body<? super A, ? super B, ? super C> body) {
        checkArgs(args -> body.accept((A) args.get(0), (B) args.get(1), (C) args.get(2)));
    }

    @SuppressWarnings("unchecked")
    Result run(Body<? super A, ? super B, ? super C> body) {
        return runArgs(args -> body.accept((A) args.get(0), (B) args.get(1), (C) args.get(2)));
    }
}
