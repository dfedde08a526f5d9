package workbook.property;

/**
 * A property of two arguments, ready to {@link #check}; made by {@link Property#forAll}.
 * Not thread-safe; use it where it was made.
 */
public final class Checker2<A, B> {
    /** The property's body: assertions on the arguments; may throw anything. */
    @FunctionalInterface
    public interface Body<A, B> {
        void accept(A a, B b) throws Throwable;
    }

    private final Spec spec;
    private final Gen<A> a;
    private final Gen<B> b;

    Checker2(Spec spec, Gen<A> a, Gen<B> b) {
        this.spec = spec;
        this.a = a;
        this.b = b;
    }

    /** Runs {@code n} tries instead of the default (100, or {@code -Dproperty.tries}); {@code -Dproperty.thorough=true} still multiplies it by 10. */
    public Checker2<A, B> tries(int n) {
        spec.tries(n);
        return this;
    }

    /** Names the property in reports, seeds and stored failures instead of "Class#method". */
    public Checker2<A, B> named(String name) {
        spec.name(name);
        return this;
    }

    /**
     * Names the arguments in the failure report, in the order of the generators
     * ({@code payload = byte[2] 00 00} instead of {@code arg 1 = byte[2] 00 00}).
     *
     * @throws IllegalArgumentException unless there is exactly 2 labels, none blank
     */
    public Checker2<A, B> labels(String... names) {
        spec.labels(2, names);
        return this;
    }

    /**
     * Runs the body on generated arguments; returns if every try passes, else throws the shrunk
     * failure as an {@link org.opentest4j.AssertionFailedError} (see {@link Property}).
     */
    public void check(Body<? super A, ? super B> body) {
        Runner.check(spec, Property.all(a, b), adapt(body));
    }

    /** The kit's own tests read the result instead of the thrown report. */
    Result run(Body<? super A, ? super B> body) {
        return new Runner(spec, Property.all(a, b), adapt(body)).run();
    }

    Spec spec() {
        return spec;
    }

    @SuppressWarnings("unchecked")
    private Runner.Body adapt(Body<? super A, ? super B> body) {
        return args -> body.accept((A) args.get(0), (B) args.get(1));
    }
}
