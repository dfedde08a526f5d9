package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    @TempDir
    Path sources;

    private void write(String file, String text) throws IOException {
        Path f = sources.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void should_take_the_exercise_packages_sources_and_refuse_what_could_shadow_the_kit() throws IOException {
        // GIVEN a tree with its exercise, a kit class of its own, one hidden in an exercise folder, a link and a note
        write("ch04/x/Answer.java", "/* licence */\npackage ch04.x;\nclass Answer {}\n");
        write("workbook/property/Checker3.java", "package workbook.property;\nclass Checker3 {}\n");
        write("ch04/x/Checker3.java", "// a comment\npackage workbook.property;\nclass Checker3 {}\n");
        write("ch04/x/notes.txt", "my notes");
        Files.createSymbolicLink(sources.resolve("ch04/x/Copied.java"), sources.resolve("ch04/x/Answer.java"));

        // WHEN the intake scans it
        Intake.Result result = Intake.scan(sources, "ch04/");

        // THEN only the exercise's own source is taken, and each refusal says why
        assertThat(result.accepted()).containsExactly("ch04/x/Answer.java");
        assertThat(result.refused()).extracting(Intake.Refused::file)
                .containsExactlyInAnyOrder("workbook/property/Checker3.java", "ch04/x/Checker3.java", "ch04/x/Copied.java");
        assertThat(result.refused()).filteredOn(r -> r.file().equals("workbook/property/Checker3.java")).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("outside the exercise packages (ch04.*)"));
        assertThat(result.refused()).filteredOn(r -> r.file().equals("ch04/x/Checker3.java")).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("declares package workbook.property in the folder of ch04.x"));
        assertThat(result.ignored()).containsExactly("ch04/x/notes.txt");
    }

    @Test
    void should_read_the_package_past_comments() {
        assertThat(Intake.declaredPackage("/* package evil; */\n// package worse;\npackage ch04.x;\n")).isEqualTo("ch04.x");
        assertThat(Intake.declaredPackage("class NoPackage {}")).isEmpty();
    }
}
