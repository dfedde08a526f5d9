package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkeletonsTest {

    private static final Path FILE = Path.of("A.java");

    @Test
    void should_replace_a_region_without_a_skeleton_part_by_a_not_started_stub() {
        String reference = """
                int f() {
                    // SOLUTION 4.1a
                    return 42;
                    // END 4.1a
                }""";
        assertThat(Skeletons.skeletonOf(FILE, reference)).isEqualTo("""
                int f() {
                    throw new NotStartedException("4.1a");
                }""");
    }

    @Test
    void should_uncomment_the_skeleton_part_and_keep_everything_outside_regions() {
        String reference = """
                // SOLUTION 4.1b
                import java.util.List;
                // SKELETON
                // import workbook.NotStartedException;
                // END 4.1b
                /** Docs stay. */
                int g() {
                    // SOLUTION 4.1b
                    return List.of().size();
                    // SKELETON
                    // // Start from your 4.1a code.
                    //
                    // throw new NotStartedException("4.1b");
                    // END 4.1b
                }""";
        assertThat(Skeletons.skeletonOf(FILE, reference)).isEqualTo("""
                import workbook.NotStartedException;
                /** Docs stay. */
                int g() {
                    // Start from your 4.1a code.

                    throw new NotStartedException("4.1b");
                }""");
    }

    @Test
    void should_name_the_file_and_line_of_a_region_that_never_ends() {
        assertThatThrownBy(() -> Skeletons.skeletonOf(FILE, "x\n// SOLUTION 4.1a\ny\n"))
                .isInstanceOf(Skeletons.MarkerException.class)
                .hasMessage("A.java:2: SOLUTION 4.1a is never closed by END 4.1a");
    }

    @Test
    void should_reject_an_end_that_closes_another_region() {
        assertThatThrownBy(() -> Skeletons.skeletonOf(FILE, "// SOLUTION 4.1a\n// END 4.1b\n"))
                .isInstanceOf(Skeletons.MarkerException.class)
                .hasMessageContaining("A.java:2: END 4.1b does not close SOLUTION 4.1a");
    }

    @Test
    void should_reject_uncommented_lines_in_a_skeleton_part() {
        assertThatThrownBy(() -> Skeletons.skeletonOf(FILE, "// SOLUTION 4.1a\n// SKELETON\nreturn 1;\n// END 4.1a\n"))
                .isInstanceOf(Skeletons.MarkerException.class)
                .hasMessageContaining("A.java:3: a SKELETON line must be a // comment");
    }

    private static final String REFERENCE = """
            package p;
            // SOLUTION 4.1a
            import java.util.List;
            // SKELETON
            // import workbook.NotStartedException;
            // END 4.1a
            class A {
                int f() {
                    // SOLUTION 4.1a
                    return List.of().size();
                    // END 4.1a
                }
            }
            """;

    private static Path file(Path root, String tree, String text) throws IOException {
        Path file = root.resolve(tree).resolve("ch09/src/main/java/p/A.java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void should_find_no_drift_when_only_the_line_endings_differ(@TempDir Path root) throws IOException {
        // GIVEN a reference saved with CRLF, as a Windows clone with core.autocrlf=true or an editor
        // set to CRLF has it, and the skeleton the generator made, with LF
        file(root, "solutions", REFERENCE.replace("\n", "\r\n"));
        Skeletons.write(root);
        Path skeleton = root.resolve("chapters/ch09/src/main/java/p/A.java");
        assertThat(Files.readString(skeleton, StandardCharsets.UTF_8)).as("the skeleton is written with LF")
                .doesNotContain("\r").contains("import workbook.NotStartedException;\n");
        // WHEN checked, also with the skeleton itself in CRLF THEN there is no drift
        assertThat(Skeletons.drift(root)).isEmpty();
        Files.writeString(skeleton, Files.readString(skeleton, StandardCharsets.UTF_8).replace("\n", "\r\n"));
        assertThat(Skeletons.drift(root)).isEmpty();
    }

    @Test
    void should_still_find_a_real_difference_in_a_crlf_tree(@TempDir Path root) throws IOException {
        file(root, "solutions", REFERENCE.replace("\n", "\r\n"));
        Skeletons.write(root);
        Path skeleton = root.resolve("chapters/ch09/src/main/java/p/A.java");
        Files.writeString(skeleton, Files.readString(skeleton, StandardCharsets.UTF_8)
                .replace("\n", "\r\n").replace("class A", "class B"));
        assertThat(Skeletons.drift(root)).singleElement().asString()
                .endsWith("line 3 should be [class A {] but is [class B {]");
    }
}
