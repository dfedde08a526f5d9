package workbook.property;

/** A function of four arguments, for {@link Gen#combine(Gen, Gen, Gen, Gen, Function4)}. */
@FunctionalInterface
public interface Function4<A, B, C, D, R> {
    R apply(A a, B b, C c, D d);
}
