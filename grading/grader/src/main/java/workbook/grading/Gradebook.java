package workbook.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbook.grading.StudentReport.TestResult;
import workbook.junit.Catalogue;

/**
 * The gradebook's files: Markdown for reading, CSV for a spreadsheet (one row per student; and one
 * row per student and exercise, with the reason), and each student's per-test results as JSON.
 */
final class Gradebook {

    private Gradebook() {
    }

    /** A section's or the total's share, as points earned over points possible. */
    record Score(int points, int max) {

        double percent() {
            return max == 0 ? 0 : 100.0 * points / max;
        }

        String shown() {
            return Math.round(percent()) + "%";
        }
    }

    static Map<String, Score> sections(StudentReport r, Catalogue catalogue, Map<String, Integer> points) {
        Map<String, Score> sections = new LinkedHashMap<>();
        for (Catalogue.Exercise e : catalogue.exercises()) {
            int p = points.getOrDefault(e.id(), Points.DEFAULT);
            Score s = sections.getOrDefault(e.sectionId(), new Score(0, 0));
            Cell c = r.cells().get(e.id());
            sections.put(e.sectionId(), new Score(s.points() + (c != null && c.done() ? p : 0), s.max() + p));
        }
        return sections;
    }

    static Score total(StudentReport r, Map<String, Integer> points) {
        int max = points.values().stream().mapToInt(Integer::intValue).sum();
        return new Score(r.points(points), max);
    }

    // ---------------------------------------------------------------- Markdown

    static String markdown(List<StudentReport> rows, Kit kit, String heading) {
        Catalogue catalogue = kit.catalogue;
        StringBuilder md = new StringBuilder("# Gradebook: ").append(kit.chapter).append("\n\n").append(heading).append("\n\n");
        Map<String, String> sectionTitles = catalogue.sections();
        md.append("| Student |");
        sectionTitles.keySet().forEach(s -> md.append(' ').append(s).append(" |"));
        md.append(" Total | Points | Notes |\n|---|");
        sectionTitles.keySet().forEach(s -> md.append("---:|"));
        md.append("---:|---:|---|\n");
        for (StudentReport r : rows) {
            Map<String, Score> sections = sections(r, catalogue, kit.points);
            Score total = total(r, kit.points);
            md.append("| ").append(cell(r.name())).append(" |");
            sections.values().forEach(s -> md.append(' ').append(s.shown()).append(" |"));
            md.append(" **").append(total.shown()).append("** | ").append(total.points()).append('/').append(total.max())
                    .append(" | ").append(summary(r)).append(" |\n");
        }
        md.append("\nA section's score and the total are the points of the done exercises over the points of all of them");
        boolean weighted = kit.points.values().stream().anyMatch(p -> p != Points.DEFAULT);
        md.append(weighted ? " (the catalogue's `points:`; 1 where it gives none).\n\n" : " (every exercise 1 point).\n\n");

        md.append("## Exercises\n\n");
        md.append("`✓` done · `✗` failing · `·` not started · `CE` does not compile · `crash` crashed · `time` timed out."
                + " Why, for each cell that is not done or not started: *Details* below.\n\n");
        md.append("| Student |");
        catalogue.exercises().forEach(e -> md.append(' ').append(e.id()).append(" |"));
        md.append("\n|---|");
        catalogue.exercises().forEach(e -> md.append(":-:|"));
        md.append('\n');
        for (StudentReport r : rows) {
            md.append("| ").append(cell(r.name())).append(" |");
            catalogue.exercises().forEach(e -> md.append(' ').append(r.cells().get(e.id()).state().mark).append(" |"));
            md.append('\n');
        }
        md.append("\n## Details\n\nA student's code for one exercise beside the reference's, from the repository's root:"
                + " `java verification/src/main/java/workbook/verification/Compare.java TREE EXERCISE`.\n");
        for (StudentReport r : rows) {
            md.append("\n### ").append(r.name()).append("\n\n")
                    .append("Tree: `").append(r.tree()).append("`; graded in ").append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append(" s; per-test results: `students/").append(r.name()).append("/results.json`.\n\n");
            boolean any = false;
            for (Catalogue.Exercise e : catalogue.exercises()) {
                Cell c = r.cells().get(e.id());
                if (!c.reason().isEmpty()) {
                    md.append("- ").append(e.id()).append(' ').append(c.state().words).append(": ").append(oneLine(c.reason())).append('\n');
                    any = true;
                }
            }
            for (String note : r.notes()) {
                md.append("- ").append(oneLine(note)).append('\n');
                any = true;
            }
            if (!any) {
                md.append("Nothing to report beyond the table.\n");
            }
        }
        return md.toString();
    }

    private static String summary(StudentReport r) {
        List<String> parts = new ArrayList<>();
        Map<Cell.State, Long> counts = new LinkedHashMap<>();
        r.cells().values().forEach(c -> counts.merge(c.state(), 1L, Long::sum));
        for (Cell.State s : List.of(Cell.State.DOES_NOT_COMPILE, Cell.State.CRASHED, Cell.State.TIMED_OUT, Cell.State.FAILING)) {
            if (counts.containsKey(s)) {
                parts.add(counts.get(s) + " " + s.words);
            }
        }
        long refused = r.notes().stream().filter(n -> n.startsWith("refused:")).count();
        if (refused > 0) {
            parts.add(refused + " refused");
        }
        long review = r.notes().stream().filter(n -> n.startsWith("review:")).count();
        if (review > 0) {
            parts.add(review + " to review");
        }
        return String.join(", ", parts);
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }

    // ---------------------------------------------------------------- CSV (RFC 4180)

    /** One row per student: name, total, points, each section's percentage, each exercise's state, notes. */
    static String csv(List<StudentReport> rows, Kit kit) {
        Catalogue catalogue = kit.catalogue;
        List<String> header = new ArrayList<>(List.of("student", "total %", "points", "max points"));
        catalogue.sections().keySet().forEach(s -> header.add(s + " %"));
        catalogue.exercises().forEach(e -> header.add(e.id()));
        header.add("notes");
        StringBuilder csv = new StringBuilder(csvLine(header));
        for (StudentReport r : rows) {
            Score total = total(r, kit.points);
            List<String> line = new ArrayList<>(List.of(r.name(), number(total.percent()), String.valueOf(total.points()),
                    String.valueOf(total.max())));
            sections(r, catalogue, kit.points).values().forEach(s -> line.add(number(s.percent())));
            catalogue.exercises().forEach(e -> line.add(r.cells().get(e.id()).state().words));
            line.add(String.join("; ", r.notes()));
            csv.append(csvLine(line));
        }
        return csv.toString();
    }

    /** One row per student and exercise: the state, the points and the reason. */
    static String cellsCsv(List<StudentReport> rows, Kit kit) {
        StringBuilder csv = new StringBuilder(csvLine(List.of("student", "exercise", "section", "state", "points", "max points", "reason")));
        for (StudentReport r : rows) {
            for (Catalogue.Exercise e : kit.catalogue.exercises()) {
                Cell c = r.cells().get(e.id());
                int p = kit.points.getOrDefault(e.id(), Points.DEFAULT);
                csv.append(csvLine(List.of(r.name(), e.id(), e.sectionId(), c.state().words, String.valueOf(c.done() ? p : 0),
                        String.valueOf(p), c.reason())));
            }
        }
        return csv.toString();
    }

    private static String number(double percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }

    static String csvLine(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (String f : fields) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            String v = f == null ? "" : f;
            if (v.startsWith("=") || v.startsWith("+") || v.startsWith("-") || v.startsWith("@")) {
                v = "'" + v; // a spreadsheet must not take a student's text for a formula
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            out.append(v);
        }
        return out.append("\r\n").toString();
    }

    // ---------------------------------------------------------------- JSON

    /** A student's per-test results: {@code tests} (name, exercise, status, message), {@code exercises} and {@code notes}. */
    static String resultsJson(StudentReport r, Kit kit) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"student\": ").append(quote(r.name())).append(",\n");
        json.append("  \"tree\": ").append(quote(r.tree().toString())).append(",\n");
        Score total = total(r, kit.points);
        json.append("  \"points\": ").append(total.points()).append(",\n");
        json.append("  \"maxPoints\": ").append(total.max()).append(",\n");
        json.append("  \"seconds\": ").append(String.format(Locale.ROOT, "%.1f", r.seconds())).append(",\n");
        json.append("  \"compileSeconds\": ").append(String.format(Locale.ROOT, "%.1f", r.compileSeconds())).append(",\n");
        json.append("  \"testJvms\": ").append(r.jvms()).append(",\n");
        json.append("  \"exercises\": [");
        boolean first = true;
        for (Catalogue.Exercise e : kit.catalogue.exercises()) {
            Cell c = r.cells().get(e.id());
            json.append(first ? "\n" : ",\n").append("    {\"id\": ").append(quote(e.id()))
                    .append(", \"status\": ").append(quote(c.state().words))
                    .append(", \"points\": ").append(kit.points.getOrDefault(e.id(), Points.DEFAULT))
                    .append(", \"reason\": ").append(quote(c.reason())).append('}');
            first = false;
        }
        json.append("\n  ],\n  \"tests\": [");
        first = true;
        for (TestResult t : r.tests()) {
            json.append(first ? "\n" : ",\n").append("    {\"name\": ").append(quote(t.name()))
                    .append(", \"exercise\": ").append(quote(t.exercise()))
                    .append(", \"status\": ").append(quote(t.status().words))
                    .append(", \"seconds\": ").append(String.format(Locale.ROOT, "%.3f", t.seconds()))
                    .append(", \"message\": ").append(quote(t.message())).append('}');
            first = false;
        }
        json.append("\n  ],\n  \"notes\": [");
        first = true;
        for (String n : r.notes()) {
            json.append(first ? "\n" : ",\n").append("    ").append(quote(n));
            first = false;
        }
        return json.append("\n  ]\n}\n").toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
