package workbook.property;

/** A function of three arguments, for {@link Gen#combine(Gen, Gen, Gen, Function3)}. */
@FunctionalInterface
public interface Function3<A, B, C, R> {
    R apply(A a, B b, C c);
}
