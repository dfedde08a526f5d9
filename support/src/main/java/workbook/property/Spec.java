package workbook.property;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** What a checker was told about one property, before it runs. Mutable; one per forAll call. */
final class Spec {
    static final int MAX_SHRINK_REPLAYS = 20_000;

    final TestId test;              // the test it runs in, for the replay command
    TestIdentity.Invocation invocation; // that test's invocation, or null outside JUnit: names are claimed in it
    String name;                    // shown in reports; seeds and stored failures are keyed by it
    Integer tries;                  // null: the default (system properties)
    Long seed;                      // null: from the system properties or the name
    FailureStore store = new FailureStore(FailureStore.DEFAULT_DIRECTORY); // null: remember nothing
    boolean edgeRounds = true;      // false: no systematic edge tries (the kit's tests, to shrink from random starts)
    int maxShrinkReplays = MAX_SHRINK_REPLAYS;
    Duration maxShrinkTime;         // null: Settings.shrinkTime() (3 s, -Dproperty.shrinkSeconds)
    Duration maxTryTime;            // null: Settings.tryTime() (5 s, -Dproperty.maxTrySeconds)
    List<String> labels;            // null: "arg 1", "arg 2", … in reports
    LongSupplier clock = System::nanoTime; // the budgets' clock; the kit's tests drive a fake one instead of sleeping

    Spec(TestId test, TestIdentity.Invocation invocation) {
        this.test = test;
        this.invocation = invocation;
        this.name = test.propertyName();
    }

    /** A property of the test running now. */
    static Spec ofCurrentTest() {
        TestIdentity.Invocation invocation = TestIdentity.invocation();
        return new Spec(invocation != null ? invocation.test : TestIdentity.fromStack(), invocation);
    }

    Duration shrinkTime() {
        return maxShrinkTime != null ? maxShrinkTime : Settings.shrinkTime();
    }

    Duration tryTime() {
        return maxTryTime != null ? maxTryTime : Settings.tryTime();
    }

    void tries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tries must be at least 1, got " + n);
        }
        tries = n;
    }

    void name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a property name must not be blank");
        }
        this.name = name;
    }

    void labels(int arity, String... names) {
        if (names == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (names.length != arity) {
            throw new IllegalArgumentException("this property has " + arity + " argument" + (arity == 1 ? "" : "s")
                    + " but got " + names.length + " label" + (names.length == 1 ? "" : "s") + ": one label per generator, in order");
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a label must not be blank");
            }
        }
        labels = List.of(names);
    }

    /** The label of argument {@code index} (0-based) in reports. */
    String label(int index) {
        return labels != null ? labels.get(index) : "arg " + (index + 1);
    }

    /**
     * Takes the name for this property in its test, before it runs: two properties of one name
     * in one test would share a saved failure. A property that saves nothing shares nothing.
     */
    void claimName() {
        if (invocation != null && store != null) {
            invocation.claim(name);
        }
    }
}
