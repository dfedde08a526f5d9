package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import workbook.grading.StudentReport.TestResult;
import workbook.junit.Catalogue;

/**
 * Grades one student's tree in a work folder of its own: takes the exercise packages' sources
 * ({@link Intake}), compiles them ({@link Compiler}), runs the chapter's tests on them in a JVM of
 * their own ({@link TestJvm}, {@link TestRun}), and turns what happened into one cell per exercise.
 * Nothing it reads or writes is shared with another student: the sources are copied into the work
 * folder before anything else, the test JVM runs there (the property kit's failure store is turned
 * off in it), and a report comes only from the events that JVM wrote.
 */
final class StudentGrader {

    /** How long one test may run, the chapter's JUnit timeout included, before the grader stops its JVM. */
    static final Duration STALL = Duration.ofSeconds(30);
    /** The Eclipse compiler runs in the grader's JVM, one student at a time (its batch compiler is not documented as thread-safe). */
    private static final ReentrantLock COMPILER = new ReentrantLock();

    /** At most this many test JVMs per student: each one after the first excludes at least one more test. */
    static final int MAX_JVMS = 60;

    /** Review flags: code an instructor should look at, with what it is. */
    private static final List<Map.Entry<Pattern, String>> REVIEW = List.of(
            Map.entry(Pattern.compile("\\bworkbook\\.(?!NotStartedException\\b)[a-z]\\w*"), "uses the workbook's kit or machinery"),
            Map.entry(Pattern.compile("\\bsetAccessible\\s*\\(|\\bjava\\.lang\\.reflect\\b|\\bMethodHandles\\b|\\bsun\\.misc\\b|\\bjdk\\.internal\\b"),
                    "uses reflection"),
            Map.entry(Pattern.compile("\\bSystem\\s*\\.\\s*exit\\s*\\(|\\.\\s*halt\\s*\\(|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exit"),
                    "ends the JVM"),
            Map.entry(Pattern.compile("\\bSystem\\s*\\.\\s*(setProperty|clearProperty|setOut|setErr|setIn|setSecurityManager)\\s*\\("),
                    "changes the JVM's global state"),
            Map.entry(Pattern.compile("\\bsetDefaultUncaughtExceptionHandler\\b|\\baddShutdownHook\\b"), "changes the JVM's global state"));

    private final Kit kit;
    private final Duration timeLimit;
    private final List<String> jvmOptions;

    StudentGrader(Kit kit, Duration timeLimit, List<String> jvmOptions) {
        this.kit = kit;
        this.timeLimit = timeLimit;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    StudentReport grade(String name, Path tree, Path work) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.createDirectories(work);
        List<String> notes = new ArrayList<>();
        Path sources = tree.resolve("chapters").resolve(kit.chapter).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            String why = "no chapters/" + kit.chapter + "/src/main/java in " + tree;
            notes.add(why);
            Map<String, Cell> cells = new LinkedHashMap<>();
            kit.catalogue.exercises().forEach(e -> cells.put(e.id(), new Cell(Cell.State.DOES_NOT_COMPILE, why)));
            return finish(name, tree, work, List.of(), cells, notes, started, 0, 0);
        }

        // 1. Take the exercise packages' sources, and a copy of them: the tree may change while it is graded.
        Intake.Result intake = Intake.scan(sources, kit.packageFolder);
        intake.refused().forEach(r -> notes.add("refused: " + r.file() + ": " + r.reason()));
        if (!intake.ignored().isEmpty()) {
            notes.add("ignored (not Java sources): " + String.join(", ", intake.ignored().stream().limit(5).toList())
                    + (intake.ignored().size() > 5 ? " and " + (intake.ignored().size() - 5) + " more" : ""));
        }
        Path copy = work.resolve("sources");
        Map<String, String> texts = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        for (String f : intake.accepted()) {
            Path target = copy.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(sources.resolve(f), target);
            files.add(target);
            texts.put(f, Files.readString(target, StandardCharsets.UTF_8));
        }

        // 2. Compile, then refuse any class that could stand in for the kit's or the tests'.
        Path classes = work.resolve("classes");
        List<Compiler.Problem> problems;
        long compileStarted = System.nanoTime();
        COMPILER.lock();
        try {
            problems = Compiler.compile(copy, files, classes, kit.compileClassPath, work.resolve("compile.txt"));
        } finally {
            COMPILER.unlock();
        }
        double compileSeconds = (System.nanoTime() - compileStarted) / 1e9;
        refuseForeignClasses(classes, notes);

        // 3. Which exercises the compile errors and the missing files touch, as far as the sources tell.
        Map<String, String> broken = new LinkedHashMap<>();
        Map<String, Set<String>> filesOf = kit.filesByExercise();
        for (String missing : kit.skeletonFiles.keySet()) {
            if (!texts.containsKey(missing)) {
                List<String> touched = filesOf.entrySet().stream().filter(e -> e.getValue().contains(missing))
                        .map(Map.Entry::getKey).toList();
                notes.add("missing: " + missing + (touched.isEmpty() ? "" : " (the file of " + String.join(", ", touched) + ")"));
                touched.forEach(id -> broken.putIfAbsent(id, missing + " is missing from the tree"));
            }
        }
        for (Compiler.Problem p : problems) {
            List<String> ids = exercisesAt(p, texts.get(p.file()));
            if (ids.isEmpty()) {
                notes.add("compile error outside every exercise's region: " + p.describe());
            }
            ids.forEach(id -> broken.putIfAbsent(id, p.describe()));
        }
        review(texts, notes);

        // 4. Run the tests, in as many JVMs as it takes.
        Runs runs = runTests(work, classes, notes, started);

        Map<String, Cell> cells = cells(kit.catalogue, runs.results, broken, runs.notRunAs);
        return finish(name, tree, work, runs.results, cells, notes, started, compileSeconds, runs.jvms);
    }

    /** The exercises a compile error touches: the one whose region holds its line, else every exercise of a file whose regions were changed beyond recognition. */
    private List<String> exercisesAt(Compiler.Problem p, String text) {
        List<ExerciseRegions.Region> regions = kit.regions.get(p.file());
        if (regions == null || text == null) {
            return List.of();
        }
        List<ExerciseRegions.Located> located = ExerciseRegions.locate(regions, text);
        Optional<String> at = ExerciseRegions.exerciseAt(located, p.line());
        if (at.isPresent()) {
            return List.of(at.get());
        }
        Set<String> lost = new LinkedHashSet<>();
        regions.stream().filter(r -> located.stream().noneMatch(l -> l.region() == r)).forEach(r -> lost.add(r.exercise()));
        return List.copyOf(lost);
    }

    private void refuseForeignClasses(Path classes, List<String> notes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(classes)) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : all) {
            String rel = Kit.slashed(classes.relativize(f));
            String className = rel.replaceAll("\\.class$", "").replace('/', '.');
            String why = null;
            if (!rel.startsWith(kit.packageFolder)) {
                why = "outside the exercise packages (" + kit.packagePrefix + "*)";
            } else if (kit.testClasses.contains(className)) {
                why = "has the name of one of the tests' classes";
            }
            if (why != null) {
                Files.delete(f);
                notes.add("refused: the class " + className + " " + why + ": deleted before the tests ran");
            }
        }
    }

    private void review(Map<String, String> texts, List<String> notes) {
        int flagged = 0;
        for (var file : texts.entrySet()) {
            String[] lines = file.getValue().split("\n", -1);
            Set<String> skeleton = kit.skeletonFiles.getOrDefault(file.getKey(), Set.of());
            for (int i = 0; i < lines.length && flagged < 10; i++) {
                String line = lines[i].strip();
                if (skeleton.contains(line) || line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                    continue; // the skeleton's own code, or a comment: only what the student wrote is reviewed
                }
                String code = lines[i].replaceAll("//.*$", "");
                for (var check : REVIEW) {
                    if (check.getKey().matcher(code).find()) {
                        notes.add("review: " + file.getKey() + ":" + (i + 1) + " " + check.getValue() + ": " + lines[i].strip());
                        flagged++;
                        break;
                    }
                }
            }
        }
        // Whole exercises that are the reference's code, line for line (whitespace aside).
        Map<String, List<Boolean>> same = new LinkedHashMap<>();
        Map<String, Integer> size = new LinkedHashMap<>();
        for (var entry : kit.regions.entrySet()) {
            String text = texts.get(entry.getKey());
            List<ExerciseRegions.Located> located = text == null ? List.of() : ExerciseRegions.locate(entry.getValue(), text);
            for (ExerciseRegions.Region r : entry.getValue()) {
                Optional<ExerciseRegions.Located> l = located.stream().filter(x -> x.region() == r).findFirst();
                List<String> reference = ExerciseRegions.normalised(r.solution());
                same.computeIfAbsent(r.exercise(), k -> new ArrayList<>())
                        .add(l.isPresent() && ExerciseRegions.normalised(l.get().lines()).equals(reference));
                size.merge(r.exercise(), reference.size(), Integer::sum);
            }
        }
        List<String> copied = same.entrySet().stream()
                .filter(e -> e.getValue().stream().allMatch(b -> b) && size.get(e.getKey()) >= 5).map(Map.Entry::getKey).toList();
        if (!copied.isEmpty()) {
            notes.add("review: the same code as the reference solution, line for line: " + String.join(", ", copied));
        }
    }

    /** The tests' results, and how a test that never ran counts. */
    private record Runs(List<TestResult> results, Cell.State notRunAs, int jvms) {
    }

    private Runs runTests(Path work, Path classes, List<String> notes, long started) throws IOException, InterruptedException {
        Path run = work.resolve("run");
        Files.createDirectories(run.resolve("target"));
        // The property kit keeps failing cases in target/property-failures and tries them first next
        // time: a file in the folder's place turns that store off, so nothing carries over between runs.
        Files.writeString(run.resolve("target/property-failures"), "off: the grader runs each student afresh\n");
        Files.createDirectories(run.resolve("tmp"));
        Path events = work.resolve("events.tsv");
        Path skip = work.resolve("skip.txt");
        Path output = work.resolve("output.txt");
        Files.deleteIfExists(events);
        long deadline = started + timeLimit.toNanos();
        Map<String, Events.Event> planned = new LinkedHashMap<>();
        Map<String, TestResult> results = new LinkedHashMap<>();
        Set<String> skipUids = new LinkedHashSet<>();
        Set<String> skipExercises = new LinkedHashSet<>();
        Cell.State notRunAs = null;
        String notRunWhy = "";
        int eventsSeen = 0;
        int jvm = 0;
        while (true) {
            jvm++;
            List<String> skipLines = new ArrayList<>();
            skipUids.forEach(u -> skipLines.add("uid " + u));
            skipExercises.forEach(e -> skipLines.add("exercise " + e));
            Files.write(skip, skipLines, StandardCharsets.UTF_8);
            TestJvm.Run r = TestJvm.run(command(classes, run, events, skip), run, events, output, deadline, STALL);
            List<Events.Event> fresh = r.events().subList(Math.min(eventsSeen, r.events().size()), r.events().size());
            eventsSeen = r.events().size();
            int finishedBefore = results.size();
            for (Events.Event e : fresh) {
                if (e.kind().equals(Events.PLANNED)) {
                    planned.putIfAbsent(e.uid(), e);
                } else if (e.kind().equals(Events.FINISHED) && e.status().startsWith(TestRun.CONTAINER)) {
                    if (!e.status().equals(TestRun.CONTAINER)) {
                        notes.add(e.name() + ": " + e.status().substring(TestRun.CONTAINER.length()).strip() + ": "
                                + firstLine(e.message()));
                    }
                } else if (e.kind().equals(Events.FINISHED)) {
                    results.put(e.uid(), new TestResult(e.uid(), e.name(), e.exercise(), TestStatus.of(e.status()), e.message(),
                            e.millis().isEmpty() ? 0 : Long.parseLong(e.millis()) / 1000.0));
                    skipUids.add(e.uid());
                }
            }
            if (r.end() == TestJvm.End.DONE) {
                break;
            }
            Events.Event culprit = r.culprit() == null || !r.culprit().uid().contains("/") ? null : r.culprit();
            boolean progressed = results.size() > finishedBefore;
            String during = culprit == null ? "between tests" : "during " + culprit.name();
            if (r.end() == TestJvm.End.OUT_OF_TIME || r.end() == TestJvm.End.BROKEN || culprit == null && !progressed
                    || jvm >= MAX_JVMS) {
                notRunAs = r.end() == TestJvm.End.OUT_OF_TIME ? Cell.State.TIMED_OUT : Cell.State.CRASHED;
                notRunWhy = switch (r.end()) {
                    case OUT_OF_TIME -> "the student's time limit of " + timeLimit.toSeconds() + " s ran out " + during;
                    case BROKEN -> "the test run could not start (exit status " + r.exitStatus() + "; see output.txt)";
                    default -> "the test JVM exited with status " + r.exitStatus() + " " + during
                            + " (System.exit or Runtime.halt in the code under test?)";
                };
                if (culprit != null) {
                    mark(results, planned, culprit, notRunAs == Cell.State.TIMED_OUT ? TestStatus.TIMED_OUT : TestStatus.CRASHED,
                            notRunWhy);
                }
                notes.add(notRunWhy);
                break;
            }
            if (r.end() == TestJvm.End.RESTART) {
                // A test timed out: its exercise's other tests are skipped, as in the student's own run,
                // and the rest runs in a fresh JVM, away from the thread the timeout left behind.
                results.values().stream().filter(t -> t.status() == TestStatus.TIMED_OUT && !t.exercise().isEmpty())
                        .forEach(t -> skipExercises.add(t.exercise()));
            } else if (culprit == null) {
                notes.add("the test JVM exited with status " + r.exitStatus() + " between tests; the rest ran in a fresh JVM");
            } else {
                boolean stalled = r.end() == TestJvm.End.STALLED;
                String why = stalled
                        ? "ran for more than " + STALL.toSeconds() + " s (past the chapter's JUnit timeout): the grader stopped the test JVM"
                        : "the test JVM exited with status " + r.exitStatus() + " " + during
                                + " (System.exit or Runtime.halt in the code under test?)";
                mark(results, planned, culprit, stalled ? TestStatus.TIMED_OUT : TestStatus.CRASHED, why);
                notes.add(culprit.name() + ": " + why + "; the other exercises ran in a fresh JVM");
                skipUids.add(culprit.uid());
                if (!culprit.exercise().isEmpty()) {
                    skipExercises.add(culprit.exercise());
                }
            }
        }
        for (Events.Event p : planned.values()) {
            if (!results.containsKey(p.uid())) {
                boolean skipped = skipExercises.contains(p.exercise());
                String why = skipped ? "not run: an earlier test of " + p.exercise() + " crashed or timed out"
                        : "not run: " + (notRunWhy.isEmpty() ? "the test run ended before it" : notRunWhy);
                results.put(p.uid(), new TestResult(p.uid(), p.name(), p.exercise(), TestStatus.NOT_RUN, why));
            }
        }
        return new Runs(List.copyOf(results.values()), notRunAs == null ? Cell.State.CRASHED : notRunAs, jvm);
    }

    /** Marks the culprit (a test, or every planned test of a class that was running) with what happened. */
    private static void mark(Map<String, TestResult> results, Map<String, Events.Event> planned, Events.Event culprit,
            TestStatus status, String why) {
        if (planned.containsKey(culprit.uid()) || !culprit.exercise().isEmpty()) {
            results.put(culprit.uid(), new TestResult(culprit.uid(), culprit.name(), culprit.exercise(), status, why));
            return;
        }
        for (Events.Event p : planned.values()) {
            if (p.uid().startsWith(culprit.uid()) && !results.containsKey(p.uid())) {
                results.put(p.uid(), new TestResult(p.uid(), p.name(), p.exercise(), status, "in " + culprit.name() + ": " + why));
            }
        }
    }

    private List<String> command(Path classes, Path run, Path events, Path skip) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + run.resolve("tmp"),
                // The grader writes its own per-test results; the student's progress table is not wanted here.
                "-Djunit.platform.execution.listeners.deactivate=workbook.junit.ProgressListener",
                // Reports point at the student's files and commands, as in the student's own run.
                "-Dworkbook.subject=the student's tree",
                "-Dworkbook.sources=chapters/" + kit.chapter + "/src/main/java",
                "-Dworkbook.replay=./mvnw -q test -Pch04",
                "-Dworkbook.reports=" + run.resolve("reports"),
                "-cp", kit.testClassPathString(),
                TestRun.class.getName(), kit.tests.toString(), classes.toString(), kit.packagePrefix,
                events.toString(), skip.toString()));
        return command;
    }

    /**
     * Each exercise's cell, from its tests' results and what the sources told: the worst news first
     * (does not compile, crashed, timed out, failing), then not started, then done.
     *
     * @param broken exercises whose code does not compile or whose file is missing, with the first reason
     * @param notRunAs how a test that never ran counts (the run crashed, or the time ran out)
     */
    static Map<String, Cell> cells(Catalogue catalogue, List<TestResult> results, Map<String, String> broken,
            Cell.State notRunAs) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Catalogue.Exercise e : catalogue.exercises()) {
            List<TestResult> mine = results.stream().filter(t -> t.exercise().equals(e.id())).toList();
            cells.put(e.id(), cell(mine, broken.get(e.id()), notRunAs));
        }
        return cells;
    }

    private static Cell cell(List<TestResult> tests, String broken, Cell.State notRunAs) {
        if (broken != null) {
            return new Cell(Cell.State.DOES_NOT_COMPILE, broken);
        }
        Optional<TestResult> first;
        if ((first = firstWith(tests, TestStatus.DOES_NOT_COMPILE)).isPresent()) {
            return new Cell(Cell.State.DOES_NOT_COMPILE, firstLine(first.get().message()) + " (in " + first.get().name() + ")");
        }
        if ((first = firstWith(tests, TestStatus.CRASHED)).isPresent()) {
            return new Cell(Cell.State.CRASHED, first.get().message());
        }
        if ((first = firstWith(tests, TestStatus.TIMED_OUT)).isPresent()) {
            return new Cell(Cell.State.TIMED_OUT, first.get().name() + ": " + firstLine(first.get().message()));
        }
        if ((first = firstWith(tests, TestStatus.NOT_RUN)).isPresent()) {
            return new Cell(notRunAs, first.get().message());
        }
        long failed = tests.stream().filter(t -> t.status() == TestStatus.FAILED).count();
        if (failed > 0) {
            TestResult f = firstWith(tests, TestStatus.FAILED).orElseThrow();
            return new Cell(Cell.State.FAILING, failed + " of " + tests.size() + " tests fail; first, " + f.name() + ": "
                    + firstLine(f.message()));
        }
        if (firstWith(tests, TestStatus.NOT_STARTED).isPresent()) {
            return new Cell(Cell.State.NOT_STARTED, "");
        }
        if (tests.stream().anyMatch(t -> t.status() == TestStatus.PASSED)) {
            return new Cell(Cell.State.DONE, "");
        }
        return new Cell(Cell.State.NOT_STARTED, tests.isEmpty() ? "no test of this exercise ran" : "every test was skipped");
    }

    private static Optional<TestResult> firstWith(List<TestResult> tests, TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).findFirst();
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private StudentReport finish(String name, Path tree, Path work, List<TestResult> tests, Map<String, Cell> cells,
            List<String> notes, long started, double compileSeconds, int jvms) throws IOException {
        double seconds = (System.nanoTime() - started) / 1e9;
        StudentReport report = new StudentReport(name, tree, tests, cells, List.copyOf(notes), seconds, compileSeconds, jvms);
        Files.writeString(work.resolve("results.json"), Gradebook.resultsJson(report, kit), StandardCharsets.UTF_8);
        return report;
    }
}
