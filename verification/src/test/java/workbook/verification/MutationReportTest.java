package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.verification.MutationReport.Entry;
import workbook.verification.MutationReport.Exercise;
import workbook.verification.MutationReport.Fate;
import workbook.verification.MutationReport.Mutant;

/** The mutation report: where a mutant belongs, what it changed in plain words, and when the gate fails. */
class MutationReportTest {

    private static final String CATALOGUE = """
            # comment
            [4.1a]
            section: 4.1 Reading into a fixed buffer
            title: Read a stream to its end
            file: ch04/fixedbuffer/FixedBufferReader.java

            [4.3d]
            section: 4.3 Type-length-value messages
            title: Port decode
            file: ch04/tlv/faithful/Decoder.java

            [4.3a]
            section: 4.3 Type-length-value messages
            title: Write a frame
            file: ch04/tlv/Frame.java
            """;

    private static final String READER = """
            package ch04.fixedbuffer;

            public final class FixedBufferReader {
                public static long readUntilEof(InputStream in, int bufferSize, ChunkSink sink) throws IOException {
                    // SOLUTION 4.1a
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        if (n > 0) {
                    // SKELETON
                    // throw new NotStartedException("4.1a");
                    // END 4.1a
                }
                static int outside(int a) {
                    return a < 0 && a >= -5 ? 1 : 0;
                }
            }
            """;

    private static final List<Exercise> EXERCISES = MutationReport.parseCatalogue(CATALOGUE);

    private static Mutant mutant(String status, String cls, String method, int line, String mutator, String description) {
        return mutant(status, cls, method, line, mutator, description, 0);
    }

    private static Mutant mutant(String status, String cls, String method, int line, String mutator, String description,
            int index) {
        String file = cls.substring(cls.lastIndexOf('.') + 1) + ".java";
        return new Mutant(status, Fate.of(status, status.equals("KILLED") || status.equals("TIMED_OUT")), file, cls,
                method, line, "org.pitest.mutationtest.engine.gregor.mutators." + mutator, description, index);
    }

    private static MutationReport.Result report(List<Mutant> mutants, List<Entry> entries) {
        return MutationReport.report(mutants, EXERCISES, entries,
                path -> path.equals("ch04/fixedbuffer/FixedBufferReader.java") ? Optional.of(READER) : Optional.empty(),
                "solutions/ch04/src/main/java", "equivalents.txt");
    }

    @Test
    void places_a_line_in_the_exercise_whose_region_holds_it_and_nowhere_else() {
        String[] owner = MutationReport.regions(READER);
        assertThat(owner[5]).as("the SOLUTION marker's own line").isEqualTo("4.1a");
        assertThat(owner[8]).as("a line inside the region").isEqualTo("4.1a");
        assertThat(owner[11]).as("the END marker's line").isEqualTo("4.1a");
        assertThat(owner[12]).as("the line after END").isNull();
        assertThat(owner[14]).as("a method outside every region").isNull();
    }

    @Test
    void finds_a_section_by_the_longest_folder_of_its_exercises() {
        assertThat(EXERCISES).extracting(Exercise::id).containsExactly("4.1a", "4.3d", "4.3a");
        assertThat(MutationReport.sectionOfPath("ch04/tlv/faithful/Binary.java", EXERCISES)).isEqualTo("4.3");
        assertThat(MutationReport.sectionOfPath("ch04/tlv/Utf8.java", EXERCISES)).isEqualTo("4.3");
        assertThat(MutationReport.sectionOfPath("ch04/fixedbuffer/ChunkSink.java", EXERCISES)).isEqualTo("4.1");
        assertThat(MutationReport.sectionOfPath("ch04/proxy/Proxy.java", EXERCISES)).isEqualTo("?");
    }

    @Test
    void says_what_a_mutant_changed_in_plain_words() {
        Mutant boundary = mutant("SURVIVED", "ch04.X", "m", 1, "ConditionalsBoundaryMutator", "changed conditional boundary");
        assertThat(MutationReport.plainWords(boundary, "if (n > 0) {", 0, 1)).isEqualTo("changed `>` to `>=`");
        Mutant negated = mutant("SURVIVED", "ch04.X", "m", 1, "NegateConditionalsMutator", "negated conditional");
        String two = "return a < 0 && a >= -5 ? 1 : 0; // a < b in a comment";
        assertThat(MutationReport.plainWords(negated, two, 0, 2)).isEqualTo("changed `<` to `>=`");
        assertThat(MutationReport.plainWords(negated, two, 1, 2)).isEqualTo("changed `>=` to `<`");
        assertThat(MutationReport.plainWords(negated, "if (o instanceof Binary b && x == 1)", 0, 2))
                .as("two mutants on a line with one operator: which is which cannot be told")
                .startsWith("negated a condition");
        assertThat(MutationReport.plainWords(negated, "String s = \"a < b\" + x;", 0, 1))
                .as("an operator inside a string is no operator").startsWith("negated a condition");
        assertThat(MutationReport.plainWords(mutant("SURVIVED", "ch04.X", "m", 1, "MathMutator",
                "Replaced Unsigned Shift Right with Shift Left"), "", 0, 1)).isEqualTo("changed `>>>` to `<<`");
        assertThat(MutationReport.plainWords(mutant("SURVIVED", "ch04.X", "m", 1, "MathMutator",
                "Replaced long addition with subtraction"), "", 0, 1)).isEqualTo("changed `+` to `-` (long)");
        assertThat(MutationReport.plainWords(mutant("SURVIVED", "ch04.X", "m", 1, "VoidMethodCallMutator",
                "removed call to java/io/OutputStream::write"), "", 0, 1))
                .isEqualTo("removed the call to `OutputStream.write(…)`");
        assertThat(MutationReport.plainWords(mutant("SURVIVED", "ch04.X", "m", 1, "PrimitiveReturnsMutator",
                "replaced byte return with 0 for ch04/tlv/Binary::type"), "", 0, 1)).isEqualTo("made `type` return `0`");
        assertThat(MutationReport.plainWords(mutant("SURVIVED", "ch04.X", "m", 1, "EmptyObjectReturnValsMutator",
                "replaced return value with \"\" for ch04/scanner/WordScanner::hex"), "", 0, 1))
                .isEqualTo("made `hex` return `\"\"`");
        assertThat(MutationReport.plainWords(mutant("SURVIVED", "ch04.X", "m", 1, "IncrementsMutator",
                "Changed increment from 1 to -1"), "", 0, 1)).isEqualTo("changed `++` to `--`");
        assertThat(MutationReport.plainWords(mutant("SURVIVED", "ch04.X", "m", 1, "SomeNewMutator", "did a thing"),
                "", 0, 1)).as("a mutator the report does not know keeps PIT's words").isEqualTo("did a thing (SomeNewMutator)");
        assertThat(MutationReport.method("lambda$acceptLoop$0")).isEqualTo("a lambda in acceptLoop");
        assertThat(MutationReport.method("<init>")).isEqualTo("constructor");
    }

    @Test
    void reads_equivalent_mutant_entries_and_refuses_one_without_a_reason() {
        List<Entry> entries = MutationReport.parseEquivalents("""
                # comment
                [ch04.fixedbuffer.FixedBufferReader#readUntilEof]
                mutator: ConditionalsBoundaryMutator
                description: changed conditional boundary
                code: if (n  >  0) {
                why: a read never returns 0

                [ch04.tlv.Binary#toString]
                why: for people
                """);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).code()).isEqualTo("if (n  >  0) {");
        assertThat(entries.get(0).at()).isEqualTo(2);
        assertThat(entries.get(1).mutator()).isNull();

        assertThatThrownBy(() -> MutationReport.parseEquivalents("[a.B#m]\nmutator: MathMutator\n\n[a.B#n]\nwhy: x\n"))
                .hasMessageContaining("line 1").hasMessageContaining("why");
        assertThatThrownBy(() -> MutationReport.parseEquivalents("[a.B#m]\nline: 12\nwhy: x\n"))
                .hasMessageContaining("line 2").hasMessageContaining("line: 12");
        assertThatThrownBy(() -> MutationReport.parseEquivalents("a.B#m\nwhy: x\n")).hasMessageContaining("line 1");
    }

    @Test
    void fails_on_an_unexplained_survivor_and_prints_the_entry_to_add() {
        Mutant survivor = mutant("SURVIVED", "ch04.fixedbuffer.FixedBufferReader", "readUntilEof", 8,
                "ConditionalsBoundaryMutator", "changed conditional boundary");
        Mutant killed = mutant("KILLED", "ch04.fixedbuffer.FixedBufferReader", "readUntilEof", 7,
                "NegateConditionalsMutator", "negated conditional");
        var result = report(List.of(survivor, killed), List.of());

        assertThat(result.unexplained()).extracting(p -> p.mutant()).containsExactly(survivor);
        assertThat(result.console()).contains("FAILED: 1 mutant(s)")
                .contains("FixedBufferReader.java:8 in readUntilEof (4.1a): survived, changed `>` to `>=` in `if (n > 0) {`")
                .contains("[ch04.fixedbuffer.FixedBufferReader#readUntilEof]\n    mutator: ConditionalsBoundaryMutator\n"
                        + "    description: changed conditional boundary\n    code: if (n > 0) {\n    why: <");
        assertThat(result.markdown())
                .contains("| 4.1a Read a stream to its end | 2 | 1 | 0 | 1 | 0 | 50% | 1 |")
                .contains("| **Total** | 2 | 1 | 0 | 1 | 0 | 50% | 1 |")
                .contains("**Unexplained.**");
    }

    @Test
    void lets_an_entry_explain_a_survivor_and_warns_about_an_entry_that_matches_nothing() {
        Mutant survivor = mutant("SURVIVED", "ch04.fixedbuffer.FixedBufferReader", "readUntilEof", 8,
                "ConditionalsBoundaryMutator", "changed conditional boundary");
        Mutant unreached = mutant("NO_COVERAGE", "ch04.fixedbuffer.FixedBufferReader", "outside", 14,
                "NegateConditionalsMutator", "negated conditional");
        List<Entry> entries = MutationReport.parseEquivalents("""
                [ch04.fixedbuffer.FixedBufferReader#readUntilEof]
                mutator: ConditionalsBoundaryMutator
                code: if (n > 0) {
                why: a read never returns 0

                [ch04.fixedbuffer.FixedBufferReader#outside]
                why: every mutant of the method

                [ch04.fixedbuffer.FixedBufferReader#readUntilEof]
                mutator: MathMutator
                why: matches nothing in this run

                [ch04.tlv.Frame#write]
                why: another section, not mutated in this run
                """);
        var result = report(List.of(survivor, unreached), entries);

        assertThat(result.unexplained()).isEmpty();
        assertThat(result.stale()).extracting(Entry::mutator).containsExactly("MathMutator");
        assertThat(result.entriesElsewhere()).isEqualTo(1);
        assertThat(result.console()).doesNotContain("FAILED").contains("WARNING: equivalents.txt line 9");
        assertThat(result.markdown()).contains("| 4.1 outside the exercises | 1 | 0 | 0 | 0 | 1 | - | 0 |")
                .contains("Equivalent: a read never returns 0");
    }

    @Test
    void does_not_let_an_entry_for_another_line_explain_a_survivor() {
        Mutant survivor = mutant("SURVIVED", "ch04.fixedbuffer.FixedBufferReader", "readUntilEof", 8,
                "ConditionalsBoundaryMutator", "changed conditional boundary");
        List<Entry> entries = MutationReport.parseEquivalents("""
                [ch04.fixedbuffer.FixedBufferReader#readUntilEof]
                mutator: ConditionalsBoundaryMutator
                code: while ((n = in.read(buffer)) != -1)
                why: another line
                """);
        assertThat(report(List.of(survivor), entries).unexplained()).hasSize(1);
    }

    @Test
    void reads_pits_xml_report() {
        byte[] xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="true">
                <mutation detected='false' status='SURVIVED' numberOfTestsRun='3'><sourceFile>Frame.java</sourceFile>\
                <mutatedClass>ch04.tlv.Frame</mutatedClass><mutatedMethod>write</mutatedMethod>\
                <methodDescription>(Ljava/io/OutputStream;B[B)J</methodDescription><lineNumber>83</lineNumber>\
                <mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator><indexes><index>31</index>\
                </indexes><blocks><block>1</block></blocks><killingTest/>\
                <description>Replaced Unsigned Shift Right with Shift Left</description></mutation>
                <mutation detected='true' status='TIMED_OUT' numberOfTestsRun='1'><sourceFile>Frame.java</sourceFile>\
                <mutatedClass>ch04.tlv.Frame</mutatedClass><mutatedMethod>readBody</mutatedMethod>\
                <methodDescription>()V</methodDescription><lineNumber>133</lineNumber>\
                <mutator>org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator</mutator>\
                <indexes><index>7</index></indexes><blocks><block>1</block></blocks><killingTest/>\
                <description>negated conditional</description></mutation>
                </mutations>
                """.getBytes(StandardCharsets.UTF_8);
        List<Mutant> mutants = MutationReport.parseMutations(xml);
        assertThat(mutants).hasSize(2);
        assertThat(mutants.get(0)).extracting(Mutant::fate, Mutant::path, Mutant::line, Mutant::mutatorName, Mutant::index)
                .containsExactly(Fate.SURVIVED, "ch04/tlv/Frame.java", 83, "MathMutator", 31);
        assertThat(mutants.get(1).fate()).isEqualTo(Fate.TIMED_OUT);
        assertThat(Fate.of("RUN_ERROR", false)).as("a mutant PIT could not run needs a rerun, not a pass")
                .isEqualTo(Fate.ERROR);
        assertThatThrownBy(() -> MutationReport.parseMutations("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mutations.xml");
    }

    @Test
    void gives_pit_the_folders_of_a_section_and_knows_which_sections_a_run_took_in_whole() {
        assertThat(MutationReport.targetsOf("4.3", EXERCISES)).containsExactly("ch04.tlv.faithful.*", "ch04.tlv.*");
        assertThat(MutationReport.coveredBy("ch04.*", EXERCISES)).containsExactly("4.1", "4.3");
        assertThat(MutationReport.coveredBy("ch04.tlv.*", EXERCISES)).containsExactly("4.3");
        assertThat(MutationReport.coveredBy("ch04.tlv.faithful.*", EXERCISES)).as("half of 4.3").isEmpty();
        assertThat(MutationReport.coveredBy("ch04.fixedbuffer.*, ch04.tlv.faithful.*,ch04.tlv.*", EXERCISES))
                .containsExactly("4.1", "4.3");
    }

    @Test
    void changes_a_sections_digest_with_its_own_files_and_the_shared_ones_only(@TempDir Path root) throws IOException {
        String chapter = "ch04-x";
        write(root, "pom.xml", "<project/>");
        write(root, "support/src/main/java/workbook/Fixture.java", "class Fixture {}");
        write(root, "solutions/ch04-x/src/main/java/ch04/fixedbuffer/FixedBufferReader.java", READER);
        write(root, "solutions/ch04-x/src/main/java/ch04/tlv/Frame.java", "class Frame {}\n");
        write(root, "chapters/ch04-x/src/test/java/ch04/tlv/FrameTest.java", "class FrameTest {}");
        Map<String, String> before = MutationReport.digests(root, chapter, EXERCISES, List.of());
        assertThat(before).containsOnlyKeys("4.1", "4.3");

        write(root, "chapters/ch04-x/src/test/java/ch04/tlv/FrameTest.java", "class FrameTest { int more; }");
        Map<String, String> testChanged = MutationReport.digests(root, chapter, EXERCISES, List.of());
        assertThat(testChanged.get("4.1")).isEqualTo(before.get("4.1"));
        assertThat(testChanged.get("4.3")).isNotEqualTo(before.get("4.3"));

        write(root, "solutions/ch04-x/src/main/java/ch04/tlv/Frame.java", "class Frame {}\r\n");
        assertThat(MutationReport.digests(root, chapter, EXERCISES, List.of())).as("line endings do not count")
                .isEqualTo(testChanged);

        List<Entry> entry = MutationReport.parseEquivalents("[ch04.tlv.Frame#write]\nwhy: x\n");
        Map<String, String> withEntry = MutationReport.digests(root, chapter, EXERCISES, entry);
        assertThat(withEntry.get("4.1")).isEqualTo(testChanged.get("4.1"));
        assertThat(withEntry.get("4.3")).isNotEqualTo(testChanged.get("4.3"));

        write(root, "support/src/main/java/workbook/Fixture.java", "class Fixture { int changed; }");
        Map<String, String> sharedChanged = MutationReport.digests(root, chapter, EXERCISES, List.of());
        assertThat(sharedChanged.get("4.1")).isNotEqualTo(testChanged.get("4.1"));
        assertThat(sharedChanged.get("4.3")).isNotEqualTo(testChanged.get("4.3"));
    }

    @Test
    void records_digests_per_section_and_names_the_changed_ones(@TempDir Path root) throws IOException {
        String chapter = "ch04-x";
        write(root, "solutions/ch04-x/src/main/java/ch04/fixedbuffer/FixedBufferReader.java", READER);
        write(root, "solutions/ch04-x/src/main/java/ch04/tlv/Frame.java", "class Frame {}");
        Path file = root.resolve(MutationReport.DIGESTS);
        assertThat(MutationReport.changedTargets(root, chapter, EXERCISES, List.of()))
                .as("nothing recorded yet: every section").hasSize(3);

        Map<String, String> now = MutationReport.digests(root, chapter, EXERCISES, List.of());
        MutationReport.writeDigests(file, chapter, now, Set.of("4.1"));
        assertThat(MutationReport.changedTargets(root, chapter, EXERCISES, List.of()))
                .containsExactly("ch04.tlv.faithful.*", "ch04.tlv.*");
        MutationReport.writeDigests(file, chapter, now, Set.of("4.3"));
        assertThat(MutationReport.changedTargets(root, chapter, EXERCISES, List.of())).isEmpty();
        assertThat(Files.readString(file)).contains("\n4.1 ch04-x " + now.get("4.1") + "\n\n4.3 ch04-x ");

        write(root, "solutions/ch04-x/src/main/java/ch04/fixedbuffer/FixedBufferReader.java", READER + "// edited\n");
        assertThat(MutationReport.changedTargets(root, chapter, EXERCISES, List.of())).containsExactly("ch04.fixedbuffer.*");
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
