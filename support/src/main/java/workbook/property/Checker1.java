package workbook.property;

/**
 * A property of one argument, ready to {@link #check}; made by {@link Property#forAll}.
 * Not thread-safe; use it where it was made.
 */
public final class Checker1<T> extends Checker<Checker1<T>> {
    /** The property's body: assertions on the argument; may throw anything. */
    @FunctionalInterface
    public interface Body<T> {
        void accept(T a) throws Throwable;
    }

    Checker1(Spec spec, Gen<T> a) {
        super(spec, a);
    }

    /**
     * Runs the body on generated arguments; returns if every try passes, else throws the shrunk
     * failure as an {@link org.opentest4j.AssertionFailedError} (see {@link Property}).
     */
    @SuppressWarnings("unchecked")
    public void check(Body<? super T> body) {
        checkArgs(args -> body.accept((T) args.get(0)));
    }

    @SuppressWarnings("unchecked")
    Result run(Body<? super T> body) {
        return runArgs(args -> body.accept((T) args.get(0)));
    }
}
