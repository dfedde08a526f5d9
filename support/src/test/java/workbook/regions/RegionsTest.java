package workbook.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.fixtures.Thrown;

public class RegionsTest {

    /** A reference file with an import region of 9.1b and two method regions, 9.1a then 9.1b. */
    public static final String REFERENCE = """
            package x;

            // SOLUTION 9.1b
            import java.util.Arrays;
            // SKELETON
            // import workbook.NotStartedException;
            // END 9.1b

            public final class First {

                public static int first(int n) {
                    // SOLUTION 9.1a
                    return n + 1;
                    // END 9.1a
                }

                public static boolean second(byte[] a, byte[] b) {
                    // SOLUTION 9.1b
                    return Arrays.equals(a, b);
                    // SKELETON
                    // // compare the bytes, not the arrays
                    // throw new NotStartedException("9.1b");
                    // END 9.1b
                }
            }
            """;

    public static final String SKELETON = """
            package x;

            import workbook.NotStartedException;

            public final class First {

                public static int first(int n) {
                    throw new NotStartedException("9.1a");
                }

                public static boolean second(byte[] a, byte[] b) {
                    // compare the bytes, not the arrays
                    throw new NotStartedException("9.1b");
                }
            }
            """;

    private static final Regions REGIONS = Regions.of("x/First.java", REFERENCE);

    @Test
    void should_make_the_skeleton_and_the_reference_without_markers() {
        assertThat(REGIONS.skeleton(id -> true)).isEqualTo(SKELETON);
        assertThat(REGIONS.skeleton(id -> false)).doesNotContain("// SOLUTION", "// END", "NotStartedException")
                .contains("import java.util.Arrays;", "return n + 1;", "return Arrays.equals(a, b);");
        assertThat(REGIONS.ids()).containsExactly("9.1b", "9.1a");
    }

    @Test
    void should_stub_only_the_exercises_asked_for() {
        String partial = REGIONS.skeleton(id -> id.equals("9.1a"));

        assertThat(partial).contains("throw new NotStartedException(\"9.1a\");", "return Arrays.equals(a, b);")
                .doesNotContain("return n + 1;");
    }

    @Test
    void should_place_each_region_in_a_students_file_that_grew_code_and_imports() {
        // GIVEN a student who solved 9.1a in three lines, and added an import after the region's place
        List<String> student = new ArrayList<>(Regions.lines(SKELETON));
        int stub = student.indexOf("        throw new NotStartedException(\"9.1a\");");
        student.set(stub, "        int m = n;");
        student.add(stub + 1, "        m++;");
        student.add(stub + 2, "        return m;");
        student.add(3, "import java.util.List;");

        // WHEN
        List<Regions.Span> spans = REGIONS.locate(student);

        // THEN
        assertThat(spans).extracting(s -> s.region().id()).containsExactly("9.1b", "9.1a", "9.1b");
        assertThat(spans.get(0).lines(student)).containsExactly("import workbook.NotStartedException;", "import java.util.List;");
        assertThat(spans.get(1).lines(student)).containsExactly("        int m = n;", "        m++;", "        return m;");
        assertThat(spans.get(2).lines(student)).containsExactly("        // compare the bytes, not the arrays",
                "        throw new NotStartedException(\"9.1b\");");
    }

    @Test
    void should_reset_one_exercise_and_keep_the_others_work() {
        // GIVEN the reference's code as the student's: both exercises solved, the stub's import gone
        List<String> solved = Regions.lines(REGIONS.skeleton(id -> false));

        // WHEN 9.1a is reset
        String reset = String.join("\n", REGIONS.reset(solved, "9.1a"));

        // THEN 9.1a is the stub again, 9.1b keeps its code, and the stub's import is back
        assertThat(reset).contains("throw new NotStartedException(\"9.1a\");", "return Arrays.equals(a, b);",
                "import java.util.Arrays;", "import workbook.NotStartedException;").doesNotContain("return n + 1;");
        assertThat(REGIONS.locate(Regions.lines(reset))).hasSize(3);
    }

    @Test
    void should_reset_every_region_of_an_exercise_to_exactly_the_skeleton() {
        List<String> solved = Regions.lines(REGIONS.skeleton(id -> false));

        List<String> reset = REGIONS.reset(REGIONS.reset(solved, "9.1a"), "9.1b");

        assertThat(String.join("\n", reset)).isEqualTo(SKELETON);
    }

    @Test
    void should_name_the_region_whose_surroundings_are_gone() {
        List<String> student = new ArrayList<>(Regions.lines(SKELETON));
        student.removeIf(l -> l.contains("public static boolean second"));
        student.removeIf(l -> l.contains("public static int first"));

        Throwable thrown = Thrown.by(() -> REGIONS.locate(student));

        assertThat(thrown).isInstanceOf(Regions.RegionException.class).hasMessageContaining("9.1a")
                .hasMessageContaining("x/First.java");
    }

    @Test
    void should_refuse_markers_that_do_not_pair_up() {
        Throwable thrown = Thrown.by(() -> Regions.of("y.java", "// SOLUTION 1.1a\nx\n// END 1.1b\n"));

        assertThat(thrown).isInstanceOf(Regions.RegionException.class).hasMessage("y.java:3: END 1.1b does not close SOLUTION 1.1a");
    }

    @Test
    void should_print_a_unified_diff_with_context_and_line_numbers() {
        List<String> old = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n");
        List<String> changed = List.of("a", "b", "c", "D", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o");

        String diff = UnifiedDiff.of("mine/F.java", old, 10, "ref/F.java", changed, 20);

        assertThat(diff).isEqualTo("""
                --- mine/F.java
                +++ ref/F.java
                @@ -10,7 +20,7 @@
                 a
                 b
                 c
                -d
                +D
                 e
                 f
                 g
                @@ -21,3 +31,4 @@
                 l
                 m
                 n
                +o
                """);
        assertThat(UnifiedDiff.of("a", old, 1, "b", old, 1)).isEmpty();
        // changes 6 unchanged lines apart share one hunk, as diff -u prints them
        assertThat(UnifiedDiff.of("a", old.subList(0, 10), 1, "b", changed.subList(0, 10), 1)).contains("@@ -1,7 +1,7 @@");
        assertThat(UnifiedDiff.of("a", List.of("x", "y", "z"), 1, "b", List.of("z"), 1)).endsWith("@@ -1,3 +1 @@\n-x\n-y\n z\n");
    }

    @Test
    void should_compare_and_reset_an_exercise_across_every_file_it_spans(@TempDir Path dir) throws IOException {
        // GIVEN a reference tree where 9.1b spans two files, and a student's tree with 9.1b written differently
        Path reference = dir.resolve("ref");
        Path student = dir.resolve("mine");
        write(reference.resolve("x/First.java"), REFERENCE);
        write(reference.resolve("x/Second.java"), "package x;\n\nclass Second {\n    int two() {\n        // SOLUTION 9.1b\n"
                + "        return 2;\n        // END 9.1b\n    }\n}\n");
        write(reference.resolve("x/Plain.java"), "package x;\n\nclass Plain {\n}\n");
        Tree tree = Tree.of(reference);
        write(student.resolve("x/First.java"), REGIONS.skeleton(id -> false).replace("Arrays.equals(a, b)", "a == b"));
        write(student.resolve("x/Second.java"), "package x;\n\nclass Second {\n    int two() {\n        return 1 + 1;\n    }\n}\n");

        // WHEN
        String diff = tree.compare(student, "9.1b", "yours", "reference");
        var reset = tree.reset(student, "9.1b");

        // THEN only 9.1b's lines, from both files; the reset touches both files and nothing of 9.1a
        assertThat(tree.files()).containsOnlyKeys("x/First.java", "x/Second.java");
        assertThat(tree.filesOf("9.1b")).containsExactly("x/First.java", "x/Second.java");
        assertThat(diff).contains("--- yours/x/First.java", "+++ reference/x/First.java", "-        return a == b;",
                "+        return Arrays.equals(a, b);", "--- yours/x/Second.java", "-        return 1 + 1;", "+        return 2;")
                .doesNotContain("return n + 1;");
        assertThat(reset).containsOnlyKeys("x/First.java", "x/Second.java");
        assertThat(reset.get("x/First.java")).contains("return n + 1;", "throw new NotStartedException(\"9.1b\");");
        assertThat(reset.get("x/Second.java")).contains("throw new NotStartedException(\"9.1b\");");
        assertThat(tree.exerciseAt("x/First.java", Regions.lines(REGIONS.skeleton(id -> false)), 8)).contains("9.1a");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Two exercises' imports, one region right after the other, as 4.5's Proxy.java has them. */
    static final String ADJACENT = """
            package x;

            import java.io.IOException;
            // SOLUTION 9.3a
            import java.io.InputStream;
            // SKELETON
            // END 9.3a
            // SOLUTION 9.3b
            import java.util.Objects;
            // SKELETON
            // import workbook.NotStartedException;
            // END 9.3b

            class Both {
                int a(Object in) throws IOException {
                    // SOLUTION 9.3a
                    return ((InputStream) in).read();
                    // END 9.3a
                }

                Object b(Object o) {
                    // SOLUTION 9.3b
                    return Objects.requireNonNull(o);
                    // END 9.3b
                }
            }
            """;

    @Test
    void should_share_one_span_between_regions_with_no_line_between_them() {
        Regions regions = Regions.of("x/Both.java", ADJACENT);
        List<String> solved = Regions.lines(regions.skeleton(id -> false));

        List<Regions.Span> spans = regions.locate(solved);

        assertThat(spans.get(0).from()).isEqualTo(spans.get(1).from());
        assertThat(spans.get(0).to()).isEqualTo(spans.get(1).to());
        assertThat(spans.get(0).lines(solved)).containsExactly("import java.io.InputStream;");
        assertThat(spans.get(1).lines(solved)).containsExactly("import java.util.Objects;");
    }

    @Test
    void should_keep_an_import_of_the_reset_exercise_that_another_solved_exercise_uses() {
        // GIVEN 9.3b's solved code uses InputStream too, which 9.3a's import region holds
        Regions regions = Regions.of("x/Both.java", ADJACENT.replace("return Objects.requireNonNull(o);",
                "return Objects.requireNonNull((InputStream) o);"));
        List<String> solved = Regions.lines(regions.skeleton(id -> false));

        // WHEN 9.3a is reset, then 9.3b
        List<String> resetA = regions.reset(solved, "9.3a");
        List<String> resetBoth = regions.reset(resetA, "9.3b");

        // THEN the import stays while 9.3b's code needs it, and goes with 9.3b's code
        assertThat(resetA).contains("import java.io.InputStream;", "        throw new NotStartedException(\"9.3a\");");
        assertThat(String.join("\n", resetBoth)).isEqualTo(regions.skeleton(id -> true));
    }

    @Test
    void should_reset_one_of_two_adjacent_regions_and_keep_the_other() {
        Regions regions = Regions.of("x/Both.java", ADJACENT);
        List<String> solved = Regions.lines(regions.skeleton(id -> false));

        String resetB = String.join("\n", regions.reset(solved, "9.3b"));
        String resetBoth = String.join("\n", regions.reset(regions.reset(solved, "9.3a"), "9.3b"));

        assertThat(resetB).isEqualTo(regions.skeleton("9.3b"::equals));
        assertThat(resetBoth).isEqualTo(regions.skeleton(id -> true));
    }
}
