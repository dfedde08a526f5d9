package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseRegionsTest {

    static final String REFERENCE = """
            package ch04.x;

            // SOLUTION 9.1a
            import java.util.Objects;
            // SKELETON
            // import workbook.NotStartedException;
            // END 9.1a

            public final class Sample {
                public static int first(int x) {
                    // SOLUTION 9.1a
                    Objects.requireNonNull(x);
                    return x + 1;
                    // END 9.1a
                }

                public static int second(int y) {
                    // SOLUTION 9.1b
                    return y * 2;
                    // END 9.1b
                }
            }
            """;

    @Test
    void should_find_each_region_between_the_lines_around_it_in_the_reference() {
        List<ExerciseRegions.Region> regions = ExerciseRegions.of(REFERENCE);

        assertThat(regions).extracting(ExerciseRegions.Region::exercise).containsExactly("9.1a", "9.1a", "9.1b");
        assertThat(regions.get(1).before()).isEqualTo("    public static int first(int x) {");
        assertThat(regions.get(1).after()).isEqualTo("    }");
        assertThat(regions.get(1).solution()).containsExactly("        Objects.requireNonNull(x);", "        return x + 1;");
    }

    @Test
    void should_place_a_line_of_a_students_file_in_its_exercise_however_long_the_students_code() {
        // GIVEN a student's file whose first method grew, with a closing brace of its own deeper in
        String student = """
                package ch04.x;

                import java.util.List;

                public final class Sample {
                    public static int first(int x) {
                        if (x > 0) {
                            return x + 1;
                        }
                        int broken = ;
                        return 1;
                    }

                    public static int second(int y) {
                        return y * 2 oops;
                    }
                }
                """;
        // WHEN the reference's regions are placed in it
        List<ExerciseRegions.Located> located = ExerciseRegions.locate(ExerciseRegions.of(REFERENCE), student);

        // THEN the compile errors on lines 10 and 15 belong to 9.1a and 9.1b, the class line to none
        assertThat(located).hasSize(3);
        assertThat(ExerciseRegions.exerciseAt(located, 10)).contains("9.1a");
        assertThat(ExerciseRegions.exerciseAt(located, 3)).as("the import region").contains("9.1a");
        assertThat(ExerciseRegions.exerciseAt(located, 15)).contains("9.1b");
        assertThat(ExerciseRegions.exerciseAt(located, 5)).isEmpty();
    }

    @Test
    void should_leave_out_a_region_whose_anchor_the_student_changed() {
        String student = REFERENCE.replace("public static int second(int y) {", "public static long second(long y) {");

        List<ExerciseRegions.Located> located = ExerciseRegions.locate(ExerciseRegions.of(REFERENCE), student);

        assertThat(located).extracting(l -> l.region().exercise()).containsExactly("9.1a", "9.1a");
    }
}
