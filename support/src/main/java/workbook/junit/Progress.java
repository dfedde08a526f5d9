package workbook.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import workbook.Shell;

/**
 * The state of each exercise, from this run's results, what earlier runs found (the progress
 * store) and the compiler's list of errors, and the ways of showing it: a table for the console,
 * a Markdown report (the grader's score table), and the next exercise to do.
 */
public final class Progress {

    /** An exercise's state. */
    public enum Status {
        DONE("done", "[x]"), FAILING("failing", "[!]"), DOES_NOT_COMPILE("does not compile", "[#]"),
        NOT_STARTED("not started", "[ ]"), SKIPPED("skipped", "[-]"), PARTLY_RUN("partly run", "[~]"),
        NOT_RUN("not run yet", "[ ]");

        final String words;
        final String mark;

        Status(String words, String mark) {
            this.words = words;
            this.mark = mark;
        }
    }

    /**
     * One exercise.
     *
     * @param passed how many of its tests passed; {@code failed}, {@code tests} likewise
     * @param ownStub whether its tests reached its own stub
     * @param waitsFor the other exercises whose stubs its tests reached
     * @param problem for {@link Status#DOES_NOT_COMPILE}: the compile error, {@code file:line: message}
     * @param when 0 when this run (or this compile) says so, else when the earlier run that did ended (epoch ms)
     * @param ranNow whether its tests ran in this run
     * @param unmet its prerequisites ({@code needs:}, and stubs its tests reached) that are not done
     * @param part when this run ran only some of its tests: how many of how many, in words (such as
     *     {@code 1 of its 7 tests}); empty when it ran them all, or none
     */
    public record Line(Catalogue.Exercise exercise, Status status, int passed, int failed, int tests, boolean ownStub,
            List<String> waitsFor, String problem, long when, boolean ranNow, List<String> unmet, String part) {

        public Line(Catalogue.Exercise exercise, Status status, int passed, int failed, int tests, boolean ownStub,
                List<String> waitsFor, String problem, long when, boolean ranNow, List<String> unmet) {
            this(exercise, status, passed, failed, tests, ownStub, waitsFor, problem, when, ranNow, unmet, "");
        }

        /** Whether this run (or this compile) produced the line, rather than an earlier run. */
        public boolean current() {
            return when == 0;
        }

        Line with(Status s, String p, long w, List<String> u) {
            return new Line(exercise, s, passed, failed, tests, ownStub, waitsFor, p, w, ranNow, u, part);
        }

        Line part(String words, boolean ran) {
            return new Line(exercise, status, passed, failed, tests, ownStub, waitsFor, problem, when, ran, unmet, words);
        }

        static Line notRun(Catalogue.Exercise e) {
            return new Line(e, Status.NOT_RUN, 0, 0, 0, false, List.of(), "", 0, false, List.of());
        }

        /** The state in words, as the console table shows it. */
        public String state(Catalogue catalogue) {
            String needs = unmet.isEmpty() ? "" : "needs " + catalogue.ranges(unmet);
            String words = switch (status) {
                case FAILING -> "failing: " + failed + " of " + tests + " tests" + (needs.isEmpty() ? "" : "; " + needs);
                // Every row says its state first, also one whose tests stop at another exercise's stub.
                case NOT_STARTED -> status.words + (!ownStub && passed > 0 ? ": " + passed + " of " + tests + " tests pass" : "")
                        + (needs.isEmpty() ? "" : "; " + needs);
                case NOT_RUN -> needs.isEmpty() ? status.words : status.words + "; " + needs;
                case PARTLY_RUN -> "partly run: " + (part.isEmpty() ? passed + " of its tests passed"
                        : "this run ran " + part + ", and " + pronoun() + " passed; run them all") + (needs.isEmpty() ? "" : "; " + needs);
                default -> status.words;
            };
            words = current() || status == Status.NOT_RUN ? words : words + " (earlier run)";
            if (part.isEmpty() || status == Status.PARTLY_RUN) {
                return words;
            }
            return words + (ranNow ? "; this run ran only " + part : "; this run ran only " + part + ", and " + pronoun() + " passed");
        }

        private String pronoun() {
            return part.startsWith("1 of ") ? "it" : "they";
        }
    }

    private final Catalogue catalogue;
    private final List<Line> lines = new ArrayList<>();
    private final List<ProgressListener.Result> outside = new ArrayList<>();
    private final List<String> brokenOutside;
    private final Set<String> brokenCode;

    /** This run's results alone: no memory, no compiler's list (the reference's and the grader's runs). */
    Progress(Catalogue catalogue, List<ProgressListener.Result> results) {
        this(catalogue, results, Map.of(), Map.of());
    }

    /**
     * @param remembered what earlier runs found, by exercise (the progress store)
     * @param compileErrors the compiler's errors, {@code file:line: message}, by the exercise whose
     *     code holds them; errors outside every exercise under the key {@code ""}
     */
    Progress(Catalogue catalogue, List<ProgressListener.Result> results, Map<String, Line> remembered,
            Map<String, List<String>> compileErrors) {
        this(catalogue, results, remembered, compileErrors, Map.of());
    }

    /**
     * How many tests an exercise has, and how many of them a run ran, for an exercise that the run
     * ran only some of the tests of (a {@code -Dtest=Class#method} selection, an IDE's single test).
     */
    public record Part(int ran, int of) {

        String words() {
            return ran + " of its " + of + " tests";
        }
    }

    /**
     * @param partlyRun the exercises whose tests this run ran only some of: such a run proves a
     *     failure, never that the exercise is done, so where every test it ran passed, the line
     *     stays what earlier runs found (or "partly run"), and says how much ran
     */
    Progress(Catalogue catalogue, List<ProgressListener.Result> results, Map<String, Line> remembered,
            Map<String, List<String>> compileErrors, Map<String, Part> partlyRun) {
        this.catalogue = catalogue;
        this.brokenOutside = compileErrors.getOrDefault("", List.of());
        this.brokenCode = compileErrors.keySet();
        List<Line> raw = new ArrayList<>();
        for (Catalogue.Exercise e : catalogue.exercises()) {
            List<ProgressListener.Result> mine = results.stream().filter(r -> r.exercise().equals(e.id())).toList();
            Line line;
            Part part = partlyRun.get(e.id());
            if (!mine.isEmpty() && part != null) {
                line = fromResults(e, mine);
                if (line.status() == Status.DONE || line.status() == Status.SKIPPED) {
                    // What ran passed, but the tests that did not run may fail: not done on this run's word.
                    line = remembered.containsKey(e.id()) && remembered.get(e.id()).status() != Status.PARTLY_RUN
                            ? fromMemory(e, remembered.get(e.id()), compileErrors).part(part.words(), false)
                            : line.with(Status.PARTLY_RUN, "", 0, List.of()).part(part.words(), true);
                } else {
                    line = line.part(part.words(), true); // a failure is a failure, however few tests ran
                }
            } else if (!mine.isEmpty()) {
                line = fromResults(e, mine);
            } else if (remembered.containsKey(e.id())) {
                line = fromMemory(e, remembered.get(e.id()), compileErrors);
            } else {
                line = Line.notRun(e);
            }
            List<String> errors = compileErrors.getOrDefault(e.id(), List.of());
            if (!errors.isEmpty()) {
                String problem = errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
                line = line.with(Status.DOES_NOT_COMPILE, problem, 0, List.of());
            }
            raw.add(line);
        }
        Map<String, Status> status = new LinkedHashMap<>();
        raw.forEach(l -> status.put(l.exercise().id(), l.status()));
        for (Line l : raw) {
            Set<String> unmet = new LinkedHashSet<>();
            if (l.status() != Status.DONE) {
                for (String need : l.exercise().needs()) {
                    if (status.getOrDefault(need, Status.NOT_RUN) != Status.DONE) {
                        unmet.add(need);
                    }
                }
                for (String stub : l.waitsFor()) {
                    if (status.getOrDefault(stub, Status.NOT_RUN) != Status.DONE) {
                        unmet.add(stub);
                    }
                }
            }
            lines.add(l.with(l.status(), l.problem(), l.when(), List.copyOf(unmet)));
        }
        for (ProgressListener.Result r : results) {
            if (catalogue.exercise(r.exercise()).isEmpty() && r.outcome() == Outcome.FAILED) {
                outside.add(r);
            }
        }
    }

    /** What the runs so far found, with no run of its own (the student command's status). */
    public static Progress remembered(Catalogue catalogue, Map<String, Line> remembered, Map<String, List<String>> compileErrors) {
        return new Progress(catalogue, List.of(), remembered, compileErrors);
    }

    /** The compile errors of a compiler's log, placed in exercises as the student's run places them. */
    public static Map<String, List<String>> compileErrors(Catalogue catalogue, workbook.regions.Tree tree, java.nio.file.Path sourceRoot,
            List<CompileProblems.Problem> problems) throws java.io.IOException {
        return ProgressListener.place(catalogue, tree, sourceRoot, problems);
    }

    private static Line fromMemory(Catalogue.Exercise e, Line memory, Map<String, List<String>> compileErrors) {
        if (memory.status() == Status.DOES_NOT_COMPILE && !compileErrors.containsKey(e.id())) {
            return Line.notRun(e); // it compiles now, and its tests have not run since
        }
        return new Line(e, memory.status(), memory.passed(), memory.failed(), memory.tests(), memory.ownStub(),
                memory.waitsFor(), memory.problem(), memory.when() == 0 ? 1 : memory.when(), false, List.of());
    }

    private static Line fromResults(Catalogue.Exercise e, List<ProgressListener.Result> mine) {
        int passed = count(mine, Outcome.PASSED);
        int failed = count(mine, Outcome.FAILED);
        Optional<ProgressListener.Result> broken = mine.stream().filter(r -> r.outcome() == Outcome.DOES_NOT_COMPILE).findFirst();
        Status status = broken.isPresent() ? Status.DOES_NOT_COMPILE
                : failed > 0 ? Status.FAILING
                : count(mine, Outcome.NOT_STARTED) > 0 ? Status.NOT_STARTED
                : passed > 0 ? Status.DONE : Status.SKIPPED;
        boolean ownStub = mine.stream().anyMatch(r -> r.outcome() == Outcome.NOT_STARTED && r.stub().equals(e.id()));
        List<String> waitsFor = mine.stream()
                .filter(r -> r.outcome() == Outcome.NOT_STARTED && !r.stub().isEmpty() && !r.stub().equals(e.id()))
                .map(ProgressListener.Result::stub).distinct().sorted().toList();
        return new Line(e, status, passed, failed + count(mine, Outcome.DOES_NOT_COMPILE), mine.size(), ownStub, waitsFor,
                broken.map(ProgressListener.Result::detail).orElse(""), 0, true, List.of());
    }

    private static int count(List<ProgressListener.Result> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Every exercise, in the catalogue's order. */
    public List<Line> lines() {
        return lines;
    }

    /** The lines this run's tests produced, for the progress store. */
    List<Line> ranNow() {
        return lines.stream().filter(Line::ranNow).toList();
    }

    public Optional<Line> line(String id) {
        return lines.stream().filter(l -> l.exercise().id().equals(id)).findFirst();
    }

    /**
     * The exercise to do next: the first, in the catalogue's order, whose code does not compile
     * (by the compiler's list, else by what the tests ran into);
     * else the first that is not done, or, when that one needs exercises that are not done yet,
     * the first of those. Never one that is done; empty when every exercise is.
     */
    public Optional<Line> next() {
        // The compiler's list says whose code holds an error; a test that ran into it only says whose test did.
        Optional<Line> broken = lines.stream().filter(l -> brokenCode.contains(l.exercise().id())).findFirst()
                .or(() -> lines.stream().filter(l -> l.status() == Status.DOES_NOT_COMPILE).findFirst());
        if (broken.isPresent()) {
            return broken;
        }
        Optional<Line> next = lines.stream().filter(l -> l.status() != Status.DONE).findFirst();
        Set<String> seen = new LinkedHashSet<>();
        while (next.isPresent() && !next.get().unmet().isEmpty() && seen.add(next.get().exercise().id())) {
            String first = next.get().unmet().get(0);
            Optional<Line> need = line(first);
            if (need.isEmpty()) {
                break;
            }
            next = need;
        }
        return next;
    }

    /** The compile errors outside every exercise's code, {@code file:line: message}. */
    public List<String> brokenOutside() {
        return brokenOutside;
    }

    private Map<String, List<Line>> bySection(boolean all) {
        Map<String, List<Line>> sections = new LinkedHashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Line l : lines) {
            if (l.status() != Status.NOT_RUN) {
                shown.add(l.exercise().section());
            }
        }
        for (Line l : lines) {
            if (shown.contains(l.exercise().section()) && (all || l.status() != Status.NOT_RUN)) {
                sections.computeIfAbsent(l.exercise().section(), k -> new ArrayList<>()).add(l);
            }
        }
        return sections;
    }

    private static long count(List<Line> lines, Status status) {
        return lines.stream().filter(l -> l.status() == status).count();
    }

    /** The console table, with paths and commands written for this machine's shell. */
    public String consoleTable(String subject, String sources, String run) {
        return consoleTable(subject, sources, run, Shell.current());
    }

    /**
     * The console table. {@code sources} (with {@code /}) and {@code run} (for a Unix shell) are
     * shown as {@code shell} writes them. Lines end in {@code \n} on every platform.
     */
    public String consoleTable(String subject, String sources, String run, Shell shell) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(78) + "\n";
        out.append(rule).append("Workbook progress: ").append(subject).append(" (").append(shell.path(sources)).append(")\n")
                .append(rule);
        for (var section : bySection(true).entrySet()) {
            List<Line> ls = section.getValue();
            long ran = ls.stream().filter(Line::ranNow).count();
            String scope = ran == ls.size() || lines.stream().noneMatch(Line::ranNow) ? ""
                    : ran == 0 ? "; not in this run" : "; " + ran + " of " + ls.size() + " in this run";
            out.append(String.format(Locale.ROOT, "%-52s %2d/%d done%s%s%s\n", section.getKey(), count(ls, Status.DONE), ls.size(),
                    count(ls, Status.FAILING) > 0 ? ", " + count(ls, Status.FAILING) + " failing" : "",
                    count(ls, Status.DOES_NOT_COMPILE) > 0 ? ", " + count(ls, Status.DOES_NOT_COMPILE) + " not compiling" : "",
                    scope));
            for (Line l : ls) {
                String title = l.exercise().id() + " " + l.exercise().title();
                if (title.length() > 50) {
                    title = title.substring(0, 49) + "…";
                }
                out.append(String.format(Locale.ROOT, "  %s %-50s %s\n", l.status().mark, title, l.state(catalogue)));
                if (l.status() == Status.DOES_NOT_COMPILE && !l.problem().isEmpty()) {
                    out.append("        ").append(shownProblem(l.problem(), sources, shell)).append("\n");
                }
            }
        }
        if (!outside.isEmpty()) {
            out.append("Failing outside any exercise (a broken test setup, not your code?):\n");
            outside.forEach(r -> out.append("  ").append(r.test()).append("\n"));
        }
        if (!brokenOutside.isEmpty()) {
            out.append("Does not compile, outside every exercise's code:\n");
            brokenOutside.forEach(p -> out.append("  ").append(shownProblem(p, sources, shell)).append("\n"));
        }
        out.append(rule);
        Optional<Line> next = next();
        if (!brokenOutside.isEmpty() && next.map(l -> l.status() != Status.DOES_NOT_COMPILE).orElse(true)) {
            out.append("Next: make your code compile first: ").append(shownProblem(brokenOutside.get(0), sources, shell)).append("\n");
        } else if (next.isPresent()) {
            Line n = next.get();
            Catalogue.Exercise e = n.exercise();
            String why = switch (n.status()) {
                case DOES_NOT_COMPILE -> " (does not compile: fix that first)";
                case FAILING -> n.current() ? " (failing: its failures are listed below this table)" : " (failing in an earlier run)";
                case NOT_RUN -> lines.stream().anyMatch(Line::ranNow) ? " (not in this run)" : "";
                case PARTLY_RUN -> " (only some of its tests ran: run them all)";
                default -> "";
            };
            List<String> neededBy = lines.stream().filter(l -> l.status() != Status.DONE && l.unmet().contains(e.id()))
                    .map(l -> l.exercise().id()).toList();
            out.append("Next: ").append(e.id()).append(" ").append(e.title()).append(why).append("\n");
            if (n.status() == Status.DOES_NOT_COMPILE && !n.problem().isEmpty()) {
                out.append("  fix   ").append(shownProblem(n.problem(), sources, shell)).append("\n");
            } else if (!neededBy.isEmpty() && n.unmet().isEmpty()) {
                out.append("  (").append(catalogue.ranges(neededBy)).append(neededBy.size() == 1 ? " needs" : " need")
                        .append(" it)\n");
            }
            appendDirections(out, e, sources, run, shell);
            List<String> failingElsewhere = lines.stream()
                    .filter(l -> l.ranNow() && l.status() == Status.FAILING && l != n)
                    .map(l -> l.exercise().id()).toList();
            if (!failingElsewhere.isEmpty()) {
                out.append("Also failing in this run: ").append(String.join(", ", failingElsewhere))
                        .append(" (the failures are listed below this table)\n");
            }
        } else {
            out.append("Every exercise is done. Well played.\n");
        }
        out.append(rule);
        return out.toString();
    }

    /** {@code file:line: message}, the file (relative to the repository's root, with {@code /}) in the shell's form. */
    private static String shownProblem(String problem, String sources, Shell shell) {
        int at = problem.indexOf(".java:");
        return at < 0 ? problem : shell.path(problem.substring(0, at + 5)) + problem.substring(at + 5);
    }

    private static void appendDirections(StringBuilder out, Catalogue.Exercise e, String sources, String run, Shell shell) {
        out.append("  edit  ").append(shell.path(sources + "/" + e.file())).append("\n");
        for (String also : e.files().subList(1, e.files().size())) {
            out.append("  and   ").append(shell.path(sources + "/" + also)).append("\n");
        }
        out.append("  read  ").append(e.read()).append("\n");
        if (!e.hints().isEmpty()) {
            out.append("  hint  ").append(e.hints().get(0)).append("\n");
        }
        out.append("  run   ").append(shell.command(run + " -Dgroups=" + e.id())).append("\n");
    }

    String markdown(String subject, String sources) {
        StringBuilder md = new StringBuilder("# Workbook progress: ").append(subject).append("\n\n")
                .append("Sources: `").append(Shell.current().path(sources)).append("`\n\n")
                .append("| Section | Done | Failing | Not started | Score |\n|---|---:|---:|---:|---:|\n");
        long done = 0;
        long failing = 0;
        long notStarted = 0;
        long total = 0;
        for (var section : bySection(false).entrySet()) {
            List<Line> ls = section.getValue();
            long sectionFailing = count(ls, Status.FAILING) + count(ls, Status.DOES_NOT_COMPILE);
            done += count(ls, Status.DONE);
            failing += sectionFailing;
            notStarted += count(ls, Status.NOT_STARTED);
            total += ls.size();
            md.append("| ").append(section.getKey()).append(" | ").append(count(ls, Status.DONE)).append(" | ")
                    .append(sectionFailing).append(" | ").append(count(ls, Status.NOT_STARTED)).append(" | ")
                    .append(percent(count(ls, Status.DONE), ls.size())).append(" |\n");
        }
        md.append("| **Total** | ").append(done).append(" | ").append(failing).append(" | ").append(notStarted)
                .append(" | **").append(percent(done, total)).append("** |\n\n")
                .append("An exercise is done when every one of its tests passes. A score is the share of done exercises;"
                        + " the total counts every exercise once, so a section with more exercises weighs more than in"
                        + " an average of the section scores.\n\n")
                .append("| Exercise | Title | Status | Tests passed |\n|---|---|---|---:|\n");
        for (Line l : lines) {
            if (l.status() != Status.NOT_RUN) {
                md.append("| ").append(l.exercise().id()).append(" | ").append(l.exercise().title()).append(" | ")
                        .append(l.state(catalogue)).append(" | ").append(l.passed()).append("/").append(l.tests()).append(" |\n");
            }
        }
        if (!outside.isEmpty()) {
            md.append("\nFailing outside any exercise:\n\n");
            outside.forEach(r -> md.append("- `").append(r.test()).append("`\n"));
        }
        return md.toString();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
    }
}
