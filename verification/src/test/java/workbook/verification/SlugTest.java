package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void should_make_the_anchor_github_makes_for_an_exercise_heading() {
        assertThat(InstructorChecksTest.slug("4.1a: Read a stream to its end")).isEqualTo("41a-read-a-stream-to-its-end");
        assertThat(InstructorChecksTest.slug("4.3d: Refactor `decode`, no re-injection")).isEqualTo("43d-refactor-decode-no-re-injection");
    }
}
