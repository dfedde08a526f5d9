package workbook.property;

/**
 * A property of one argument, ready to {@link #check}; made by {@link Property#forAll}.
 * Not thread-safe; use it where it was made.
 */
public final class Checker1<T> {
    /** The property's body: assertions on the arguments; may throw anything. */
    @FunctionalInterface
    public interface Body<T> {
        void accept(T a) throws Throwable;
    }

    private final Spec spec;
    private final Gen<T> a;

    Checker1(Spec spec, Gen<T> a) {
        this.spec = spec;
        this.a = a;
    }

    /** Runs {@code n} tries instead of the default (100, or {@code -Dproperty.tries}); {@code -Dproperty.thorough=true} still multiplies it by 10. */
    public Checker1<T> tries(int n) {
        spec.tries(n);
        return this;
    }

    /** Names the property in reports, seeds and stored failures instead of "Class#method". */
    public Checker1<T> named(String name) {
        spec.name(name);
        return this;
    }

    /**
     * Names the argument in the failure report
     * ({@code payload = byte[2] 00 00} instead of {@code arg 1 = byte[2] 00 00}).
     *
     * @throws IllegalArgumentException unless there is exactly 1 label, none blank
     */
    public Checker1<T> labels(String... names) {
        spec.labels(1, names);
        return this;
    }

    /**
     * Runs the body on generated arguments; returns if every try passes, else throws the shrunk
     * failure as an {@link org.opentest4j.AssertionFailedError} (see {@link Property}).
     */
    public void check(Body<? super T> body) {
        Runner.check(spec, Property.all(a), adapt(body));
    }

    /** The kit's own tests read the result instead of the thrown report. */
    Result run(Body<? super T> body) {
        return new Runner(spec, Property.all(a), adapt(body)).run();
    }

    Spec spec() {
        return spec;
    }

    @SuppressWarnings("unchecked")
    private Runner.Body adapt(Body<? super T> body) {
        return args -> body.accept((T) args.get(0));
    }
}
