package workbook.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes each exercise's prerequisites and hints from the chapters' catalogues into
 * {@code exercises.md}, and checks that what is there is what the catalogues say: the hints have
 * one home, the catalogue, which the progress table and the student's command read one hint at a
 * time, and exercises.md shows a copy that cannot drift.
 *
 * <p>Each exercise's part gets one block between two markers, after its task text:
 * <pre>
 * &lt;!-- generated from catalogue.txt: 4.4c --&gt;
 * **Needs:** [4.4b Decide which failures are worth a retry](#44b-decide-which-failures-are-worth-a-retry).
 *
 * &lt;details&gt;&lt;summary&gt;Hint 1&lt;/summary&gt;
 *
 * Count the tries, not the retries: ...
 * &lt;/details&gt;
 * &lt;!-- end 4.4c --&gt;
 * </pre>
 * The Needs line comes from the block's {@code needs:} line (omitted without one), each hint from a
 * {@code hint:} line, in order, folded so that a student opens one at a time. Hints are Markdown,
 * the same text in the catalogue, the console and here.
 *
 * <p>{@code --write} replaces each block, and gives an exercise that has none (a section written
 * before the blocks existed) one in place of its hand-written {@code Hints:} list, or else before
 * its "The tests check" paragraph, or else at the end of its part. {@code --check} says, file and
 * line, where a block is missing or differs. Runs without a build, from the repository's root:
 * <pre>
 * java verification/src/main/java/workbook/verification/Hints.java --check   # exit 1 on drift
 * java verification/src/main/java/workbook/verification/Hints.java --write   # regenerate
 * </pre>
 */
public final class Hints {

    static final String WORKBOOK = "exercises.md";
    private static final String CATALOGUE = "src/test/resources/workbook/catalogue.txt";
    private static final Pattern ID = Pattern.compile("\\d+\\.\\d+[a-z]");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.*)$");
    private static final Pattern BEGIN = Pattern.compile("^<!-- generated from catalogue\\.txt: (\\S+) -->$");
    private static final Pattern END = Pattern.compile("^<!-- end (\\S+) -->$");
    private static final int WIDTH = 100;

    private Hints() {
    }

    /** One catalogue block, as far as this generator needs it. */
    record Exercise(String id, String title, String read, List<String> needs, List<String> hints) {
    }

    /** A catalogue's or the workbook's mistake, named by file and line. */
    static final class FormatException extends RuntimeException {
        FormatException(String where, String problem) {
            super(where + ": " + problem);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reading the catalogues

    /** Every chapter's catalogue, in order: chapters by name, exercises in each catalogue's order. */
    static Map<String, Exercise> catalogue(Path root) {
        Map<String, Exercise> all = new LinkedHashMap<>();
        for (String chapter : chapterNames(root)) {
            Path file = root.resolve("chapters").resolve(chapter).resolve(CATALOGUE);
            if (Files.isRegularFile(file)) {
                for (Exercise e : parse(root.relativize(file).toString(), lines(file))) {
                    all.put(e.id(), e);
                }
            }
        }
        return all;
    }

    /**
     * The chapters: each folder of {@code chapters/}. (The same as {@code Skeletons.chapterNames},
     * written out because a single-file program cannot call another file on JDK 21.)
     */
    static List<String> chapterNames(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve("chapters"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line where two blocks differ, for a report. */
    static String firstDifference(List<String> want, List<String> have) {
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<end of the block>";
            String h = i < have.size() ? have.get(i) : "<end of the block>";
            if (!w.equals(h)) {
                return "its line " + (i + 1) + " should be [" + w.strip() + "] but is [" + h.strip() + "]";
            }
        }
        return "it differs";
    }

    /** The blocks of one catalogue (CONTRIBUTING.md, "The catalogue"). */
    static List<Exercise> parse(String name, List<String> lines) {
        List<Exercise> out = new ArrayList<>();
        String id = null;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> hints = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            String text = i < lines.size() ? lines.get(i).strip() : null;
            if (text != null && (text.isEmpty() || text.startsWith("#"))) {
                continue;
            }
            if (text == null || text.startsWith("[")) {
                if (id != null) {
                    out.add(exercise(name, id, fields, hints));
                }
                if (text == null) {
                    break;
                }
                id = text.substring(1, text.length() - 1).strip();
                fields = new LinkedHashMap<>();
                hints = new ArrayList<>();
                continue;
            }
            int colon = text.indexOf(':');
            if (id == null || colon < 0) {
                throw new FormatException(name + ":" + (i + 1), "expected 'key: value' inside a block, found " + text);
            }
            String key = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            if (key.equals("hint")) {
                hints.add(value);
            } else {
                fields.put(key, value);
            }
        }
        return out;
    }

    private static Exercise exercise(String name, String id, Map<String, String> fields, List<String> hints) {
        for (String key : List.of("title", "read")) {
            if (!fields.containsKey(key)) {
                throw new FormatException(name, "exercise " + id + " lacks '" + key + ":'");
            }
        }
        List<String> needs = new ArrayList<>();
        for (String need : fields.getOrDefault("needs", "").split(",")) {
            if (!need.isBlank()) {
                needs.add(need.strip());
            }
        }
        return new Exercise(id, fields.get("title"), fields.get("read"), List.copyOf(needs), List.copyOf(hints));
    }

    // ---------------------------------------------------------------------------------------------
    // The blocks

    /** The block of {@code e}, markers included, one string per line. */
    static List<String> block(Exercise e, Map<String, Exercise> catalogue) {
        List<String> out = new ArrayList<>();
        out.add("<!-- generated from catalogue.txt: " + e.id() + " -->");
        if (!e.needs().isEmpty()) {
            List<String> links = new ArrayList<>();
            for (String need : e.needs()) {
                Exercise n = catalogue.get(need);
                if (n == null) {
                    throw new FormatException("catalogue.txt", e.id() + " needs " + need + ", which is no exercise");
                }
                String anchor = n.read().substring(n.read().indexOf('#'));
                links.add("[" + n.id() + " " + n.title() + "](" + anchor + ")");
            }
            // One line, however long: a line break inside a link's text reads badly in the raw file.
            out.add("**Needs:** " + String.join(", ", links) + ".");
        }
        if (!e.needs().isEmpty() && !e.hints().isEmpty()) {
            out.add("");
        }
        // The blank line after <summary> makes the hint Markdown; </details> may follow the text at once.
        for (int i = 0; i < e.hints().size(); i++) {
            out.add("<details><summary>Hint " + (i + 1) + "</summary>");
            out.add("");
            out.addAll(wrap(e.hints().get(i)));
            out.add("</details>");
        }
        out.add("<!-- end " + e.id() + " -->");
        return out;
    }

    /**
     * {@code text} cut at spaces into lines of at most {@value #WIDTH} characters, never inside a
     * code span (a longer word or span stays whole).
     */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : atoms(text)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The words of {@code text}, a code span's words kept together as one: `new Socket()`. */
    private static List<String> atoms(String text) {
        List<String> atoms = new ArrayList<>();
        StringBuilder atom = new StringBuilder();
        boolean inCode = false;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (atom.length() > 0) {
                atom.append(' ');
            }
            atom.append(word);
            if (word.chars().filter(c -> c == '`').count() % 2 == 1) {
                inCode = !inCode;
            }
            if (!inCode) {
                atoms.add(atom.toString());
                atom.setLength(0);
            }
        }
        if (atom.length() > 0) {
            atoms.add(atom.toString());
        }
        return atoms;
    }

    /** Where one exercise's part of the workbook lies: its heading, and the line after its last. */
    private record Part(int heading, int end) {
    }

    /** The part of each exercise with a {@code ### <id>:} heading, by id. */
    private static Map<String, Part> parts(List<String> lines) {
        Map<String, Part> parts = new LinkedHashMap<>();
        String open = null;
        int openedAt = -1;
        boolean fenced = false;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "# end";
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches() || heading.group(1).length() > 3) {
                continue;
            }
            if (open != null) {
                parts.put(open, new Part(openedAt, i));
                open = null;
            }
            String title = heading.group(2);
            int colon = title.indexOf(':');
            if (heading.group(1).length() == 3 && colon > 0 && ID.matcher(title.substring(0, colon)).matches()) {
                open = title.substring(0, colon);
                openedAt = i;
            }
        }
        return parts;
    }

    /** Where a part's block is, or goes: lines {@code from} (inclusive) to {@code to} (exclusive). */
    private record Place(int from, int to, boolean present, String what) {
    }

    private static Place place(List<String> lines, String id, Part part) {
        for (int i = part.heading() + 1; i < part.end(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (begin.matches()) {
                if (!begin.group(1).equals(id)) {
                    throw new FormatException(WORKBOOK + ":" + (i + 1), "a block for " + begin.group(1)
                            + " in the part of " + id);
                }
                for (int j = i + 1; j < part.end(); j++) {
                    if (END.matcher(lines.get(j)).matches()) {
                        return new Place(i, j + 1, true, "the block");
                    }
                }
                throw new FormatException(WORKBOOK + ":" + (i + 1), "the block of " + id + " has no '<!-- end "
                        + id + " -->' before the next heading");
            }
        }
        for (int i = part.heading() + 1; i < part.end(); i++) {
            if (lines.get(i).strip().equals("Hints:")) {
                int j = i + 1;
                while (j < part.end() && (lines.get(j).startsWith("- ") || lines.get(j).startsWith("  "))) {
                    j++;
                }
                return new Place(i, j, false, "its hand-written 'Hints:' list");
            }
        }
        for (int i = part.heading() + 1; i < part.end(); i++) {
            if (lines.get(i).startsWith("The tests check")) {
                return new Place(i, i, false, "no block, and one goes before 'The tests check'");
            }
        }
        int end = part.end();
        while (end > part.heading() + 1 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return new Place(end, end, false, "no block, and one goes at the end of its part");
    }

    /**
     * The workbook as it should be, and what differs in the one given, one problem per entry
     * (empty when it is up to date).
     */
    record Result(List<String> lines, List<String> problems) {
    }

    static Result generate(List<String> workbook, Map<String, Exercise> catalogue) {
        List<String> lines = new ArrayList<>(workbook);
        List<String> problems = new ArrayList<>();
        Map<String, Part> parts = parts(lines);
        for (String id : parts.keySet()) {
            if (!catalogue.containsKey(id)) {
                problems.add(WORKBOOK + ":" + (parts.get(id).heading() + 1) + ": " + id
                        + " has a part here but no block in any catalogue.txt");
            }
        }
        // From the last part to the first, so that earlier line numbers stay true while later parts change.
        List<String> ids = new ArrayList<>(catalogue.keySet());
        ids.sort((a, b) -> Integer.compare(parts.containsKey(b) ? parts.get(b).heading() : -1,
                parts.containsKey(a) ? parts.get(a).heading() : -1));
        for (String id : ids) {
            Part part = parts.get(id);
            if (part == null) {
                problems.add(WORKBOOK + ": " + id + " (" + catalogue.get(id).title() + ") has no heading '### " + id
                        + ": " + catalogue.get(id).title() + "'; write its part first");
                continue;
            }
            Place at = place(lines, id, part);
            List<String> want = new ArrayList<>(block(catalogue.get(id), catalogue));
            List<String> have = lines.subList(at.from(), at.to());
            if (!at.present()) {
                want.add(0, "");
                want.add("");
                problems.add(WORKBOOK + ":" + (at.from() + 1) + ": " + id + " has " + at.what());
            } else if (!have.equals(want)) {
                problems.add(WORKBOOK + ":" + (at.from() + 1) + ": the block of " + id + " differs from the catalogue: "
                        + firstDifference(want, have));
            }
            have.clear();
            have.addAll(want);
        }
        problems.sort(java.util.Comparator.comparingInt(Hints::lineOf));
        return new Result(tidy(lines), problems);
    }

    /** The line number a problem names, for sorting ({@code exercises.md:12: ...}); 0 for none. */
    private static int lineOf(String problem) {
        Matcher m = Pattern.compile("^" + Pattern.quote(WORKBOOK) + ":(\\d+):").matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** No run of blank lines longer than one, as an inserted block may leave. */
    private static List<String> tidy(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() && !out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                continue;
            }
            out.add(line);
        }
        return out;
    }

    /** What differs between the workbook and the catalogues, one problem per entry; empty when none. */
    public static List<String> drift(Path root) {
        return generate(lines(root.resolve(WORKBOOK)), catalogue(root)).problems();
    }

    /** Rewrites the workbook's blocks from the catalogues. */
    public static List<String> write(Path root) throws IOException {
        Result result = generate(lines(root.resolve(WORKBOOK)), catalogue(root));
        Files.writeString(root.resolve(WORKBOOK), String.join("\n", result.lines()), StandardCharsets.UTF_8);
        return result.problems().stream().filter(p -> p.contains("has no heading") || p.contains("no block in any"))
                .toList();
    }

    /** The file's lines, {@code \r\n} read as {@code \n}; a last empty line is kept as one. */
    static List<String> lines(Path file) {
        try {
            return List.of(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length == 0 ? "--check" : args[0];
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        String self = "java verification/src/main/java/workbook/verification/Hints.java";
        switch (mode) {
            case "--write" -> {
                List<String> left = write(root);
                System.out.println(WORKBOOK + ": prerequisites and hints rewritten from the catalogues under " + root);
                if (!left.isEmpty()) {
                    left.forEach(p -> System.err.println("  " + p));
                    System.exit(1);
                }
            }
            case "--check" -> {
                List<String> problems = drift(root);
                if (problems.isEmpty()) {
                    System.out.println(WORKBOOK + " holds the catalogues' prerequisites and hints.");
                } else {
                    System.err.println(WORKBOOK + " and the catalogues disagree (the catalogue is the hints' home):");
                    problems.forEach(p -> System.err.println("  " + p));
                    System.err.println("Regenerate with: " + self + " --write");
                    System.exit(1);
                }
            }
            default -> {
                System.err.println("usage: " + self + " [--check|--write] [root]");
                System.exit(2);
            }
        }
    }
}
