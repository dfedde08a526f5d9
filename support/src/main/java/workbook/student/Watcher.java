package workbook.student;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import workbook.Shell;
import workbook.junit.Catalogue;
import workbook.junit.CompileProblems;
import workbook.junit.Progress;

/**
 * The watch: waits for a save under the student's sources, then compiles and runs the current
 * exercise's tests in this warm JVM ({@link Engine}) and shows one short screen. Saves are seen
 * through the JDK's {@link WatchService} (inotify on Linux, immediate), or by looking at every
 * file's size and time every {@value #POLL_MILLIS} ms where events are slow or missing: macOS
 * (the JDK's WatchService there polls, every 2 to 10 s), WSL on a Windows drive ({@code /mnt/c}),
 * network drives, or with {@code --poll}.
 */
final class Watcher implements Callable<Integer> {

    /** How often the polling fallback looks at the files. */
    static final long POLL_MILLIS = 250;
    /** Editors save in steps (write a temporary file, rename it): wait this long after the first event for the rest. */
    static final long SETTLE_MILLIS = 60;

    private final Chapter chapter;
    private final PrintWriter out;
    private final boolean poll;
    private final boolean stay;
    private final boolean timing;
    private final int runs;
    private final Engine engine;
    private String current;

    Watcher(Chapter chapter, PrintWriter out, String start, boolean poll, boolean stay, boolean timing, int runs) {
        this.stay = stay;
        this.chapter = chapter;
        this.out = out;
        this.current = start;
        this.poll = poll || pollingNeeded(chapter.sources);
        this.timing = timing;
        this.runs = runs;
        this.engine = new Engine(chapter);
    }

    /** Where the JDK's WatchService is known to be slow or blind. */
    static boolean pollingNeeded(Path dir) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return true;
        }
        if (os.contains("linux") && dir.toAbsolutePath().toString().startsWith("/mnt/")) {
            try {
                return Files.readString(Path.of("/proc/version")).toLowerCase(Locale.ROOT).contains("microsoft");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public Integer call() throws Exception {
        out.println("Watching " + Shell.current().path(chapter.shownSources) + (poll ? " (looking every " + POLL_MILLIS
                + " ms)" : "") + ". Save a file to rerun " + current + "'s tests; Ctrl+C stops.");
        int done = 0;
        Change change = new Change(System.currentTimeMillis(), Set.of());
        try (Changes changes = poll ? new Polling(chapter.sources) : new Events(chapter.sources)) {
            while (done < runs) {
                // A save to the file of an exercise that is done reruns its tests too: the save may have broken it.
                List<String> recheck = change.files().isEmpty() ? List.of()
                        : recheck(chapter.catalogue, Main.progress(), chapter.sources, change.files(), current);
                String tags = String.join(" | ", java.util.stream.Stream.concat(Stream.of(current), recheck.stream()).toList());
                show(engine.run(tags, change.files()), change.seen(), recheck);
                done++;
                if (done >= runs) {
                    break;
                }
                change = changes.next();
            }
        }
        return 0;
    }

    /**
     * The exercises other than {@code current} that the runs so far found done and whose files
     * {@code changed} holds (paths under {@code sources}), in the catalogue's order.
     */
    static List<String> recheck(Catalogue catalogue, Progress progress, Path sources, Set<Path> changed, String current) {
        Path root = sources.toAbsolutePath().normalize();
        Set<String> files = new HashSet<>();
        for (Path f : changed) {
            Path file = f.toAbsolutePath().normalize();
            if (file.startsWith(root)) {
                files.add(root.relativize(file).toString().replace('\\', '/'));
            }
        }
        return progress.lines().stream()
                .filter(l -> l.status() == Progress.Status.DONE && !l.exercise().id().equals(current))
                .filter(l -> l.exercise().files().stream().anyMatch(files::contains))
                .map(l -> l.exercise().id()).toList();
    }

    private void show(Engine.Run run, long seen, List<String> recheck) {
        Catalogue.Exercise e = chapter.catalogue.exercise(current).orElseThrow();
        List<Engine.TestResult> mine = run.tests().stream().filter(r -> r.exercise().equals(current)).toList();
        long passed = count(mine, "passed");
        long failed = count(mine, "failed");
        long broken = count(mine, "does not compile");
        long notStarted = count(mine, "not started");
        String rule = "-".repeat(78);
        StringBuilder screen = new StringBuilder();
        if (System.console() != null && !Shell.current().equals(Shell.WINDOWS) && System.getenv("TERM") != null) {
            screen.append("\033[H\033[2J"); // a fresh screen per run, where the terminal takes ANSI codes
        }
        screen.append(rule).append('\n').append(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))).append("  ")
                .append(e.id()).append(" ").append(e.title()).append('\n').append(rule).append('\n');
        Optional<String> ownError = ownCompileError(run.problems());
        String verdict;
        if (ownError.isPresent() || broken > 0) {
            verdict = "does not compile";
            screen.append("[#] does not compile: ").append(ownError.orElseGet(() -> first(mine, "does not compile"))).append('\n');
        } else if (failed > 0) {
            verdict = "failing";
            screen.append("[!] failing: ").append(failed).append(" of ").append(mine.size()).append(" tests\n");
            screen.append(shorten(first(mine, "failed"), 16)).append('\n');
        } else if (notStarted > 0) {
            verdict = "not started";
            String message = mine.stream().filter(r -> r.status().equals("not started")).map(Engine.TestResult::message)
                    .findFirst().orElse("not started");
            screen.append("[ ] ").append(passed > 0 ? passed + " of " + mine.size() + " tests pass; " : "")
                    .append(shorten(message, 3)).append('\n');
        } else if (passed > 0) {
            verdict = "done";
            screen.append("[x] done: ").append(passed).append(" of ").append(mine.size()).append(" tests pass\n");
        } else {
            verdict = "no test ran";
            screen.append("[-] no test of ").append(e.id()).append(" ran (").append(mine.size()).append(" skipped)\n");
        }
        screen.append(String.format(Locale.ROOT, "(compiled in %.1f s, tested in %.1f s)%n", run.compileMillis() / 1000.0,
                run.testMillis() / 1000.0));
        String broke = null;
        for (String id : recheck) {
            List<Engine.TestResult> theirs = run.tests().stream().filter(r -> r.exercise().equals(id)).toList();
            long bad = theirs.size() - count(theirs, "passed") - count(theirs, "skipped");
            Catalogue.Exercise other = chapter.catalogue.exercise(id).orElseThrow();
            if (bad == 0) {
                screen.append("[x] ").append(id).append(" ").append(other.title()).append(": its file changed, and its ")
                        .append(theirs.size()).append(" tests still pass\n");
            } else {
                screen.append("[!] ").append(id).append(" ").append(other.title()).append(": done before, but since this save ")
                        .append(bad).append(" of its ").append(theirs.size()).append(" tests do not pass\n")
                        .append(shorten(theirs.stream().filter(r -> !r.status().equals("passed")).findFirst()
                                .map(r -> r.test() + ": " + r.message()).orElse(""), 8)).append('\n');
                broke = broke == null ? id : broke;
            }
        }
        if (broke != null && !stay) {
            current = broke;
            screen.append("Back to ").append(current).append(": save to rerun it. ").append(Main.command("hint " + current))
                    .append(" for a hint; Ctrl+C stops.\n");
        } else if (verdict.equals("done") && stay) {
            screen.append("Save to rerun ").append(current).append("; Ctrl+C stops.\n");
        } else if (verdict.equals("done")) {
            Progress progress = Main.progress();
            Optional<Progress.Line> next = progress.next();
            if (next.isPresent()) {
                current = next.get().exercise().id();
                screen.append("Next: ").append(current).append(" ").append(next.get().exercise().title())
                        .append(": edit ").append(Shell.current().path(chapter.shownSources + "/" + next.get().exercise().file()))
                        .append(", read ").append(next.get().exercise().read()).append(". Save to run it.\n");
            } else {
                screen.append("Every exercise is done. Well played.\n");
            }
        } else {
            screen.append("Save to rerun ").append(current).append(". ").append(Main.command("hint " + current))
                    .append(" for a hint; Ctrl+C stops.\n");
        }
        out.print(screen);
        if (timing) {
            out.println("timing: seen=" + seen + " verdict=" + System.currentTimeMillis() + " status=" + verdict);
        }
        out.flush();
    }

    /** The first compiler error in the current exercise's own code, as the table shows it. */
    private Optional<String> ownCompileError(List<CompileProblems.Problem> problems) {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, List<String>> placed = Progress.compileErrors(chapter.catalogue, chapter.tree(), chapter.sources, problems);
            List<String> mine = placed.getOrDefault(current, List.of());
            return mine.isEmpty() ? Optional.empty() : Optional.of(Shell.current().path(mine.get(0).substring(0,
                    mine.get(0).indexOf(".java:") + 5)) + mine.get(0).substring(mine.get(0).indexOf(".java:") + 5));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long count(List<Engine.TestResult> results, String status) {
        return results.stream().filter(r -> r.status().equals(status)).count();
    }

    private static String first(List<Engine.TestResult> results, String status) {
        return results.stream().filter(r -> r.status().equals(status)).findFirst()
                .map(r -> r.test() + ": " + r.message()).orElse("");
    }

    private static String shorten(String text, int lines) {
        String[] all = text.split("\n");
        if (all.length <= lines) {
            return text.stripTrailing();
        }
        return String.join("\n", java.util.Arrays.copyOf(all, lines)) + "\n  (" + (all.length - lines)
                + " more lines: the Maven run shows the whole message)";
    }

    /** What a save changed: when it was seen (ms since 1970), and the files (empty: not known, compile everything). */
    record Change(long seen, Set<Path> files) {
    }

    /** A source of saves. */
    interface Changes extends AutoCloseable {
        Change next() throws IOException, InterruptedException;

        @Override
        void close() throws IOException;
    }

    /** The JDK's WatchService over every folder of the tree. */
    static final class Events implements Changes {
        private final WatchService service;

        Events(Path root) throws IOException {
            service = FileSystems.getDefault().newWatchService();
            register(root);
        }

        private void register(Path dir) throws IOException {
            try (Stream<Path> dirs = Files.walk(dir)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    d.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                }
            }
        }

        @Override
        public Change next() throws IOException, InterruptedException {
            while (true) {
                WatchKey key = service.take();
                long seen = System.currentTimeMillis();
                Set<Path> files = new HashSet<>();
                boolean lost = handle(key, files);
                // Let the editor finish its save, and take every event it made.
                for (WatchKey more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS); more != null;
                        more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                    lost |= handle(more, files);
                }
                if (lost) {
                    return new Change(seen, Set.of()); // events were lost: compile everything
                }
                if (!files.isEmpty()) {
                    return new Change(seen, files);
                }
            }
        }

        /** Adds the .java files of the key's events to {@code files}; true when events were lost. */
        private boolean handle(WatchKey key, Set<Path> files) throws IOException {
            boolean lost = false;
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                if (event.context() instanceof Path name) {
                    Path path = dir.resolve(name);
                    if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                        register(path);
                        lost = true; // a new folder: its files may have come before the folder was watched
                    }
                    if (name.toString().endsWith(".java")) {
                        files.add(path);
                    }
                } else {
                    lost = true; // OVERFLOW
                }
            }
            key.reset();
            return lost;
        }

        @Override
        public void close() throws IOException {
            service.close();
        }
    }

    /** Every {@value #POLL_MILLIS} ms, the size and time of every {@code .java} file. */
    static final class Polling implements Changes {
        private final Path root;
        private Map<Path, String> last;

        Polling(Path root) throws IOException {
            this.root = root;
            this.last = snapshot();
        }

        private Map<Path, String> snapshot() throws IOException {
            Map<Path, String> files = new HashMap<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        files.put(f, a.size() + "@" + a.lastModifiedTime().toMillis());
                    } catch (IOException vanished) {
                        // saved by rename: seen on the next look
                    }
                }
            }
            return files;
        }

        @Override
        public Change next() throws IOException, InterruptedException {
            while (true) {
                Thread.sleep(POLL_MILLIS);
                Map<Path, String> now = snapshot();
                if (!now.equals(last)) {
                    long seen = System.currentTimeMillis();
                    Thread.sleep(SETTLE_MILLIS);
                    now = snapshot();
                    Set<Path> files = new HashSet<>(now.keySet());
                    files.addAll(last.keySet());
                    Map<Path, String> before = last;
                    Map<Path, String> after = now;
                    files.removeIf(f -> java.util.Objects.equals(before.get(f), after.get(f)));
                    last = now;
                    return new Change(seen, files);
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
