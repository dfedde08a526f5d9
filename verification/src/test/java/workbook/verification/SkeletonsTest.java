package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
