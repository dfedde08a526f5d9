package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A changed signature, as the grader meets it: the tests were compiled against the skeleton, the
 * student's code declares something else, and the JVM throws a linkage error where a test calls it.
 * The messages below are the JVM's own (JDK 21 to 25) for the code in each test's comment.
 */
class SignatureChangeTest {

    private static Catalogue catalogue() throws IOException {
        return CatalogueTest.parse(CatalogueTest.TWO_SECTIONS); // its files are in package x
    }

    private static String lesson(Throwable thrown) throws IOException {
        Throwable lesson = WorkbookExtension.lesson(Optional.of("9.1a"), "T#t", thrown, catalogue());
        assertThat(lesson).isInstanceOf(AssertionFailedError.class).hasRootCause(root(thrown));
        return lesson.getMessage();
    }

    private static Throwable root(Throwable t) {
        return t.getCause() == null ? t : root(t.getCause());
    }

    @Test
    void should_name_the_parameters_and_return_type_the_tests_expected_for_a_method_whose_parameters_changed()
            throws IOException {
        // the skeleton's readUntilEof(InputStream, int, ChunkSink), the student's readUntilEof(InputStream, int)
        Throwable thrown = new NoSuchMethodError("'long x.First.readUntilEof(java.io.InputStream, int, x.First$ChunkSink)'");

        assertThat(lesson(thrown))
                .startsWith("the exercise's signature was changed: expected `readUntilEof(InputStream, int, First.ChunkSink)`"
                        + " returning `long` in `First`.")
                .contains("java.lang.NoSuchMethodError: 'long x.First.readUntilEof(")
                .contains("\n=> Exercise 9.1a (Do the first thing): reread exercises.md#91a-do-the-first-thing");
    }

    @Test
    void should_find_the_linkage_error_deep_in_the_cause_chain_as_a_property_or_a_future_wraps_it() throws IOException {
        Throwable thrown = new AssertionError("Property T#t failed on try 1", new ExecutionException(
                new NoSuchMethodError("'void x.First.<init>(int)'")));

        assertThat(lesson(thrown)).startsWith("the exercise's signature was changed: expected `new First(int)` in `First`.");
    }

    @Test
    void should_say_what_changed_for_a_field_static_access_and_an_interface_method() throws IOException {
        // a public static final int LIMIT renamed
        assertThat(lesson(new NoSuchFieldError("Class x.Second does not have member field 'int LIMIT'")))
                .startsWith("the exercise's signature was changed: expected the field `LIMIT` of type `int` in `Second`.");
        // static removed
        assertThat(lesson(new IncompatibleClassChangeError("Expected static method 'void x.First.run()'")))
                .startsWith("the exercise's signature was changed: expected `run()` in `First` to be static.");
        // static added
        assertThat(lesson(new IncompatibleClassChangeError("Expecting non-static method 'java.lang.String x.First.name()'")))
                .startsWith("the exercise's signature was changed: expected `name()` returning `String` in `First`"
                        + " to be an instance method, not static.");
        // made private
        assertThat(lesson(new IllegalAccessError("class x.FirstTest tried to access private method 'void x.First.run()'"
                + " (x.FirstTest and x.First are in unnamed module of loader 'app')")))
                .startsWith("the exercise's signature was changed: expected `run()` in `First` to be accessible to the"
                        + " tests, as in the skeleton (your code made it private).");
        // an implementation whose accept(byte[], int) became accept(byte[], long)
        assertThat(lesson(new AbstractMethodError("Receiver class x.Impl does not define or inherit an implementation of"
                + " the resolved method 'abstract void accept(byte[], int)' of interface x.First$Sink.")))
                .startsWith("the exercise's signature was changed: expected `accept(byte[], int)` in `First.Sink`"
                        + " to be implemented.");
    }

    @Test
    void should_say_a_class_the_tests_call_is_missing() throws IOException {
        Throwable thrown = new NoClassDefFoundError("x/Second");

        assertThat(lesson(thrown)).startsWith("the exercise's class `x.Second` is missing: the tests call it, and your"
                + " code no longer declares it");
    }

    @Test
    void should_leave_linkage_errors_outside_the_exercise_packages_and_failed_initialisers_alone() throws IOException {
        NoSuchMethodError library = new NoSuchMethodError("'void org.example.Lib.call(int)'");
        NoClassDefFoundError initialiser = new NoClassDefFoundError("Could not initialize class x.First");

        assertThat(WorkbookExtension.lesson(Optional.of("9.1a"), "T#t", library, catalogue())).isSameAs(library);
        assertThat(WorkbookExtension.lesson(Optional.of("9.1a"), "T#t", initialiser, catalogue())).isSameAs(initialiser);
        assertThat(WorkbookExtension.lesson(Optional.of("9.1a"), "T#t", new NoSuchMethodError("'void x.First.run()'"), null))
                .as("without a catalogue there are no exercise packages to blame").isInstanceOf(NoSuchMethodError.class);
    }
}
