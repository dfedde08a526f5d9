package workbook.property;

import java.util.Arrays;
import java.util.List;

/**
 * What {@link Checker1}, {@link Checker2} and {@link Checker3} share: the property's settings and
 * its run. Each of them adds only the shape of its body (one, two or three arguments) and hands
 * the body to {@link #checkArgs} with the arguments in a list.
 *
 * @param <C> the checker itself, so {@code tries}, {@code named} and {@code labels} chain
 */
abstract sealed class Checker<C extends Checker<C>> permits Checker1, Checker2, Checker3 {
    final Spec spec;
    private final int arity;
    private final Gen<List<Object>> args;

    Checker(Spec spec, Gen<?>... gens) {
        this.spec = spec;
        this.arity = gens.length;
        this.args = source -> {
            Object[] values = new Object[gens.length];
            for (int i = 0; i < gens.length; i++) {
                values[i] = gens[i].generate(source);
            }
            return Arrays.asList(values);
        };
    }

    /**
     * Runs {@code n} tries instead of the default (100, or {@code -Dproperty.tries});
     * {@code -Dproperty.thorough=true} still multiplies it by 10.
     */
    public C tries(int n) {
        spec.tries(n);
        return self();
    }

    /**
     * Names the property in reports, seeds and saved failures instead of "Class#method". Needed
     * when one test runs two properties: each needs its own saved failure.
     */
    public C named(String name) {
        spec.name(name);
        return self();
    }

    /**
     * Names the arguments in the failure report, one label per generator, in order
     * ({@code payload = byte[2] 00 00} instead of {@code arg 1 = byte[2] 00 00}).
     *
     * @throws IllegalArgumentException unless there is one label per generator, none blank
     */
    public C labels(String... names) {
        spec.labels(arity, names);
        return self();
    }

    /** Runs the property on a body that takes the arguments as a list; throws the report if it fails. */
    final void checkArgs(Runner.Body body) {
        Runner.check(spec, args, body);
    }

    /** As {@link #checkArgs}, but returns what the run found: the kit's own tests read it instead of the report. */
    final Result runArgs(Runner.Body body) {
        return new Runner(spec, args, body).run();
    }

    final Spec spec() {
        return spec;
    }

    @SuppressWarnings("unchecked")
    private C self() {
        return (C) this;
    }
}
