package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import workbook.junit.Catalogue;

/**
 * Grades a class: a folder of student clones (or a list of them) in, one gradebook out.
 *
 * <pre>
 * ./mvnw -q test -Pgrade -Dstudents=/abs/path/to/the/class [-Dgradebook=/abs/path/to/a/new/folder]
 * </pre>
 * Maven builds the kit and compiles the chapter's tests once, then runs this with them on its class
 * path. Each student is graded in a work folder of their own ({@link StudentGrader}), two at a time
 * by default, and the gradebook is written when all are done: {@code gradebook.md},
 * {@code gradebook.csv}, {@code cells.csv} and {@code students/NAME/results.json}.
 */
public final class Grade {

    static final int DEFAULT_JOBS = 2;
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(240);

    private Grade() {
    }

    /** One student to grade: the row's name and the tree. */
    record Student(String name, Path tree) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String studentsSpec = options.getOrDefault("students", "").strip();
        if (studentsSpec.isEmpty()) {
            fail("""
                    Name the students' trees:
                      ./mvnw -q test -Pgrade -Dstudents=/absolute/path/to/the/class     (a folder of clones: one student per folder)
                      ./mvnw -q test -Pgrade -Dstudents=/path/to/alice,/path/to/bob       (a list of clones)
                      ./mvnw -q test -Pgrade -Dstudents=@/path/to/list.txt                (one clone per line)
                    and, if you like, where the gradebook goes: -Dgradebook=/absolute/path/to/a/new/folder""");
        }
        Path root = Path.of(options.get("root")).toAbsolutePath().normalize();
        String chapter = options.get("chapter");
        int jobs = Integer.parseInt(options.getOrDefault("jobs", String.valueOf(DEFAULT_JOBS)).strip());
        Duration limit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("time-limit",
                String.valueOf(DEFAULT_TIME_LIMIT.toSeconds())).strip()));
        if (jobs < 1 || limit.isNegative() || limit.isZero()) {
            fail("-Dgrade.jobs must be at least 1 and -Dgrade.timeLimit a positive number of seconds");
        }
        List<Student> students = students(studentsSpec, Path.of(options.getOrDefault("base", ".")));
        if (students.isEmpty()) {
            fail("No student trees in " + studentsSpec + ": give a folder whose folders are clones, or a list of clones.");
        }
        Path out = output(options.getOrDefault("gradebook", "").strip(), root, chapter);
        List<Path> classPath = split(System.getProperty("java.class.path"));
        List<Path> compileClassPath = split(options.getOrDefault("compile-classpath", ""));

        long started = System.nanoTime();
        String load = loadAverage();
        System.out.println("Grading " + students.size() + " student" + (students.size() == 1 ? "" : "s") + " of " + chapter
                + ", " + jobs + " at a time, at most " + limit.toSeconds() + " s each; the gradebook goes to " + out);
        Kit kit = Kit.prepare(root, chapter, classPath, compileClassPath, out.resolve("kit"));
        List<String> jvmOptions = Arrays.stream(options.getOrDefault("jvm-options", "").strip().split("\\s+"))
                .filter(o -> !o.isEmpty()).toList();
        List<StudentReport> rows = grade(kit, students, out, jobs, limit, jvmOptions);
        double seconds = (System.nanoTime() - started) / 1e9;
        String heading = String.format(Locale.ROOT,
                "Graded %s: %d student%s, %d at a time, at most %d s each (compile and tests); %.0f s in all, %.1f s per student"
                        + " on average; load average %s at the start, %s at the end (%d cores).",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), rows.size(),
                rows.size() == 1 ? "" : "s", jobs, limit.toSeconds(), seconds,
                rows.stream().mapToDouble(StudentReport::seconds).average().orElse(0), load, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        Files.writeString(out.resolve("gradebook.md"), Gradebook.markdown(rows, kit, heading), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("gradebook.csv"), Gradebook.csv(rows, kit), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("cells.csv"), Gradebook.cellsCsv(rows, kit), StandardCharsets.UTF_8);
        System.out.println(console(rows, kit));
        System.out.println(heading);
        System.out.println("Gradebook: " + out.resolve("gradebook.md"));
        System.out.println("           " + out.resolve("gradebook.csv") + " (one row per student), "
                + out.resolve("cells.csv") + " (one per student and exercise, with the reason)");
        System.out.println("Per test:  " + out.resolve("students") + File.separator + "NAME" + File.separator + "results.json");
    }

    static List<StudentReport> grade(Kit kit, List<Student> students, Path out, int jobs, Duration limit,
            List<String> jvmOptions) throws InterruptedException {
        StudentGrader grader = new StudentGrader(kit, limit, jvmOptions);
        AtomicInteger finished = new AtomicInteger();
        List<Future<StudentReport>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
            for (Student s : students) {
                futures.add(pool.submit(() -> {
                    StudentReport r;
                    Path work = out.resolve("students").resolve(s.name());
                    try {
                        r = grader.grade(s.name(), s.tree(), work);
                    } catch (Exception | Error e) {
                        r = failed(kit, s, e);
                    }
                    Gradebook.Score total = Gradebook.total(r, kit.points);
                    synchronized (System.out) {
                        System.out.printf(Locale.ROOT, "[%d/%d] %s: %d/%d (%s) in %.1f s%n", finished.incrementAndGet(),
                                students.size(), s.name(), total.points(), total.max(), total.shown(), r.seconds());
                    }
                    return r;
                }));
            }
        }
        List<StudentReport> rows = new ArrayList<>();
        for (Future<StudentReport> f : futures) {
            try {
                rows.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return rows;
    }

    /** The row of a student the grader itself failed on: every cell says so, and so does the note. */
    private static StudentReport failed(Kit kit, Student s, Throwable e) {
        String why = "the grader failed on this tree: " + e;
        Map<String, Cell> cells = new LinkedHashMap<>();
        kit.catalogue.exercises().forEach(x -> cells.put(x.id(), new Cell(Cell.State.CRASHED, why)));
        return new StudentReport(s.name(), s.tree(), List.of(), cells, List.of(why), 0, 0, 0);
    }

    private static String console(List<StudentReport> rows, Kit kit) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(78) + "\n";
        out.append(rule).append(String.format(Locale.ROOT, "%-24s %7s %9s  %s%n", "student", "total", "points", "not done"));
        out.append(rule);
        for (StudentReport r : rows) {
            Gradebook.Score total = Gradebook.total(r, kit.points);
            Map<Cell.State, List<String>> byState = new LinkedHashMap<>();
            for (Catalogue.Exercise e : kit.catalogue.exercises()) {
                Cell c = r.cells().get(e.id());
                if (!c.done()) {
                    byState.computeIfAbsent(c.state(), k -> new ArrayList<>()).add(e.id());
                }
            }
            List<String> parts = new ArrayList<>();
            byState.forEach((state, ids) -> parts.add(state.words + " " + (ids.size() > 4 ? ids.size() + " exercises" : String.join(" ", ids))));
            out.append(String.format(Locale.ROOT, "%-24s %7s %4d/%-4d  %s%n", r.name(), total.shown(), total.points(), total.max(),
                    String.join("; ", parts)));
        }
        return out.append(rule).toString();
    }

    /** The students named by {@code spec}: comma-separated clones, folders of clones, or {@code @list} files. */
    static List<Student> students(String spec, Path base) throws IOException {
        List<Path> trees = new ArrayList<>();
        for (String item : spec.split(",")) {
            String text = item.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("@")) {
                for (String line : Files.readAllLines(base.resolve(text.substring(1)), StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        trees.add(base.resolve(line.strip()).toAbsolutePath().normalize());
                    }
                }
                continue;
            }
            Path p = base.resolve(text).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException("not a folder: " + p);
            }
            if (Files.isDirectory(p.resolve("chapters"))) {
                trees.add(p);
            } else {
                try (Stream<Path> children = Files.list(p)) {
                    children.filter(Files::isDirectory).filter(c -> !c.getFileName().toString().startsWith("."))
                            .sorted().forEach(trees::add);
                }
            }
        }
        List<Student> students = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path t : trees) {
            String name = t.getFileName().toString().replaceAll("[^A-Za-z0-9._@+-]", "_");
            String unique = name;
            for (int n = 2; !names.add(unique); n++) {
                unique = name + "-" + n;
            }
            students.add(new Student(unique, t));
        }
        return students;
    }

    /** The gradebook's folder: the one named, which must be new or empty, else a fresh one under the grading module's target. */
    static Path output(String named, Path root, String chapter) throws IOException {
        if (!named.isEmpty()) {
            Path out = Path.of(named).toAbsolutePath().normalize();
            if (Files.exists(out)) {
                try (Stream<Path> in = Files.list(out)) {
                    if (in.findAny().isPresent()) {
                        fail("The gradebook folder " + out + " is not empty: name a new folder, so that no report of"
                                + " an earlier batch can be taken for this one.");
                    }
                }
            }
            Files.createDirectories(out);
            return out;
        }
        Path parent = root.resolve("grading").resolve(chapter).resolve("target").resolve("gradebooks");
        Files.createDirectories(parent);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Files.createTempDirectory(parent, stamp + "-");
    }

    /** {@code --key=value} arguments (one argument each, so that an empty value survives Maven), or {@code --key value}. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --option=value, found " + arg);
            }
            if (eq >= 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]); // --compile-classpath, then the class path Maven makes
            }
        }
        return options;
    }

    private static List<Path> split(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
