package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import workbook.junit.Catalogue;

/**
 * README's table of sections against the sections that exist: a section added by CONTRIBUTING.md
 * whose row still says "coming", or a row that says "ready" for a section with no exercises, fails
 * the build.
 */
class ReadmeSectionsTest {

    @TestFactory
    @DisplayName("README's section table marks every section of the catalogue ready, with its exercises, and no other")
    Stream<DynamicTest> readme_section_table_matches_the_catalogue() {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> check(chapter)));
    }

    static void check(String chapter) throws IOException {
        check(Chapters.catalogue(chapter), ReadmeSections.read(Chapters.ROOT.resolve("README.md")));
    }

    static void check(Catalogue catalogue, List<ReadmeSections.Row> rows) {
        assertThat(rows).as("rows of README's table under '%s'", ReadmeSections.HEADING).isNotEmpty();
        for (Map.Entry<String, String> section : catalogue.sections().entrySet()) {
            List<String> ids = catalogue.exercises().stream().filter(e -> e.sectionId().equals(section.getKey()))
                    .map(Catalogue.Exercise::id).toList();
            assertThat(rows.stream().filter(r -> r.id().equals(section.getKey())))
                    .as("README's row for section %s (the catalogue has it, with %s)", section.getValue(), ids)
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).as("README's status of %s", section.getKey()).isEqualTo("ready");
                        assertThat(r.title()).as("README's title of %s, as in the catalogue", section.getKey())
                                .isEqualTo(section.getValue());
                        assertThat(r.exercises()).as("the exercises README's row of %s names", section.getKey())
                                .containsExactlyElementsOf(ids);
                    });
        }
        for (ReadmeSections.Row r : rows) {
            if (r.status().equals("ready") && !catalogue.sections().containsKey(r.id())) {
                assertThat(r.pkg()).as("README says section %s is ready, but the catalogue has no exercise of it"
                        + " (only an introduction without a package may be ready without exercises)", r.id()).isEmpty();
            }
        }
    }

    private static final String CATALOGUE = """
            [9.1a]
            section: 9.1 First
            title: t
            file: ch09/x/A.java
            read: exercises.md#91a
            [9.2a]
            section: 9.2 Second
            title: t
            file: ch09/y/B.java
            read: exercises.md#92a
            """;

    private static List<ReadmeSections.Row> readme(Path dir, String rows) throws IOException {
        Path file = dir.resolve("README.md");
        Files.writeString(file, "# x\n\n## The sections\n\n| section | package | the book | exercises | status |\n"
                + "| --- | --- | --- | --- | --- |\n| 9.0 Intro | | intro | none | ready |\n" + rows + "\n## Layout\n| a | b | c | d | ready |\n");
        return ReadmeSections.read(file);
    }

    @Test
    void should_catch_a_section_still_coming_and_a_ready_row_without_exercises(@TempDir Path dir) throws IOException {
        Catalogue catalogue = Catalogue.parse(new ByteArrayInputStream(CATALOGUE.getBytes(StandardCharsets.UTF_8)));
        String first = "| 9.1 First | `ch09.x` | L1 | 9.1a one | ready |\n";

        assertThatCode(() -> check(catalogue, readme(dir, first + "| 9.2 Second | `ch09.y` | L2 | 9.2a two | ready |\n")))
                .as("every section ready, the intro too").doesNotThrowAnyException();
        assertThatCode(() -> check(catalogue, readme(dir, first + "| 9.2 Second | `ch09.y` | L2 | 9.2a two | coming |\n")))
                .hasMessageContaining("README's status of 9.2");
        assertThatCode(() -> check(catalogue, readme(dir, first + "| 9.2 Second | `ch09.y` | L2 | 9.2a two | ready |\n"
                + "| 9.3 Third | `ch09.z` | L3 | 9.3a three | ready |\n")))
                .hasMessageContaining("README says section 9.3 is ready, but the catalogue has no exercise of it");
        assertThatCode(() -> check(catalogue, readme(dir, first + "| 9.2 Second | `ch09.y` | L2 | 9.2b two | ready |\n")))
                .hasMessageContaining("the exercises README's row of 9.2 names");
    }
}
