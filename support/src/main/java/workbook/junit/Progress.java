package workbook.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import workbook.Shell;

/**
 * The state of each exercise after a run, and the two ways of showing it: a table for the
 * console and a Markdown report (the grader's score table).
 */
final class Progress {

    /** An exercise's state after a run. */
    enum Status {
        DONE("done", "[x]"), FAILING("failing", "[!]"), NOT_STARTED("not started", "[ ]"),
        SKIPPED("skipped", "[-]"), NOT_RUN("not run", "   ");

        final String words;
        final String mark;

        Status(String words, String mark) {
            this.words = words;
            this.mark = mark;
        }
    }

    /**
     * One exercise: its state, how many of its tests passed and failed, and the other exercises
     * whose stubs its tests reached (it waits for them).
     */
    record Line(Catalogue.Exercise exercise, Status status, int passed, int failed, int tests, List<String> waitsFor) {

        /** The state in words, as the console table shows it. */
        String state() {
            return switch (status) {
                case FAILING -> "failing: " + failed + " of " + tests + " tests";
                case NOT_STARTED -> waitsFor.isEmpty() ? "not started"
                        : (passed > 0 ? passed + " of " + tests + " pass, the rest" : "not started:") + " waits for "
                                + String.join(", ", waitsFor);
                default -> status.words;
            };
        }
    }

    private final Catalogue catalogue;
    private final List<Line> lines = new ArrayList<>();
    private final List<ProgressListener.Result> outside = new ArrayList<>();

    Progress(Catalogue catalogue, List<ProgressListener.Result> results) {
        this.catalogue = catalogue;
        for (Catalogue.Exercise e : catalogue.exercises()) {
            List<ProgressListener.Result> mine = results.stream().filter(r -> r.exercise().equals(e.id())).toList();
            int passed = count(mine, Outcome.PASSED);
            int failed = count(mine, Outcome.FAILED);
            Status status = mine.isEmpty() ? Status.NOT_RUN
                    : failed > 0 ? Status.FAILING
                    : count(mine, Outcome.NOT_STARTED) > 0 ? Status.NOT_STARTED
                    : passed > 0 ? Status.DONE : Status.SKIPPED;
            boolean ownStub = mine.stream().anyMatch(r -> r.outcome() == Outcome.NOT_STARTED && r.stub().equals(e.id()));
            List<String> waitsFor = ownStub ? List.of() : mine.stream()
                    .filter(r -> r.outcome() == Outcome.NOT_STARTED && !r.stub().isEmpty())
                    .map(ProgressListener.Result::stub).distinct().sorted().toList();
            lines.add(new Line(e, status, passed, failed, mine.size(), waitsFor));
        }
        for (ProgressListener.Result r : results) {
            if (catalogue.exercise(r.exercise()).isEmpty() && r.outcome() == Outcome.FAILED) {
                outside.add(r);
            }
        }
    }

    private static int count(List<ProgressListener.Result> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    List<Line> lines() {
        return lines;
    }

    /** The first exercise, in the catalogue's order, that is failing or not started. */
    Optional<Line> next() {
        return lines.stream().filter(l -> l.status() == Status.FAILING || l.status() == Status.NOT_STARTED).findFirst();
    }

    private Map<String, List<Line>> bySection() {
        Map<String, List<Line>> sections = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.status() != Status.NOT_RUN) {
                sections.computeIfAbsent(l.exercise().section(), k -> new ArrayList<>()).add(l);
            }
        }
        return sections;
    }

    private static long count(List<Line> lines, Status status) {
        return lines.stream().filter(l -> l.status() == status).count();
    }

    /** The console table, with paths and commands written for this machine's shell. */
    String consoleTable(String subject, String sources, String run) {
        return consoleTable(subject, sources, run, Shell.current());
    }

    /**
     * The console table. {@code sources} (with {@code /}) and {@code run} (for a Unix shell) are
     * shown as {@code shell} writes them. Lines end in {@code \n} on every platform.
     */
    String consoleTable(String subject, String sources, String run, Shell shell) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(78) + "\n";
        out.append(rule).append("Workbook progress: ").append(subject).append(" (").append(shell.path(sources)).append(")\n")
                .append(rule);
        for (var section : bySection().entrySet()) {
            List<Line> ls = section.getValue();
            out.append(String.format(Locale.ROOT, "%-52s %2d/%d done%s\n", section.getKey(), count(ls, Status.DONE), ls.size(),
                    count(ls, Status.FAILING) > 0 ? ", " + count(ls, Status.FAILING) + " failing" : ""));
            for (Line l : ls) {
                String title = l.exercise().id() + " " + l.exercise().title();
                if (title.length() > 50) {
                    title = title.substring(0, 49) + "…";
                }
                out.append(String.format(Locale.ROOT, "  %s %-50s %s\n", l.status().mark, title, l.state()));
            }
        }
        if (!outside.isEmpty()) {
            out.append("Failing outside any exercise (a broken test setup, not your code?):\n");
            outside.forEach(r -> out.append("  ").append(r.test()).append("\n"));
        }
        out.append(rule);
        Optional<Line> next = next();
        if (next.isPresent()) {
            Catalogue.Exercise e = next.get().exercise();
            out.append("Next: ").append(e.id()).append(" ").append(e.title())
                    .append(next.get().status() == Status.FAILING ? " (failing: its failures are listed below this table)" : "").append("\n");
            appendDirections(out, e, sources, run, shell);
        } else if (lines.stream().allMatch(l -> l.status() == Status.DONE)) {
            out.append("Every exercise is done. Well played.\n");
        } else {
            Optional<Line> notRun = lines.stream().filter(l -> l.status() == Status.NOT_RUN).findFirst();
            out.append("Everything that ran is done.");
            if (notRun.isPresent()) {
                out.append(" Next, outside this selection: ").append(notRun.get().exercise().id()).append(" ")
                        .append(notRun.get().exercise().title()).append("\n");
                appendDirections(out, notRun.get().exercise(), sources, run, shell);
            } else {
                out.append("\n");
            }
        }
        out.append(rule);
        return out.toString();
    }

    private static void appendDirections(StringBuilder out, Catalogue.Exercise e, String sources, String run, Shell shell) {
        out.append("  edit  ").append(shell.path(sources + "/" + e.file())).append("\n")
                .append("  read  ").append(e.read()).append("\n");
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
        for (var section : bySection().entrySet()) {
            List<Line> ls = section.getValue();
            done += count(ls, Status.DONE);
            failing += count(ls, Status.FAILING);
            notStarted += count(ls, Status.NOT_STARTED);
            total += ls.size();
            md.append("| ").append(section.getKey()).append(" | ").append(count(ls, Status.DONE)).append(" | ")
                    .append(count(ls, Status.FAILING)).append(" | ").append(count(ls, Status.NOT_STARTED)).append(" | ")
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
                        .append(l.state()).append(" | ").append(l.passed()).append("/").append(l.tests()).append(" |\n");
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
