package workbook.student;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.Shell;
import workbook.junit.Catalogue;
import workbook.junit.CompileProblems;
import workbook.junit.Progress;
import workbook.regions.Regions;

/**
 * The student command: {@code ./workbook status | next | hint [ID] | reset ID | compare ID | watch [ID]}
 * ({@code .\workbook.cmd …} on Windows). Started by {@link Launch}.
 */
@Command(name = "workbook", mixinStandardHelpOptions = true, version = "workbook 1.0",
        description = "Your progress through the chapter, hints, a reset of one exercise, the reference beside your"
                + " code once an exercise passes, and a watch that reruns the current exercise's tests on every save.",
        subcommands = {Main.Status.class, Main.Next.class, Main.Hint.class, Main.Reset.class, Main.Compare.class,
                Main.Watch.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    static Chapter chapter;
    static PrintWriter out;

    /** Runs the command; the exit code. */
    public static int run(Path root, String[] args) {
        chapter = new Chapter(root, Launch.CHAPTER);
        out = new PrintWriter(System.out, true);
        chapter.settings(chapter.dir.resolve("target/surefire-reports"), chapter.compileLog()).forEach(System::setProperty);
        CommandLine line = new CommandLine(new Main());
        line.setOut(out);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            out.println(e.getMessage() == null ? e.toString() : e.getMessage());
            return 1;
        });
        int exit = line.execute(args);
        out.flush();
        return exit;
    }

    @Override
    public Integer call() {
        return new Status().call();
    }

    /** The command as the reader's shell runs it. */
    static String command(String words) {
        // Written as the wrapper's command, so Shell quotes it as it quotes every command (.\mvnw.cmd on Windows).
        String command = Shell.current().command("./mvnw " + words);
        return command.startsWith(".\\mvnw.cmd") ? ".\\workbook.cmd" + command.substring(".\\mvnw.cmd".length())
                : "./workbook" + command.substring("./mvnw".length());
    }

    static String mvn(String words) {
        return Shell.current().command("./mvnw " + words);
    }

    /** The progress as the runs so far left it, with the newer compiler's log: the Maven run's or the watch's. */
    static Progress progress() {
        Path maven = chapter.compileLog();
        Path watch = chapter.dir.resolve("target/workbook-watch/compile.xml");
        Path log = maven;
        try {
            if (Files.isRegularFile(watch) && (!Files.isRegularFile(maven)
                    || Files.getLastModifiedTime(watch).compareTo(Files.getLastModifiedTime(maven)) > 0)) {
                log = watch;
            }
        } catch (IOException unreadable) {
            // the Maven run's
        }
        Map<String, List<String>> errors = Map.of();
        try {
            List<CompileProblems.Problem> problems = CompileProblems.fromLog(log);
            if (!problems.isEmpty()) {
                errors = Progress.compileErrors(chapter.catalogue, chapter.tree(), chapter.sources, problems);
            }
        } catch (IOException | RuntimeException unreadable) {
            // the table without the compiler's list
        }
        return Progress.remembered(chapter.catalogue, chapter.store().load(chapter.catalogue), errors);
    }

    /** The exercise {@code id} names, in any case ({@code 4.1A} is 4.1a); an unknown one is one short line naming the closest. */
    static Catalogue.Exercise exercise(String id) {
        return chapter.catalogue.exercise(id.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UnknownExercise(id, closest(chapter.ids(), id.strip().toLowerCase(Locale.ROOT))));
    }

    /** An id that names no exercise: the message alone is printed, without the command's usage. */
    static final class UnknownExercise extends RuntimeException {
        UnknownExercise(String id, List<String> closest) {
            super("No exercise " + id + " in this chapter; " + (closest.size() == 1 ? "did you mean " + closest.get(0)
                    : "the closest are " + String.join(", ", closest.subList(0, closest.size() - 1)) + " and "
                            + closest.get(closest.size() - 1)) + "? (" + command("status") + " lists them all.)");
        }
    }

    /** The ids of {@code id}'s section if it has one, else the ids fewest edits away (at most 4). */
    static List<String> closest(List<String> ids, String id) {
        int letter = id.length() - 1;
        List<String> section = letter > 0 ? ids.stream().filter(i -> i.substring(0, i.length() - 1).equals(id.substring(0, letter)))
                .toList() : List.of();
        if (!section.isEmpty()) {
            return section;
        }
        int best = ids.stream().mapToInt(i -> edits(i, id)).min().orElse(0);
        return ids.stream().filter(i -> edits(i, id) == best).limit(4).toList();
    }

    private static int edits(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    static Optional<String> nextId() {
        return progress().next().map(l -> l.exercise().id());
    }

    @Command(name = "status", description = "The progress table, as your runs so far left it.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            Progress progress = progress();
            if (progress.lines().stream().allMatch(l -> l.status() == Progress.Status.NOT_RUN)) {
                out.println("No run has reported yet. Run the chapter's tests: " + mvn("-q test -Pch04"));
                return 0;
            }
            String table = progress.consoleTable("your code, as your last runs found it", chapter.shownSources,
                    Chapter.RUN);
            out.print(table);
            return 0;
        }
    }

    @Command(name = "next", description = "The exercise to do next: what to edit, read and run.")
    static final class Next implements Callable<Integer> {
        @Override
        public Integer call() {
            Progress progress = progress();
            String table = progress.consoleTable("", chapter.shownSources, Chapter.RUN);
            int at = table.indexOf("\nNext: ");
            if (at < 0) {
                at = table.indexOf("\nEvery exercise is done");
            }
            out.print(at < 0 ? table : table.substring(at + 1));
            nextId().ifPresent(id -> out.println("Then: " + command("watch") + " reruns " + id
                    + "'s tests each time you save; " + command("hint " + id) + " for a hint."));
            return 0;
        }
    }

    @Command(name = "hint", description = "One more hint for an exercise (the next exercise without ID); the ones"
            + " shown before are shown again.")
    static final class Hint implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "ID", description = "an exercise, such as 4.1a")
        String id;

        @Override
        public Integer call() throws IOException {
            Catalogue.Exercise e = exercise(id != null ? id : nextId().orElse(chapter.ids().get(chapter.ids().size() - 1)));
            String which = e.id();
            Hints hints = new Hints(chapter.state);
            int total = e.hints().size();
            if (total == 0) {
                out.println(which + " has no hints; " + e.read() + " has the whole story.");
                return 0;
            }
            int shown = Math.min(total, hints.shown(which) + 1);
            hints.record(which, shown);
            out.println(which + " " + e.title() + ": hint " + shown + " of " + total);
            for (int i = 0; i < shown; i++) {
                out.println("  " + (i + 1) + ". " + e.hints().get(i));
            }
            out.println(shown < total ? "Stuck still? " + command("hint " + which) + " shows the next one."
                    : "That was the last hint; " + e.read() + " has the whole story.");
            return 0;
        }
    }

    @Command(name = "reset", description = "Put one exercise's code back as the skeleton has it; the rest of your"
            + " work stays, and a copy of what was replaced is kept.")
    static final class Reset implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "the exercise, such as 4.3b")
        String id;

        @Override
        public Integer call() throws IOException {
            Catalogue.Exercise e = exercise(id);
            String id = e.id();
            Map<String, String> changed;
            try {
                changed = chapter.tree().reset(chapter.sources, id);
            } catch (Regions.RegionException ex) {
                out.println("Nothing was changed: " + ex.getMessage() + ". Put the lines around the exercise back as the"
                        + " skeleton has them, or compare with " + chapter.shownReferenceDir + ".");
                return 1;
            }
            if (changed.isEmpty()) {
                chapter.store().forget(chapter.catalogue, id); // a "done" remembered for a stub is stale
                out.println(id + " is already as the skeleton has it; nothing to reset.");
                return 0;
            }
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path backup = chapter.state.resolve("reset").resolve(stamp + "-" + id);
            for (var f : changed.entrySet()) {
                Path file = chapter.sources.resolve(f.getKey());
                Path copy = backup.resolve(f.getKey());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
            chapter.store().forget(chapter.catalogue, id); // its code is the skeleton's again: not run yet
            out.println("Reset " + id + " " + e.title() + " to the skeleton in:");
            changed.keySet().forEach(f -> out.println("  " + Shell.current().path(chapter.shownSources + "/" + f)));
            out.println("Your code as it was is kept in:");
            changed.keySet().forEach(f -> out.println("  " + Shell.current().path(chapter.root.relativize(backup.resolve(f))
                    .toString().replace('\\', '/'))));
            return 0;
        }
    }

    @Command(name = "compare", description = "Once an exercise passes: your code for it beside the reference's,"
            + " as a diff of that exercise's regions only, in every file it spans.")
    static final class Compare implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "a passing exercise, such as 4.3b")
        String id;

        @Override
        public Integer call() {
            Catalogue.Exercise e = exercise(id);
            String id = e.id();
            Progress.Line line = progress().line(id).orElseThrow();
            if (line.status() != Progress.Status.DONE) {
                out.println("compare shows the reference once " + id + " passes; your runs found it "
                        + line.state(chapter.catalogue) + ". Check it with " + mvn("-q test -Pch04 -Dgroups=" + id) + ".");
                return 1;
            }
            String diff;
            try {
                diff = chapter.tree().compare(chapter.sources, id, chapter.shownSources, chapter.shownReferenceDir.toString()
                        .replace('\\', '/'));
            } catch (Regions.RegionException ex) {
                out.println("Cannot line your code up with the reference: " + ex.getMessage() + ".");
                return 1;
            }
            if (diff.isEmpty()) {
                out.println("Your code for " + id + " " + e.title() + " is the reference's, line for line.");
            } else {
                out.println(id + " " + e.title() + ": your code (-) beside the reference's (+), its regions only.");
                out.print(diff);
            }
            return 0;
        }
    }

    @Command(name = "watch", description = "Rerun the current exercise's tests each time a file of yours is saved,"
            + " one short screen per run; moves on to the next exercise when one is done. Ctrl+C stops it.")
    static final class Watch implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "ID", description = "the exercise to start with (default: the next one)")
        String id;

        @Option(names = "--poll", description = "Look for saves every 250 ms instead of asking the system to tell"
                + " (on by itself on macOS and on WSL's Windows drives, where save events are slow or missing).")
        boolean poll;

        @Option(names = "--stay", description = "Stay on this exercise when it is done, instead of moving on.")
        boolean stay;

        @Option(names = "--timing", description = "Print when each change was seen and each verdict shown (ms since"
                + " 1970), for the latency benchmark.")
        boolean timing;

        @Option(names = "--runs", hidden = true, description = "Stop after this many runs (tests and the benchmark).")
        int runs = Integer.MAX_VALUE;

        @Override
        public Integer call() throws Exception {
            String start = id != null ? exercise(id).id() : nextId().orElse(null);
            if (start == null) {
                out.println("Every exercise is done: nothing to watch.");
                return 0;
            }
            return new Watcher(chapter, out, start, poll, stay, timing, runs).call();
        }
    }
}
