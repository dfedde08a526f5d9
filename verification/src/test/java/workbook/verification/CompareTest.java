package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.fixtures.Thrown;

class CompareTest {

    private static final String CHAPTER = "ch04-sending-tcp-data";

    @Test
    void should_show_an_exercise_across_every_file_it_spans_and_nothing_else() throws IOException {
        // GIVEN the pristine skeleton as a student's tree (this repository's chapters/)
        // WHEN 4.3e is compared with the reference
        String diff = Compare.compare(Chapters.ROOT, Chapters.ROOT, CHAPTER, "4.3e");

        // THEN each of its three files has a section, each region shows the reference's code against the stub
        assertThat(diff.lines().filter(l -> l.startsWith("--- reference/")).toList()).containsExactly(
                "--- reference/ch04/tlv/Binary.java", "--- reference/ch04/tlv/Decoder.java", "--- reference/ch04/tlv/Text.java");
        assertThat(diff).contains("+        throw new NotStartedException(\"4.3e\");")
                .doesNotContain("4.3f").doesNotContain("equals(");
    }

    @Test
    void should_say_the_code_is_the_references_and_say_where_the_student_moved_the_lines_around_a_region(@TempDir Path tree)
            throws IOException {
        // GIVEN a tree that holds the reference, with FixedBufferReader's signature changed
        Path sources = tree.resolve("chapters").resolve(CHAPTER).resolve("src/main/java");
        Files.createDirectories(sources.getParent());
        copy(Chapters.reference(CHAPTER).resolve("src/main/java"), sources);
        Path reader = sources.resolve("ch04/fixedbuffer/FixedBufferReader.java");
        Files.writeString(reader, Files.readString(reader).replace("int bufferSize, ChunkSink sink)", "int size, ChunkSink sink)"));

        assertThat(Compare.compare(Chapters.ROOT, tree, CHAPTER, "4.1c")).contains("(the same as the reference)")
                .doesNotContain("\n-").doesNotContain("\n+ ");
        assertThat(Compare.compare(Chapters.ROOT, tree, CHAPTER, "4.1a"))
                .contains("@@ (not found: the student changed the lines around it, `public static long readUntilEof(InputStream in,"
                        + " int bufferSize, ChunkSink sink) throws IOException {` ... `}`) @@")
                .contains("-        Objects.requireNonNull(in, \"in\");");
        assertThat(Thrown.by(() -> Compare.compare(Chapters.ROOT, tree, CHAPTER, "9.9z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no // SOLUTION 9.9z region in");
    }

    @Test
    void should_make_small_hunks_with_three_lines_of_context() {
        List<String> reference = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o");
        List<String> student = List.of("a", "b", "c", "d", "E", "f", "g", "h", "i", "j", "k", "l", "m", "n", "O");

        List<Integer> numbers = java.util.stream.IntStream.range(0, 15).boxed().toList();
        assertThat(Compare.diff(reference, numbers.stream().map(i -> i + 10).toList(), student,
                numbers.stream().map(i -> i + 20).toList(), "m()")).isEqualTo("""
                @@ -11,7 +21,7 @@ m()
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                @@ -21,4 +31,4 @@ m()
                 l
                 m
                 n
                -o
                +O
                """);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
