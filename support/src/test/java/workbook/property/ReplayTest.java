package workbook.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static workbook.property.Property.forAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A report's replay command must run the property that failed, and fail the same way, wherever
 * {@code forAll} is called from: the sample tests below run through the real JUnit engine (with
 * the chapters' settings: extensions autodetected, SEPARATE_THREAD timeouts), and every command
 * they print is replayed by selecting the class and method it names, with its seed.
 * ({@code .ci/replay} does the same with Maven and Surefire on a broken reference.)
 */
class ReplayTest {
    /** Where the sample properties save their failures: a fresh directory per test. */
    static Path store;

    @TempDir
    Path failures;

    @BeforeEach
    void isolateTheStore() {
        store = failures;
    }

    @AfterEach
    void forgetTheStore() {
        store = null;
        System.clearProperty("property.seed");
    }

    /** The samples' properties save into {@link #store} instead of the module's target directory. */
    static <C extends Checker<C>> C isolated(C checker) {
        checker.spec().store = new FailureStore(store);
        return checker;
    }

    // Sample tests for the engine below. Surefire does not run nested classes on their own.

    /** A contract: each design's test class inherits the test, as the chapter's decoder tests do. */
    interface Contract {
        int limit();

        @Test
        default void should_stay_under_the_limit() {
            Runnable property = () -> Helper.belowLimit(limit()); // forAll in a helper, called from a lambda
            property.run();
        }
    }

    static final class Helper {
        static void belowLimit(int limit) {
            isolated(forAll(Gen.integers(0, 1000)).labels("n")).check(n -> assertThat(n).isLessThan(limit));
        }
    }

    static class FirstDesign implements Contract {
        @Override
        public int limit() {
            return 100;
        }
    }

    static class SecondDesign implements Contract {
        @Override
        public int limit() {
            return 200;
        }
    }

    static class InALambda {
        @Test
        void should_fail_in_a_lambda() {
            List.of(300).forEach(limit ->
                    isolated(forAll(Gen.integers(0, 1000)).labels("n")).check(n -> assertThat(n).isLessThan(limit)));
        }
    }

    static class TwoOfOneName {
        @Test
        void should_run_two_properties() {
            isolated(forAll(Gen.integers(0, 9))).check(n -> assertThat(n).isNotNegative());
            isolated(forAll(Gen.booleans())).check(b -> assertThat(b).isIn(true, false));
        }
    }

    static class Parameterized {
        @ParameterizedTest
        @ValueSource(ints = {10, 20})
        void should_stay_under(int limit) {
            isolated(forAll(Gen.integers(0, 1000)).labels("n")).check(n -> assertThat(n).isLessThan(limit));
        }
    }

    private static final Pattern REPLAY = Pattern.compile("Replay: .* -Dtest='([^'#]+)#([^']+)' -Dproperty\\.seed=(\\d+)");

    /** Runs {@code selectors} as the chapters run tests; returns the messages of the failed tests. */
    private static List<String> failureMessages(boolean extensions, DiscoverySelector... selectors) throws InterruptedException {
        AtomicReference<List<String>> messages = new AtomicReference<>();
        // A thread of its own that inherits nothing: this test's own identity must not leak into the samples.
        Thread runner = Thread.ofPlatform().inheritInheritableThreadLocals(false).start(() -> messages.set(
                EngineTestKit.engine("junit-jupiter")
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", String.valueOf(extensions))
                        .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                        .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                        .selectors(selectors)
                        .execute()
                        .testEvents()
                        .failed()
                        .stream()
                        .map(ReplayTest::message)
                        .toList()));
        runner.join();
        return messages.get();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    private static String counterexample(String message) {
        return message.substring(message.indexOf("Counterexample:"), message.indexOf("Failure:"));
    }

    /**
     * Replays {@code message}'s command: the class and method it names, with its seed. Asserts
     * the class is a test class (a command that names a helper or a contract would select nothing)
     * and that the replay fails with the same counterexample.
     */
    private static void assertReplays(String message) throws Exception {
        Matcher replay = REPLAY.matcher(message);
        assertThat(replay.find()).as("a -Dtest replay command in %s", message).isTrue();
        Class<?> testClass = Class.forName(ReplayTest.class.getPackageName() + "." + replay.group(1));
        assertThat(TestIdentity.isTest(testClass, replay.group(2)))
                .as("%s names a class that has a test %s", replay.group(0), replay.group(2)).isTrue();
        System.setProperty("property.seed", replay.group(3));
        List<String> replayed = failureMessages(true, selectMethod(testClass, replay.group(2)));
        System.clearProperty("property.seed");
        assertThat(replayed).as("the replay of %s", replay.group(0)).singleElement()
                .satisfies(again -> assertThat(counterexample(again)).isEqualTo(counterexample(message)));
    }

    @Test
    @DisplayName("a property in a contract names the concrete test class, also from a helper and a lambda, and its replay fails the same way")
    void should_name_the_class_that_inherits_the_contract() throws Exception {
        // GIVEN two test classes that inherit one failing property from a contract
        // WHEN the engine runs them
        List<String> messages = failureMessages(true, selectClass(FirstDesign.class), selectClass(SecondDesign.class));

        // THEN each report names its own class, and each replay runs that class's test and fails the same way
        assertThat(messages).hasSize(2);
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .startsWith("Property ReplayTest$FirstDesign#should_stay_under_the_limit failed")
                .contains("  n = 100\n", "-Dtest='ReplayTest$FirstDesign#should_stay_under_the_limit'"));
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .startsWith("Property ReplayTest$SecondDesign#should_stay_under_the_limit failed")
                .contains("  n = 200\n", "-Dtest='ReplayTest$SecondDesign#should_stay_under_the_limit'"));
        for (String message : messages) {
            assertReplays(message);
        }
    }

    @Test
    @DisplayName("the designs that share a contract keep a saved failure each")
    void should_save_a_failure_per_test_class() throws Exception {
        failureMessages(true, selectClass(FirstDesign.class), selectClass(SecondDesign.class));

        try (Stream<Path> files = Files.list(store)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "ReplayTest$FirstDesign#should_stay_under_the_limit.choices",
                    "ReplayTest$SecondDesign#should_stay_under_the_limit.choices");
        }
    }

    @Test
    @DisplayName("a property run from a lambda names the test method around it")
    void should_name_the_test_around_a_lambda() throws Exception {
        List<String> messages = failureMessages(true, selectClass(InALambda.class));

        assertThat(messages).singleElement().satisfies(m ->
                assertThat(m).startsWith("Property ReplayTest$InALambda#should_fail_in_a_lambda failed").contains("  n = 300\n"));
        assertReplays(messages.get(0));
    }

    @Test
    @DisplayName("without the kit's extension a guess from the stack that is no test prints the seed, not a dead -Dtest")
    void should_not_print_a_dead_command_without_the_extension() throws Exception {
        // GIVEN the extension is not registered, so the kit can only read the stack
        List<String> messages = new ArrayList<>(failureMessages(false, selectClass(FirstDesign.class), selectClass(InALambda.class)));

        // THEN the contract's default method (an interface: -Dtest would select nothing) gets no -Dtest
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .contains("Replay: add -Dproperty.seed=")
                .contains("(ReplayTest$Contract#should_stay_under_the_limit is not a test that -Dtest could select)")
                .doesNotContain("-Dtest="));
        // AND a test method that is its own class's still gets a command that works
        String lambda = messages.stream().filter(m -> m.contains("InALambda")).findFirst().orElseThrow();
        assertReplays(lambda);
    }

    @Test
    @DisplayName("two properties of one name in one test are an error that asks for .named")
    void should_refuse_two_properties_of_one_name_in_one_test() throws Exception {
        assertThat(failureMessages(true, selectClass(TwoOfOneName.class))).singleElement().asString()
                .contains("Two properties in ReplayTest$TwoOfOneName#should_run_two_properties are both named")
                .contains(".named(");
    }

    @Test
    @DisplayName("each run of a parameterized test is a property of its own: its own name, seed and saved failure")
    void should_name_each_invocation_of_a_parameterized_test() throws Exception {
        List<String> messages = failureMessages(true, selectClass(Parameterized.class));

        assertThat(messages).hasSize(2);
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Property ReplayTest$Parameterized#should_stay_under[1] failed")
                .contains("  n = 10\n", "-Dtest='ReplayTest$Parameterized#should_stay_under'"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Property ReplayTest$Parameterized#should_stay_under[2] failed")
                .contains("  n = 20\n"));
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    @DisplayName("an invocation's index comes from JUnit's unique id")
    void should_read_the_invocation_from_the_unique_id() {
        assertThat(PropertyExtension.invocationOf("[engine:junit-jupiter]/[class:a.B]/[method:m()]")).isEmpty();
        assertThat(PropertyExtension.invocationOf("[engine:junit-jupiter]/[class:a.B]/[test-template:m(int)]/[test-template-invocation:#3]"))
                .isEqualTo("[3]");
        assertThat(PropertyExtension.invocationOf("[engine:junit-jupiter]/[class:a.B]/[test-factory:f()]/[dynamic-container:#1]/[dynamic-test:#2]"))
                .isEqualTo("[1][2]");
    }

    @Test
    @DisplayName("a class is a test -Dtest can select only if it is concrete and has a @Test method of that name, its own or inherited")
    void should_tell_a_test_from_a_helper() {
        assertThat(TestIdentity.isTest(FirstDesign.class, "should_stay_under_the_limit")).isTrue();
        assertThat(TestIdentity.isTest(Parameterized.class, "should_stay_under")).isTrue();
        assertThat(TestIdentity.isTest(Contract.class, "should_stay_under_the_limit")).as("an interface").isFalse();
        assertThat(TestIdentity.isTest(Helper.class, "belowLimit")).as("a helper").isFalse();
        assertThat(TestIdentity.isTest(FirstDesign.class, "limit")).as("not a test method").isFalse();
    }
}
