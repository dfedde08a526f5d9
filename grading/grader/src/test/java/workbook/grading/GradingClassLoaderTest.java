package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trick, at the level where the grader stops it: a student's {@code Checker3} whose
 * {@code check} runs nothing. The sources are compiled as the grader compiles a student's (the
 * Eclipse compiler, in proceed-on-error mode) but straight into the student's classes, past the
 * intake that would have refused them, to show that the class loading order alone keeps the kit's.
 */
class GradingClassLoaderTest {

    @TempDir
    static Path dir;
    static Path tests;
    static Path student;

    private static final Map<String, String> STUDENT = Map.of(
            "workbook/property/Checker3.java", """
                    package workbook.property;

                    /** A student's Checker3: check() runs nothing, so every property of three arguments passes. */
                    public final class Checker3<A, B, C> extends Checker<Checker3<A, B, C>> {
                        public interface Body<A, B, C> {
                            void accept(A a, B b, C c) throws Throwable;
                        }

                        Checker3(Spec spec, Gen<A> a, Gen<B> b, Gen<C> c) {
                            super(spec, a, b, c);
                        }

                        public void check(Body<? super A, ? super B, ? super C> body) {
                        }
                    }
                    """,
            "org/junit/jupiter/api/Assertions.java", """
                    package org.junit.jupiter.api;

                    public final class Assertions {
                        public static final String WHOSE = "the student's";
                    }
                    """,
            "ch04/x/ShadowTest.java", """
                    package ch04.x;

                    public class ShadowTest {
                        public static final String WHOSE = "the student's";
                    }
                    """,
            "ch04/x/Answer.java", """
                    package ch04.x;

                    public class Answer {
                        static int value() {
                            return 42;
                        }
                    }
                    """);

    private static final Map<String, String> TESTS = Map.of(
            "ch04/x/ShadowTest.java", """
                    package ch04.x;

                    public class ShadowTest {
                        public static final String WHOSE = "the tests'";

                        public static int reach() {
                            return Answer.value(); // package-private: the tests and the student's code share a package
                        }
                    }
                    """,
            "ch04/x/Answer.java", """
                    package ch04.x;

                    public class Answer {
                        static int value() {
                            return 0;
                        }
                    }
                    """);

    @BeforeAll
    static void compile() throws IOException {
        student = compile("student", STUDENT, List.of(classPathOf(workbook.property.Property.class)));
        Path testClasses = compile("tests", TESTS, List.of());
        // the tests hold the test class only; Answer.class compiled along is the student's to give
        Files.delete(testClasses.resolve("ch04/x/Answer.class"));
        Files.writeString(testClasses.resolve("junit-platform.properties"), "from=the tests\n");
        Files.writeString(student.resolve("ch04/x/data.txt"), "the student's resource\n");
        tests = testClasses;
    }

    private static Path compile(String name, Map<String, String> sources, List<Path> classPath) throws IOException {
        Path src = dir.resolve(name + "-src");
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        Path classes = dir.resolve(name);
        List<Compiler.Problem> problems = Compiler.compile(src, Kit.javaFiles(src), classes, classPath, dir.resolve(name + ".txt"));
        // The Eclipse compiler sees that the kit's sealed Checker does not permit a Checker3 compiled
        // apart from it; in proceed-on-error mode it writes the class file all the same (javac, which
        // the trial used, compiles it without complaint).
        assertThat(problems).as("compile errors in the sample %s", name)
                .allSatisfy(p -> assertThat(p.message()).contains("is not a permitted subtype"));
        return classes;
    }

    private static Path classPathOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GradingClassLoader loader() {
        return new GradingClassLoader(tests, student, List.of("ch04."), GradingClassLoaderTest.class.getClassLoader());
    }

    @Test
    void should_load_the_kits_checker3_even_when_the_students_classes_hold_one() throws Exception {
        // GIVEN a student's classes folder that holds workbook/property/Checker3.class, a Checker3 that checks nothing
        assertThat(student.resolve("workbook/property/Checker3.class")).isRegularFile();
        // WHEN the grading loader loads the class the tests use
        Class<?> loaded = loader().loadClass("workbook.property.Checker3");
        // THEN it is the kit's own class, from the kit's class path
        assertThat(loaded).isSameAs(workbook.property.Checker3.class);
        assertThat(loaded.getProtectionDomain().getCodeSource().getLocation().toString())
                .doesNotContain(student.toString());
    }

    @Test
    void should_never_define_a_class_outside_the_exercise_packages_from_the_students_classes() {
        // GIVEN a student's org.junit.jupiter.api.Assertions (the parent has JUnit's)
        GradingClassLoader loader = loader();
        // WHEN the loader is asked for a class of a library that only the student's folder holds
        Throwable thrown = workbook.fixtures.Thrown.by(() -> loader.loadClass("org.junit.jupiter.api.Nope"));
        // THEN it refuses, and JUnit's own Assertions is the parent's
        assertThat(thrown).isInstanceOf(ClassNotFoundException.class).hasMessageContaining("outside the exercise packages");
        assertThat(workbook.fixtures.Thrown.by(() -> assertThat(loader.loadClass("org.junit.jupiter.api.Assertions"))
                .isSameAs(org.junit.jupiter.api.Assertions.class))).isNull();
    }

    @Test
    void should_prefer_the_tests_class_to_a_students_class_of_the_same_name_and_let_the_tests_reach_package_private_code()
            throws Exception {
        GradingClassLoader loader = loader();
        Class<?> test = loader.loadClass("ch04.x.ShadowTest");

        assertThat(test.getField("WHOSE").get(null)).isEqualTo("the tests'");
        assertThat(test.getMethod("reach").invoke(null)).as("the student's Answer.value(), package-private").isEqualTo(42);
        assertThat(loader.loadClass("ch04.x.Answer").getProtectionDomain().getCodeSource().getLocation().toString())
                .contains(student.getFileName().toString());
    }

    @Test
    void should_serve_resources_from_the_tests_and_the_kit_never_from_the_students_classes() {
        GradingClassLoader loader = loader();

        assertThat(loader.getResource("junit-platform.properties")).isNotNull();
        assertThat(loader.getResource("ch04/x/data.txt")).isNull();
        assertThat(loader.getResource("ch04/x/Answer.class")).as("the student's class files are no resources either").isNull();
    }
}
