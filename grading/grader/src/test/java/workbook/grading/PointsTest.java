package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;

class PointsTest {

    @Test
    void should_give_one_point_where_the_catalogue_gives_none() throws IOException {
        assertThat(Points.parse(GradebookTest.CATALOGUE, GradebookTest.catalogue()))
                .containsExactly(java.util.Map.entry("9.1a", 3), java.util.Map.entry("9.1b", 1), java.util.Map.entry("9.2a", 1));
    }

    @Test
    void should_name_the_line_of_points_that_are_not_a_whole_number_in_range() throws IOException {
        String bad = GradebookTest.CATALOGUE.replace("points: 3", "points: 2.5");

        assertThat(Thrown.by(() -> Points.parse(bad, GradebookTest.catalogue())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workbook/catalogue.txt:6: points of 9.1a must be a whole number from 1 to 100, found '2.5'");
    }
}
