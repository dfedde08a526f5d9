package workbook.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads PIT's {@code mutations.xml} for one chapter's reference solutions and says, per section and
 * per exercise, how many mutants the chapter's tests killed; lists every mutant that survived or
 * that no test reached, in plain words; and fails when one of them is not explained in the reviewed
 * file of known equivalent mutants.
 *
 * <p>A mutant belongs to the exercise whose {@code // SOLUTION <id>} ... {@code // END <id>} region
 * holds its line, and to its section through the catalogue (the folder of each exercise's file);
 * a line outside every region counts for the section as "outside the exercises". Nothing here
 * names a section: a new one is reported as soon as its catalogue blocks and regions exist.
 *
 * <p>Run by {@code ./mvnw -q test -Pmutation} after PIT, and on its own, from the repository's root:
 * <pre>
 * java verification/src/main/java/workbook/verification/MutationReport.java [chapter]
 * </pre>
 * Exit status 0 when every survivor and unreached mutant is explained, 1 otherwise, 2 when the
 * inputs are missing or malformed.
 */
public final class MutationReport {

    /** The reviewed list of mutants that no test can kill, with why. */
    public static final Path EQUIVALENTS = Path.of("verification", "mutation", "equivalent-mutants.txt");

    /** The report's name, next to PIT's {@code index.html}. */
    public static final String TABLE_FILE = "workbook-mutation.md";

    private static final String OUTSIDE = "outside the exercises";

    private MutationReport() {
    }

    // ------------------------------------------------------------------------------------------
    // What PIT says

    /** How a mutant ended, in the report's words. */
    public enum Fate {
        KILLED("killed"), TIMED_OUT("timed out"), SURVIVED("survived"), NOT_REACHED("not reached"),
        ERROR("not judged");

        final String words;

        Fate(String words) {
            this.words = words;
        }

        /** PIT's status, with {@code detected} for the statuses that only it qualifies. */
        static Fate of(String status, boolean detected) {
            return switch (status) {
                case "KILLED", "MEMORY_ERROR", "NON_VIABLE" -> KILLED;
                case "TIMED_OUT" -> TIMED_OUT;
                case "SURVIVED" -> SURVIVED;
                case "NO_COVERAGE" -> NOT_REACHED;
                default -> detected ? KILLED : ERROR;
            };
        }

        /** A fate the equivalent-mutants file has to explain. */
        boolean needsExplaining() {
            return this == SURVIVED || this == NOT_REACHED || this == ERROR;
        }
    }

    /** One mutant of {@code mutations.xml}. */
    public record Mutant(String status, Fate fate, String sourceFile, String mutatedClass, String method,
            int line, String mutator, String description, int index) {

        /** The mutator's simple name, {@code ConditionalsBoundaryMutator}. */
        public String mutatorName() {
            return mutator.substring(mutator.lastIndexOf('.') + 1);
        }

        /** The source file's path under {@code src/main/java}. */
        public String path() {
            String cls = mutatedClass;
            int dot = cls.lastIndexOf('.');
            return (dot < 0 ? "" : cls.substring(0, dot).replace('.', '/') + "/") + sourceFile;
        }
    }

    /** Every mutant in a {@code mutations.xml}, in file order. */
    public static List<Mutant> parseMutations(byte[] xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            // The parse error is thrown, with its line; the parser's default handler would also print it.
            builder.setErrorHandler(null);
            var doc = builder.parse(new ByteArrayInputStream(xml));
            NodeList nodes = doc.getDocumentElement().getElementsByTagName("mutation");
            List<Mutant> mutants = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element m = (Element) nodes.item(i);
                String status = m.getAttribute("status");
                mutants.add(new Mutant(status, Fate.of(status, Boolean.parseBoolean(m.getAttribute("detected"))),
                        text(m, "sourceFile"), text(m, "mutatedClass"), text(m, "mutatedMethod"),
                        Integer.parseInt(text(m, "lineNumber")), text(m, "mutator"), text(m, "description"),
                        firstIndex(m)));
            }
            return mutants;
        } catch (Exception e) {
            throw new IllegalArgumentException("mutations.xml is not PIT's XML report: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }

    private static int firstIndex(Element m) {
        NodeList list = m.getElementsByTagName("index");
        if (list.getLength() == 0) {
            return 0;
        }
        Node n = list.item(0);
        try {
            return Integer.parseInt(n.getTextContent().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Where a line belongs

    /** A section's exercises, from the catalogue, in the order a student does them; {@code file} the first it names. */
    public record Exercise(String id, String section, String title, String file) {

        /** The folder of the exercise's file: {@code ch04/tlv/faithful}. */
        String folder() {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? "" : file.substring(0, slash);
        }
    }

    /** The exercises of a catalogue ({@code [id]} blocks of {@code key: value} lines). */
    public static List<Exercise> parseCatalogue(String text) {
        List<Exercise> exercises = new ArrayList<>();
        String id = null;
        Map<String, String> fields = new HashMap<>();
        for (String raw : (text + "\n[]").split("\n")) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                if (id != null) {
                    exercises.add(new Exercise(id, fields.getOrDefault("section", id),
                            fields.getOrDefault("title", ""), fields.getOrDefault("file", "").split(",")[0].strip()));
                }
                id = line.substring(1, line.length() - 1).strip();
                fields.clear();
            } else if (id != null && line.contains(": ") && !line.startsWith("#")) {
                int colon = line.indexOf(": ");
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        return exercises;
    }

    private static final Pattern SOLUTION = Pattern.compile("^\\s*// SOLUTION (\\S+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END (\\S+)\\s*$");

    /** For each line of a reference source (index 1 = line 1), the exercise whose region holds it, or null. */
    public static String[] regions(String source) {
        String[] lines = source.split("\n", -1);
        String[] owner = new String[lines.length + 1];
        String open = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher start = SOLUTION.matcher(lines[i]);
            Matcher end = END.matcher(lines[i]);
            if (start.matches()) {
                open = start.group(1);
            }
            owner[i + 1] = open;
            if (end.matches()) {
                open = null;
            }
        }
        return owner;
    }

    // ------------------------------------------------------------------------------------------
    // The reviewed file

    /**
     * One entry of the equivalent-mutants file. A key left out matches any value, so an entry with
     * only its header and {@code why} explains every mutant of that method (for a {@code toString}).
     *
     * @param code a piece of the mutated line, compared with runs of white space made single
     * @param at   the entry's header line in the file, for messages
     */
    public record Entry(String mutatedClass, String method, String mutator, String description, String code,
            String why, int at) {

        boolean matches(Mutant m, String line) {
            return mutatedClass.equals(m.mutatedClass()) && method.equals(m.method())
                    && (mutator == null || mutator.equals(m.mutatorName()) || mutator.equals(m.mutator()))
                    && (description == null || description.equals(m.description()))
                    && (code == null || squeeze(line).contains(squeeze(code)));
        }

        String header() {
            return "[" + mutatedClass + "#" + method + "]";
        }
    }

    private static final Pattern HEADER = Pattern.compile("^\\[([\\w.$]+)#([^\\]\\s]+)]$");
    private static final List<String> KEYS = List.of("mutator", "description", "code", "why");

    /**
     * The entries of an equivalent-mutants file.
     *
     * @throws IllegalArgumentException naming the line of an entry that cannot be read, or that has no reason
     */
    public static List<Entry> parseEquivalents(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Map<String, String> fields = null;
        String[] header = null;
        int at = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i == lines.length ? "" : lines[i].strip();
            boolean blockEnds = i == lines.length || line.startsWith("[");
            if (blockEnds && header != null) {
                if (fields.get("why") == null || fields.get("why").isBlank()) {
                    throw new IllegalArgumentException("line " + at + ": " + "[" + header[0] + "#" + header[1]
                            + "] has no 'why:' line; every entry says in one line why no test can kill the mutant");
                }
                entries.add(new Entry(header[0], header[1], fields.get("mutator"), fields.get("description"),
                        fields.get("code"), fields.get("why"), at));
                header = null;
            }
            if (i == lines.length || line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                Matcher m = HEADER.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": expected [fully.qualified.Class#method],"
                            + " got " + line);
                }
                header = new String[] {m.group(1), m.group(2)};
                fields = new HashMap<>();
                at = i + 1;
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            if (header == null || !KEYS.contains(key)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected one of " + KEYS
                        + " as 'key: value' under an [class#method] header, got " + line);
            }
            if (fields.put(key, line.substring(colon + 1).strip()) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": '" + key + "' twice in one entry");
            }
        }
        return entries;
    }

    private static String squeeze(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    // ------------------------------------------------------------------------------------------
    // Plain words

    private static final Map<String, String> MATH = new LinkedHashMap<>();

    static {
        MATH.put("Unsigned Shift Right with Shift Left", "`>>>` to `<<`");
        MATH.put("Shift Right with Shift Left", "`>>` to `<<`");
        MATH.put("Shift Left with Shift Right", "`<<` to `>>`");
        MATH.put("bitwise OR with AND", "`|` to `&`");
        MATH.put("bitwise AND with OR", "`&` to `|`");
        MATH.put("XOR with AND", "`^` to `&`");
        MATH.put("addition with subtraction", "`+` to `-`");
        MATH.put("subtraction with addition", "`-` to `+`");
        MATH.put("multiplication with division", "`*` to `/`");
        MATH.put("division with multiplication", "`/` to `*`");
        MATH.put("modulus with multiplication", "`%` to `*`");
    }

    private static final Pattern MATH_WORDS = Pattern.compile("Replaced (?:(integer|long|float|double) )?(.+)");
    private static final Pattern RETURN = Pattern.compile("replaced (?:\\w+ )?return(?: value)? with (.+) for \\S+::(\\S+)");
    private static final Pattern CALL = Pattern.compile("removed call to (\\S+)::(\\S+)");
    private static final Pattern INCREMENT = Pattern.compile("Changed increment from (-?\\d+) to (-?\\d+)");
    private static final Pattern COMPARISON = Pattern.compile("(?<=\\s)(<=|>=|==|!=|<|>)(?=\\s)");
    private static final Map<String, String> NEGATED = Map.of("<", ">=", "<=", ">", ">", "<=", ">=", "<", "==", "!=",
            "!=", "==");
    private static final Map<String, String> SHIFTED = Map.of("<", "<=", "<=", "<", ">", ">=", ">=", ">");

    /**
     * What a mutant changed, in plain words: "changed `<` to `<=`", "removed the call to
     * `OutputStream.write`", "made `type` return 0".
     *
     * @param line    the mutated source line
     * @param rank    which of the line's mutants by this mutator this one is, 0 first, by bytecode order
     * @param ofThese how many mutants this mutator made on the line
     */
    public static String plainWords(Mutant m, String line, int rank, int ofThese) {
        String d = m.description();
        switch (m.mutatorName()) {
            case "ConditionalsBoundaryMutator", "NegateConditionalsMutator" -> {
                boolean boundary = m.mutatorName().startsWith("Conditionals");
                List<String> ops = comparisons(line, boundary ? SHIFTED : NEGATED);
                if (ops.size() == ofThese && rank < ops.size()) {
                    String op = ops.get(rank);
                    return "changed `" + op + "` to `" + (boundary ? SHIFTED : NEGATED).get(op) + "`";
                }
                return boundary
                        ? "moved the boundary of a comparison on this line (`<` to `<=`, `>` to `>=`, or back)"
                        : "negated a condition on this line (`==` to `!=`, `<` to `>=`, a boolean test to its opposite)";
            }
            case "MathMutator" -> {
                Matcher w = MATH_WORDS.matcher(d);
                if (w.matches() && MATH.containsKey(w.group(2))) {
                    return "changed " + MATH.get(w.group(2)) + (w.group(1) == null ? "" : " (" + w.group(1) + ")");
                }
            }
            case "IncrementsMutator" -> {
                Matcher w = INCREMENT.matcher(d);
                if (w.matches()) {
                    return w.group(1).equals("1") && w.group(2).equals("-1") ? "changed `++` to `--`"
                            : w.group(1).equals("-1") && w.group(2).equals("1") ? "changed `--` to `++`"
                            : "changed an increment of " + w.group(1) + " to " + w.group(2);
                }
            }
            case "InvertNegsMutator" -> {
                return "removed a unary minus (`-x` became `x`)";
            }
            case "VoidMethodCallMutator" -> {
                Matcher w = CALL.matcher(d);
                if (w.matches()) {
                    String owner = w.group(1).substring(w.group(1).lastIndexOf('/') + 1).replace('$', '.');
                    return "removed the call to `" + owner + "." + w.group(2) + "(…)`";
                }
            }
            default -> {
                Matcher w = RETURN.matcher(d);
                if (w.matches()) {
                    String value = switch (w.group(1)) {
                        case "\"\"" -> "`\"\"`";
                        case "null", "true", "false", "0" -> "`" + w.group(1) + "`";
                        case "Collections.emptyList", "Collections.emptySet", "Collections.emptyMap" ->
                                "an empty collection";
                        case "Optional.empty" -> "`Optional.empty()`";
                        default -> w.group(1);
                    };
                    return "made `" + method(w.group(2)) + "` return " + value;
                }
            }
        }
        return d.isEmpty() ? m.mutatorName() : d + " (" + m.mutatorName() + ")";
    }

    private static List<String> comparisons(String line, Map<String, String> known) {
        List<String> ops = new ArrayList<>();
        Matcher c = COMPARISON.matcher(" " + codeOnly(line) + " ");
        while (c.find()) {
            if (known.containsKey(c.group(1))) {
                ops.add(c.group(1));
            }
        }
        return ops;
    }

    /** The line without string and char literals and without a trailing comment. */
    static String codeOnly(String line) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    out.append(c);
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A method as a reader names it: {@code <init>} is the constructor, {@code lambda$run$0} a lambda in run. */
    public static String method(String pitName) {
        if (pitName.equals("<init>")) {
            return "constructor";
        }
        if (pitName.equals("<clinit>")) {
            return "static initialiser";
        }
        Matcher lambda = Pattern.compile("lambda\\$(.+)\\$\\d+").matcher(pitName);
        return lambda.matches() ? "a lambda in " + lambda.group(1) : pitName;
    }

    // ------------------------------------------------------------------------------------------
    // The report

    /** One mutant with everything the report says about it. */
    public record Placed(Mutant mutant, String section, String exercise, String code, String words, Entry explainedBy) {
    }

    /** Counts for one row of the table. */
    static final class Counts {
        int mutants;
        final Map<Fate, Integer> fates = new TreeMap<>();
        int unexplained;

        void add(Placed p) {
            mutants++;
            fates.merge(p.mutant().fate(), 1, Integer::sum);
            if (p.mutant().fate().needsExplaining() && p.explainedBy() == null) {
                unexplained++;
            }
        }

        int of(Fate f) {
            return fates.getOrDefault(f, 0);
        }

        String strength() {
            int reached = mutants - of(Fate.NOT_REACHED);
            return reached == 0 ? "-" : String.format(Locale.ROOT, "%d%%", (int) Math.floor(
                    100.0 * (of(Fate.KILLED) + of(Fate.TIMED_OUT)) / reached));
        }

        List<String> cells() {
            return List.of(String.valueOf(mutants), String.valueOf(of(Fate.KILLED)), String.valueOf(of(Fate.TIMED_OUT)),
                    String.valueOf(of(Fate.SURVIVED)), String.valueOf(of(Fate.NOT_REACHED)), strength(),
                    String.valueOf(unexplained));
        }
    }

    /** What a run of the report found. */
    public record Result(List<Placed> placed, List<Entry> stale, int entriesElsewhere, String console, String markdown) {

        public List<Placed> unexplained() {
            return placed.stream().filter(p -> p.mutant().fate().needsExplaining() && p.explainedBy() == null).toList();
        }
    }

    /**
     * Places every mutant, matches the unkilled ones against {@code entries}, and renders the table.
     *
     * @param sources     reads a reference source by its path under {@code src/main/java}; empty if absent
     * @param sourcesName the sources as the reader sees them from the root, for paths in the report
     */
    public static Result report(List<Mutant> mutants, List<Exercise> catalogue, List<Entry> entries,
            java.util.function.Function<String, Optional<String>> sources, String sourcesName, String equivalentsName) {
        Map<String, String[]> regionsByPath = new HashMap<>();
        Map<String, String[]> linesByPath = new HashMap<>();
        Map<String, String> sectionTitles = new LinkedHashMap<>();
        for (Exercise e : catalogue) {
            sectionTitles.putIfAbsent(sectionId(e.section()), e.section());
        }
        // rank of each mutant among the same mutator's on its line, in bytecode order
        Map<String, List<Mutant>> sameLine = new HashMap<>();
        for (Mutant m : mutants) {
            sameLine.computeIfAbsent(m.mutatedClass() + ":" + m.line() + ":" + m.mutator(), k -> new ArrayList<>()).add(m);
        }
        sameLine.values().forEach(l -> l.sort(Comparator.comparingInt(Mutant::index)));

        List<Placed> placed = new ArrayList<>();
        for (Mutant m : mutants) {
            String path = m.path();
            String[] lines = linesByPath.computeIfAbsent(path,
                    p -> sources.apply(p).map(s -> s.split("\n", -1)).orElse(new String[0]));
            String[] owner = regionsByPath.computeIfAbsent(path,
                    p -> sources.apply(p).map(MutationReport::regions).orElse(new String[0]));
            String code = m.line() >= 1 && m.line() <= lines.length ? squeeze(lines[m.line() - 1]) : "";
            String exercise = m.line() < owner.length ? owner[m.line()] : null;
            String section = exercise != null ? sectionOfExercise(exercise, catalogue) : sectionOfPath(path, catalogue);
            List<Mutant> peers = sameLine.get(m.mutatedClass() + ":" + m.line() + ":" + m.mutator());
            String words = plainWords(m, code, peers.indexOf(m), peers.size());
            Entry by = null;
            if (m.fate().needsExplaining() && m.fate() != Fate.ERROR) {
                by = entries.stream().filter(e -> e.matches(m, code)).findFirst().orElse(null);
            }
            placed.add(new Placed(m, section, exercise == null ? OUTSIDE : exercise, code, words, by));
        }

        // Entries are checked against the sections this run mutated; others belong to other runs.
        java.util.Set<String> sectionsRun = new java.util.HashSet<>();
        placed.forEach(p -> sectionsRun.add(p.section()));
        List<Entry> stale = new ArrayList<>();
        int elsewhere = 0;
        for (Entry e : entries) {
            String section = sectionOfPath(e.mutatedClass().replaceAll("\\$.*", "").replace('.', '/') + ".java", catalogue);
            boolean mutatedHere = placed.stream().anyMatch(p -> p.mutant().mutatedClass().equals(e.mutatedClass()));
            if (!sectionsRun.contains(section) && !mutatedHere) {
                elsewhere++;
                continue;
            }
            if (placed.stream().noneMatch(p -> p.explainedBy() == e)) {
                stale.add(e);
            }
        }

        List<String> order = new ArrayList<>(sectionTitles.keySet());
        placed.stream().map(Placed::section).distinct().filter(s -> !order.contains(s)).sorted().forEach(order::add);
        Comparator<Placed> reading = Comparator.comparing((Placed p) -> order.indexOf(p.section()))
                .thenComparing(p -> exerciseRank(p.exercise(), catalogue))
                .thenComparing(p -> p.mutant().path()).thenComparingInt(p -> p.mutant().line())
                .thenComparingInt(p -> p.mutant().index()).thenComparing(p -> p.mutant().mutator());
        placed.sort(reading);

        // rows: each section, its exercises in catalogue order, then what lies outside them
        Map<String, Counts> rows = new LinkedHashMap<>();
        Counts total = new Counts();
        for (String s : order) {
            List<Placed> inSection = placed.stream().filter(p -> p.section().equals(s)).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            Counts sc = new Counts();
            inSection.forEach(sc::add);
            rows.put("**" + sectionTitles.getOrDefault(s, s) + "**", sc);
            for (Exercise e : catalogue) {
                if (sectionId(e.section()).equals(s)) {
                    Counts ec = new Counts();
                    inSection.stream().filter(p -> p.exercise().equals(e.id())).forEach(ec::add);
                    rows.put(e.id() + " " + e.title(), ec);
                }
            }
            Counts oc = new Counts();
            inSection.stream().filter(p -> p.exercise().equals(OUTSIDE)).forEach(oc::add);
            rows.put(s + " " + OUTSIDE, oc);
            inSection.forEach(total::add);
        }
        rows.put("**Total**", total);

        List<String> head = List.of("mutants", "killed", "timed out", "survived", "not reached", "strength", "unexplained");
        var md = new StringBuilder();
        md.append("# Mutation testing of the reference solutions\n\n");
        md.append("PIT mutated `").append(sourcesName).append("` and ran the chapter's tests on each mutant."
                + " Strength is (killed + timed out) / reached; a mutant is reached when at least one test runs its line."
                + " Unexplained: survived or not reached, and not listed in `").append(equivalentsName).append("`.\n\n");
        md.append("| section / exercise | ").append(String.join(" | ", head)).append(" |\n");
        md.append("| --- |").append(" ---: |".repeat(head.size())).append("\n");
        rows.forEach((name, c) -> md.append("| ").append(name).append(" | ")
                .append(String.join(" | ", c.cells())).append(" |\n"));

        var con = new StringBuilder();
        String rule = "-".repeat(117) + "\n";
        con.append(rule).append("Mutation testing: the chapter's tests against ").append(sourcesName).append("\n").append(rule);
        String format = "%-50s%8s%7s%10s%9s%12s%9s%12s%n";
        con.append(String.format(Locale.ROOT, format, "", "mutants", "killed", "timed out", "survived", "not reached",
                "strength", "unexplained"));
        rows.forEach((name, c) -> {
            List<String> cells = c.cells();
            String label = name.startsWith("**") ? name.replace("**", "") : "  " + name;
            con.append(String.format(Locale.ROOT, format, clip(label, 49), cells.get(0), cells.get(1), cells.get(2),
                    cells.get(3), cells.get(4), cells.get(5), cells.get(6)));
        });
        con.append(rule);

        List<Placed> open = placed.stream().filter(p -> p.mutant().fate().needsExplaining()).toList();
        md.append("\n## Survived or not reached (").append(open.size()).append(")\n");
        String lastSection = null;
        for (Placed p : open) {
            if (!p.section().equals(lastSection)) {
                lastSection = p.section();
                md.append("\n### ").append(sectionTitles.getOrDefault(lastSection, lastSection)).append("\n\n");
            }
            md.append("- ").append(describe(p, sourcesName, true)).append("\n");
        }
        if (!stale.isEmpty()) {
            md.append("\n## Entries of `").append(equivalentsName).append("` that matched nothing (").append(stale.size())
                    .append(")\n\n");
            stale.forEach(e -> md.append("- line ").append(e.at()).append(": `").append(e.header()).append("` ")
                    .append(keys(e)).append("\n"));
        }

        List<Placed> unexplained = open.stream().filter(p -> p.explainedBy() == null).toList();
        long explained = open.size() - unexplained.size();
        con.append(open.size()).append(" survived or not reached; ").append(explained).append(" explained in ")
                .append(equivalentsName).append(", ").append(unexplained.size()).append(" not.\n");
        con.append("Full list: the Markdown report next to PIT's index.html (").append(TABLE_FILE).append(").\n");
        for (Entry e : stale) {
            con.append("WARNING: ").append(equivalentsName).append(" line ").append(e.at()).append(": ")
                    .append(e.header()).append(" ").append(keys(e)).append(" matches no mutant that survived or went"
                            + " unreached in this run. Its mutant is killed now, or its code changed: delete the entry,"
                            + " or fix its keys.\n");
        }
        if (!unexplained.isEmpty()) {
            con.append("\nFAILED: ").append(unexplained.size()).append(" mutant(s) of the reference survived the chapter's"
                    + " tests or were never reached by one, and ").append(equivalentsName).append(" does not explain them.\n"
                    + "For each: write a test that a wrong solution would also fail, or, if no test can tell the"
                    + " mutant from the reference (an equivalent mutant), add the entry shown, with a one-line reason.\n");
            for (Placed p : unexplained) {
                con.append("\n* ").append(describe(p, sourcesName, false)).append("\n");
                if (p.mutant().fate() != Fate.ERROR) {
                    con.append(indent(entryFor(p), "    "));
                }
            }
        }
        return new Result(placed, stale, elsewhere, con.toString(), md.toString());
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static String keys(Entry e) {
        List<String> parts = new ArrayList<>();
        if (e.mutator() != null) {
            parts.add("mutator: " + e.mutator());
        }
        if (e.description() != null) {
            parts.add("description: " + e.description());
        }
        if (e.code() != null) {
            parts.add("code: " + e.code());
        }
        return parts.isEmpty() ? "(every mutant of the method)" : String.join("; ", parts);
    }

    private static String indent(String text, String by) {
        return text.lines().map(l -> by + l + "\n").reduce("", String::concat);
    }

    /** file:line, method, exercise, fate, what changed, the line, and the reason if any. */
    static String describe(Placed p, String sourcesName, boolean markdown) {
        Mutant m = p.mutant();
        String where = sourcesName + "/" + m.path() + ":" + m.line();
        String fate = m.fate() == Fate.ERROR ? "not judged by PIT (" + m.status() + "): rerun" : m.fate().words;
        String text = (markdown ? "`" + where + "`" : where) + " in " + method(m.method()) + " (" + p.exercise() + "): "
                + fate + ", " + p.words() + " in `" + p.code() + "`";
        if (p.explainedBy() != null) {
            text += markdown ? ". Equivalent: " + p.explainedBy().why() : "";
        } else if (markdown) {
            text += ". **Unexplained.**";
        }
        return text;
    }

    /** The entry that would explain {@code p}, for the author to paste and give a reason. */
    static String entryFor(Placed p) {
        Mutant m = p.mutant();
        return "[" + m.mutatedClass() + "#" + m.method() + "]\n"
                + "mutator: " + m.mutatorName() + "\n"
                + "description: " + m.description() + "\n"
                + "code: " + p.code() + "\n"
                + "why: <one line: why no test can tell this mutant from the reference>\n";
    }

    static String sectionId(String sectionTitle) {
        int space = sectionTitle.indexOf(' ');
        return space < 0 ? sectionTitle : sectionTitle.substring(0, space);
    }

    private static String sectionOfExercise(String id, List<Exercise> catalogue) {
        return catalogue.stream().filter(e -> e.id().equals(id)).map(e -> sectionId(e.section())).findFirst()
                .orElse(id.replaceAll("[a-z]+$", ""));
    }

    /** The section whose exercises' files share the longest folder with {@code path}; "?" when none does. */
    static String sectionOfPath(String path, List<Exercise> catalogue) {
        String best = "?";
        int bestLength = -1;
        for (Exercise e : catalogue) {
            String folder = e.folder();
            boolean inside = path.startsWith(folder + "/") || folder.isEmpty();
            if (inside && folder.length() > bestLength) {
                best = sectionId(e.section());
                bestLength = folder.length();
            }
        }
        return best;
    }

    private static int exerciseRank(String exercise, List<Exercise> catalogue) {
        for (int i = 0; i < catalogue.size(); i++) {
            if (catalogue.get(i).id().equals(exercise)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    // ------------------------------------------------------------------------------------------
    // What changed since mutation testing last passed

    /** Where each section's state is recorded when mutation testing passes on it. */
    public static final Path DIGESTS = Path.of("verification", "mutation", "digests.txt");

    /** Files every section's result depends on, besides the section's own: the machinery and the run's setup. */
    static final List<String> SHARED = List.of("pom.xml", "support/src/main", "solutions/%s/pom.xml",
            "chapters/%s/pom.xml", "chapters/%s/src/test/resources/junit-platform.properties",
            "verification/src/main/java/workbook/verification/MutationReport.java");

    /**
     * A digest per section of {@code chapter}: SHA-256 over the section's reference sources and tests
     * (the files whose folder the catalogue places in the section), the files in {@link #SHARED}, the
     * chapter's test files of no section, and the section's entries in the equivalent-mutants file.
     * Line endings do not count.
     */
    public static Map<String, String> digests(Path root, String chapter, List<Exercise> catalogue, List<Entry> entries)
            throws IOException {
        Map<String, List<Path>> bySection = new TreeMap<>();
        List<Path> shared = new ArrayList<>();
        for (String pattern : SHARED) {
            shared.addAll(files(root.resolve(pattern.formatted(chapter))));
        }
        for (String tree : List.of("solutions/%s/src/main/java", "chapters/%s/src/test/java")) {
            Path base = root.resolve(tree.formatted(chapter));
            for (Path f : files(base)) {
                String section = sectionOfPath(base.relativize(f).toString().replace('\\', '/'), catalogue);
                if (section.equals("?")) {
                    shared.add(f);
                } else {
                    bySection.computeIfAbsent(section, k -> new ArrayList<>()).add(f);
                }
            }
        }
        byte[] common = hash(root, shared, "");
        Map<String, String> digests = new TreeMap<>();
        for (var section : bySection.entrySet()) {
            var text = new StringBuilder(java.util.HexFormat.of().formatHex(common));
            for (Entry e : entries) {
                if (sectionOfPath(classPath(e.mutatedClass()), catalogue).equals(section.getKey())) {
                    text.append('\n').append(e.header()).append(keys(e)).append(e.why());
                }
            }
            digests.put(section.getKey(), java.util.HexFormat.of().formatHex(hash(root, section.getValue(), text.toString())));
        }
        return digests;
    }

    private static String classPath(String className) {
        return className.replaceAll("\\$.*", "").replace('.', '/') + ".java";
    }

    private static List<Path> files(Path start) throws IOException {
        if (Files.isRegularFile(start)) {
            return List.of(start);
        }
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (var walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static byte[] hash(Path root, List<Path> files, String extra) throws IOException {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path f : files.stream().sorted().toList()) {
                sha.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readString(f, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                sha.update((byte) 0);
            }
            sha.update(extra.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded digests: lines {@code <section> <chapter> <sha-256>}; {@code #} starts a comment. */
    static Map<String, String> readDigests(Path file) throws IOException {
        Map<String, String> recorded = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 3 && !f[0].startsWith("#")) {
                    recorded.put(f[1] + " " + f[0], f[2]);
                }
            }
        }
        return recorded;
    }

    /** Records {@code now} for {@code sections} of {@code chapter}, keeping every other line. */
    static void writeDigests(Path file, String chapter, Map<String, String> now, java.util.Set<String> sections)
            throws IOException {
        Map<String, String> recorded = readDigests(file);
        for (String s : sections) {
            if (now.containsKey(s)) {
                recorded.put(chapter + " " + s, now.get(s));
            }
        }
        var out = new StringBuilder("""
                # The state of each section when mutation testing last passed on it, written by the mutation
                # run (./mvnw -q test -Pmutation): <section> <chapter> <SHA-256 of the section's reference, tests,
                # shared test machinery and equivalent-mutant entries>. Commit it with the change that made it.
                # CI mutates only the sections whose state differs (README, "For instructors").
                """);
        Map<String, String> sorted = new TreeMap<>(Comparator.comparing((String k) -> k.split(" ")[0])
                .thenComparing(k -> sectionSortKey(k.split(" ")[1])));
        sorted.putAll(recorded);
        // A blank line between sections, so that branches that each change one section merge cleanly.
        sorted.forEach((k, v) -> out.append('\n').append(k.split(" ")[1]).append(' ').append(k.split(" ")[0])
                .append(' ').append(v).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static String sectionSortKey(String section) {
        return java.util.Arrays.stream(section.split("\\.")).map(p -> "%6s".formatted(p)).reduce("", String::concat);
    }

    /** The PIT globs ({@code ch04.fixedbuffer.*}) of the sections whose digest differs from the recorded one. */
    static List<String> changedTargets(Path root, String chapter, List<Exercise> catalogue, List<Entry> entries)
            throws IOException {
        Map<String, String> recorded = readDigests(root.resolve(DIGESTS));
        Map<String, String> now = digests(root, chapter, catalogue, entries);
        List<String> targets = new ArrayList<>();
        for (var section : now.entrySet()) {
            if (!section.getValue().equals(recorded.get(chapter + " " + section.getKey()))) {
                targets.addAll(targetsOf(section.getKey(), catalogue));
            }
        }
        return targets;
    }

    /** {@code ch04/tlv/faithful} of a section's exercise files as {@code ch04.tlv.faithful.*}, without repeats. */
    static List<String> targetsOf(String section, List<Exercise> catalogue) {
        return catalogue.stream().filter(e -> sectionId(e.section()).equals(section))
                .map(e -> e.folder().replace('/', '.') + ".*").distinct().toList();
    }

    /** The sections whose every folder PIT's {@code targets} (globs, comma-separated) take in whole. */
    static java.util.Set<String> coveredBy(String targets, List<Exercise> catalogue) {
        List<Pattern> globs = java.util.Arrays.stream(targets.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> Pattern.compile(java.util.Arrays.stream(t.split("\\*", -1)).map(Pattern::quote)
                        .reduce((a, b) -> a + ".*" + b).orElse(""))).toList();
        java.util.Set<String> covered = new java.util.TreeSet<>();
        catalogue.stream().map(e -> sectionId(e.section())).distinct().forEach(section -> {
            boolean all = catalogue.stream().filter(e -> sectionId(e.section()).equals(section))
                    .allMatch(e -> globs.stream().anyMatch(g -> g.matcher(e.folder().replace('/', '.') + ".AnyClass").matches()));
            if (all) {
                covered.add(section);
            }
        });
        return covered;
    }

    // ------------------------------------------------------------------------------------------
    // Command line

    /**
     * Reports, from the repository's root (or {@code --root DIR}): {@code [--targets GLOBS] [chapter...]},
     * the chapters' folder names under {@code solutions/} (default: every chapter with a PIT report).
     * {@code --targets} are the globs PIT was given (default {@code *}); when the gate passes, the
     * sections they take in whole get their state recorded in {@link #DIGESTS}.
     *
     * <p>{@code --changed [chapter...]} prints instead, on one line, the PIT globs of the sections whose
     * state differs from the recorded one (an empty line when none does), for CI.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<String> chapters = new ArrayList<>();
        String targets = "*";
        boolean changed = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--targets" -> targets = args[++i];
                case "--changed" -> changed = true;
                default -> chapters.add(args[i]);
            }
        }
        if (chapters.isEmpty()) {
            try (var dirs = Files.list(root.resolve("solutions"))) {
                Path r = root;
                boolean all = changed;
                dirs.filter(d -> all ? Files.isDirectory(d.resolve("src/main/java"))
                                : Files.isRegularFile(pitXml(r, d.getFileName().toString())))
                        .map(d -> d.getFileName().toString()).sorted().forEach(chapters::add);
            }
        }
        if (chapters.isEmpty()) {
            fail("No PIT report under solutions/*/target/pit-reports/: run ./mvnw -q test -Pmutation first.");
        }
        List<Entry> entries = List.of();
        try {
            if (Files.isRegularFile(root.resolve(EQUIVALENTS))) {
                entries = parseEquivalents(Files.readString(root.resolve(EQUIVALENTS), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            fail(EQUIVALENTS + ": " + e.getMessage());
        }
        if (changed) {
            List<String> globs = new ArrayList<>();
            for (String chapter : chapters) {
                List<String> chapterGlobs = changedTargets(root, chapter, catalogue(root, chapter), entries);
                System.err.println(chapter + ": " + (chapterGlobs.isEmpty() ? "no section changed" : "changed: "
                        + String.join(", ", chapterGlobs)) + " since the state recorded in " + DIGESTS);
                globs.addAll(chapterGlobs);
            }
            System.out.println(String.join(",", globs));
            return;
        }
        int failed = 0;
        for (String chapter : chapters) {
            Path xml = pitXml(root, chapter);
            if (!Files.isRegularFile(xml)) {
                fail("Missing " + root.relativize(xml) + ": run ./mvnw -q test -Pmutation from the repository's root first.");
            }
            List<Exercise> catalogue = catalogue(root, chapter);
            Path sources = root.resolve("solutions").resolve(chapter).resolve("src/main/java");
            Result result = null;
            try {
                result = report(parseMutations(Files.readAllBytes(xml)), catalogue, entries,
                        p -> read(sources.resolve(p)), root.relativize(sources).toString().replace('\\', '/'),
                        EQUIVALENTS.toString().replace('\\', '/'));
            } catch (IllegalArgumentException e) {
                fail(root.relativize(xml) + ": " + e.getMessage());
            }
            Path table = xml.resolveSibling(TABLE_FILE);
            Files.writeString(table, result.markdown(), StandardCharsets.UTF_8);
            System.out.print(result.console());
            System.out.println("Table and list: " + root.relativize(table) + "; PIT's own report: "
                    + root.relativize(xml.resolveSibling("index.html")));
            if (result.unexplained().isEmpty()) {
                var recorded = coveredBy(targets, catalogue);
                writeDigests(root.resolve(DIGESTS), chapter, digests(root, chapter, catalogue, entries), recorded);
                if (!recorded.isEmpty()) {
                    System.out.println("Recorded the state of " + String.join(", ", recorded) + " in " + DIGESTS
                            + ": commit it with your change, and CI will not mutate these sections again until they change.");
                }
            } else {
                failed++;
            }
        }
        System.out.flush();
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

    private static List<Exercise> catalogue(Path root, String chapter) throws IOException {
        Path file = root.resolve("chapters").resolve(chapter).resolve("src/test/resources/workbook/catalogue.txt");
        if (!Files.isRegularFile(file)) {
            fail("Missing " + root.relativize(file) + ": every chapter needs its catalogue.");
        }
        return parseCatalogue(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Path pitXml(Path root, String chapter) {
        return root.resolve("solutions").resolve(chapter).resolve("target/pit-reports/mutations.xml");
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
