package workbook.property;

import static workbook.property.Property.forAll;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Prints, never asserts, what the kit costs: timing asserts flake on a busy CI machine. */
class SpeedTest {
    @Test
    @DisplayName("1,000 tries of a cheap property take well under a second (printed)")
    void should_print_the_cost_of_1000_tries() {
        Gen<List<Integer>> gen = Gen.lists(Gen.integers(-1000, 1000), 0, 20);
        for (int round = 0; round < 3; round++) { // the first round includes class loading and JIT warm-up
            var checker = forAll(gen, Gen.bytes(0, 64)).tries(1000);
            checker.spec().store = null;
            long start = System.nanoTime();
            checker.check((list, bytes) -> {
                if (list.size() > 20 || bytes.length > 64) {
                    throw new AssertionError("out of range");
                }
            });
            System.out.printf("property kit: 1,000 tries of a cheap property took %.1f ms (round %d)%n",
                    (System.nanoTime() - start) / 1e6, round + 1);
        }
    }
}
