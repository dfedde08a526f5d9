package workbook.property;

/**
 * A property of three arguments, ready to {@link #check}; made by {@link Property#forAll}.
 * Not thread-safe; use it where it was made.
 */
public final class Checker3<A, B, C> {
    /** The property's body: assertions on the arguments; may throw anything. */
    @FunctionalInterface
    public interface Body<A, B, C> {
        void accept(A a, B b, C c) throws Throwable;
    }

    private final Spec spec;
    private final Gen<A> a;
    private final Gen<B> b;
    private final Gen<C> c;

    Checker3(Spec spec, Gen<A> a, Gen<B> b, Gen<C> c) {
        this.spec = spec;
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** Runs {@code n} tries instead of the default (100, or {@code -Dproperty.tries}); {@code -Dproperty.thorough=true} still multiplies it by 10. */
    public Checker3<A, B, C> tries(int n) {
        spec.tries(n);
        return this;
    }

    /** Names the property in reports, seeds and stored failures instead of "Class#method". */
    public Checker3<A, B, C> named(String name) {
        spec.name(name);
        return this;
    }

    /**
     * Names the arguments in the failure report, in the order of the generators
     * ({@code payload = byte[2] 00 00} instead of {@code arg 1 = byte[2] 00 00}).
     *
     * @throws IllegalArgumentException unless there is exactly 3 labels, none blank
     */
    public Checker3<A, B, C> labels(String... names) {
        spec.labels(3, names);
        return this;
    }

    /**
     * Runs the body on generated arguments; returns if every try passes, else throws the shrunk
     * failure as an {@link org.opentest4j.AssertionFailedError} (see {@link Property}).
     */
    public void check(Body<? super A, ? super B, ? super C> body) {
        Runner.check(spec, Property.all(a, b, c), adapt(body));
    }

    /** The kit's own tests read the result instead of the thrown report. */
    Result run(Body<? super A, ? super B, ? super C> body) {
        return new Runner(spec, Property.all(a, b, c), adapt(body)).run();
    }

    Spec spec() {
        return spec;
    }

    @SuppressWarnings("unchecked")
    private Runner.Body adapt(Body<? super A, ? super B, ? super C> body) {
        return args -> body.accept((A) args.get(0), (B) args.get(1), (C) args.get(2));
    }
}
