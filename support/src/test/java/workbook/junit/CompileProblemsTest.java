package workbook.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileProblemsTest {

    /** What the Eclipse compiler writes with -log x.xml, cut to the parts that matter (one error, one warning). */
    static String log(Path source, Path classFile) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE compiler PUBLIC "-//Eclipse.org//DTD Eclipse JDT 3.2.006 Compiler//EN" "https://www.eclipse.org/jdt/core/compiler_32_006.dtd">
                <compiler name="Eclipse Compiler for Java(TM)" version="3.40.0">
                  <sources>
                    <source output="out" package="x" path="%s">
                      <problems errors="1" infos="0" problems="2" warnings="1">
                        <problem categoryID="20" charEnd="5" charStart="5" id="ParsingErrorInsertTokenAfter" line="12" problemID="1" severity="ERROR">
                          <message value="Syntax error on token &quot;=&quot;, Expression expected after this token"/>
                          <source_context sourceEnd="6" sourceStart="6" value="int x = ;"/>
                        </problem>
                        <problem categoryID="120" charEnd="1" charStart="0" id="UnusedImport" line="3" problemID="2" severity="WARNING">
                          <message value="The import java.io.IOException is never used"/>
                        </problem>
                      </problems>
                      <classfile path="%s"/>
                    </source>
                  </sources>
                </compiler>
                """.formatted(source, classFile);
    }

    @Test
    void should_read_the_errors_of_the_compilers_log_and_leave_the_warnings(@TempDir Path dir) throws IOException {
        Path classFile = Files.writeString(dir.resolve("C.class"), "");
        Path log = Files.writeString(dir.resolve("log.xml"), log(dir.resolve("src/x/C.java"), classFile), StandardCharsets.UTF_8);

        assertThat(CompileProblems.fromLog(log)).containsExactly(new CompileProblems.Problem(
                dir.resolve("src/x/C.java").toString(), 12, "Syntax error on token \"=\", Expression expected after this token"));
        assertThat(CompileProblems.fromLog(dir.resolve("none.xml"))).isEmpty();
    }

    @Test
    void should_ignore_a_log_older_than_the_classes_it_lists(@TempDir Path dir) throws IOException {
        // GIVEN the classes were compiled again (by javac, say) after the Eclipse compiler wrote its log
        Path classFile = Files.writeString(dir.resolve("C.class"), "");
        Path log = Files.writeString(dir.resolve("log.xml"), log(dir.resolve("src/x/C.java"), classFile), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(classFile, FileTime.fromMillis(Files.getLastModifiedTime(log).toMillis() + 60_000));

        assertThat(CompileProblems.fromLog(log)).isEmpty();
    }

    static final class Broken {
        static int code() {
            throw new Error("Unresolved compilation problem: \n\tx cannot be resolved to a variable\n");
        }
    }

    @Test
    void should_find_the_problem_a_test_ran_into_with_its_file_and_line() {
        Throwable thrown = null;
        try {
            Broken.code();
        } catch (Error e) {
            thrown = new ExecutionException(new IllegalStateException(e));
        }

        var problem = CompileProblems.fromThrown(thrown).orElseThrow();

        assertThat(problem.file()).isEqualTo("workbook/junit/CompileProblemsTest.java");
        assertThat(problem.line()).isPositive();
        assertThat(problem.message()).isEqualTo("x cannot be resolved to a variable");
        assertThat(CompileProblems.fromThrown(new AssertionError("expected 1"))).isEmpty();
        assertThat(CompileProblems.fromThrown(null)).isEmpty();
    }

    @Test
    void should_place_each_error_in_the_exercise_whose_region_holds_it(@TempDir Path dir) throws IOException {
        // GIVEN a reference with two regions in x/First.java, a student's copy, and errors inside each region and outside both
        Path reference = dir.resolve("ref");
        Path student = dir.resolve("src");
        Files.createDirectories(reference.resolve("x"));
        Files.createDirectories(student.resolve("x"));
        Files.writeString(reference.resolve("x/First.java"), workbook.regions.RegionsTest.REFERENCE);
        Files.writeString(student.resolve("x/First.java"), workbook.regions.RegionsTest.SKELETON);
        Catalogue catalogue = CatalogueTest.parse(CatalogueTest.TWO_SECTIONS);
        String file = student.resolve("x/First.java").toString();

        var placed = ProgressListener.place(catalogue, workbook.regions.Tree.of(reference), student, List.of(
                new CompileProblems.Problem(file, 8, "in 9.1a"), new CompileProblems.Problem(file, 12, "in 9.1b"),
                new CompileProblems.Problem(file, 5, "in the class line"),
                new CompileProblems.Problem(student.resolve("y/Other.java").toString(), 1, "elsewhere")));

        assertThat(placed.get("9.1a")).containsExactly("src/main/java/x/First.java:8: in 9.1a",
                "src/main/java/x/First.java:5: in the class line");
        assertThat(placed.get("9.1b")).containsExactly("src/main/java/x/First.java:12: in 9.1b");
        assertThat(placed.get("")).singleElement().asString().endsWith("y/Other.java:1: elsewhere");
    }
}
