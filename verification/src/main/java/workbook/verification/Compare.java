package workbook.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The instructor's feedback tool: one exercise of a student's tree beside the reference's, as a
 * unified diff of just that exercise's code, across every file it spans (its {@code // SOLUTION id}
 * regions say where; 4.3d and 4.3e span three files each).
 *
 * <p>A region is found in the student's file between the same two lines that surround it in the
 * reference (outside the regions the skeleton, and so an untouched student file, is the reference
 * line for line): the closest non-blank line before it and after it that is outside every region,
 * compared whole, searched in order. When the student changed those lines too, the diff says so and
 * shows the reference's region alone.
 *
 * <p>Runs without a build, from the repository's root:
 * <pre>
 * java verification/src/main/java/workbook/verification/Compare.java /path/to/their/clone 4.3d
 * </pre>
 * (Written apart from the student command's {@code compare} of issue 12, which was not on main when
 * this was; the two can share one region engine.)
 */
public final class Compare {

    private static final Pattern SOLUTION = Pattern.compile("^\\s*// SOLUTION (\\S+)\\s*$");
    private static final Pattern SKELETON = Pattern.compile("^\\s*// SKELETON\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END (\\S+)\\s*$");
    private static final int CONTEXT = 3;

    private Compare() {
    }

    /**
     * A region of the reference file: the lines around it, and the reference's code between them
     * (the region's solution lines and the blank lines next to it), each with its 1-based number.
     */
    record Region(String exercise, String before, String after, List<String> code, List<Integer> numbers) {
    }

    static List<Region> regions(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        boolean[] inside = new boolean[lines.length];
        List<int[]> spans = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String open = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher s = SOLUTION.matcher(lines[i]);
            Matcher e = END.matcher(lines[i]);
            if (open == null && s.matches()) {
                open = s.group(1);
                start = i;
            } else if (open != null && e.matches() && e.group(1).equals(open)) {
                for (int j = start; j <= i; j++) {
                    inside[j] = true;
                }
                spans.add(new int[] {start, i});
                ids.add(open);
                open = null;
            }
        }
        List<Region> regions = new ArrayList<>();
        for (int r = 0; r < spans.size(); r++) {
            int b = spans.get(r)[0] - 1;
            while (b >= 0 && (inside[b] || lines[b].isBlank())) {
                b--;
            }
            int a = spans.get(r)[1] + 1;
            while (a < lines.length && (inside[a] || lines[a].isBlank())) {
                a++;
            }
            List<String> between = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (int i = b + 1; i < a; i++) {
                between.add(lines[i]);
                numbers.add(i + 1);
            }
            List<Integer> kept = unmarked(between);
            regions.add(new Region(ids.get(r), b >= 0 ? lines[b] : null, a < lines.length ? lines[a] : null,
                    kept.stream().map(between::get).toList(), kept.stream().map(numbers::get).toList()));
        }
        return regions;
    }

    /**
     * The indexes of {@code lines} that are code: without the region markers and the skeleton's
     * commented lines (a student's copy of the reference file holds them too).
     */
    static List<Integer> unmarked(List<String> lines) {
        List<Integer> kept = new ArrayList<>();
        boolean skeleton = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SOLUTION.matcher(line).matches()) {
                skeleton = false;
            } else if (SKELETON.matcher(line).matches()) {
                skeleton = true;
            } else if (END.matcher(line).matches()) {
                skeleton = false;
            } else if (!skeleton) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** Where each region is in the student's file: {first line (1-based), line count}, or null when its anchors are gone. */
    static List<int[]> locate(List<Region> regions, String[] lines) {
        List<int[]> found = new ArrayList<>();
        int from = 0;
        for (Region r : regions) {
            int start = r.before() == null ? 0 : indexOf(lines, r.before(), from) + 1;
            int end = r.before() != null && start == 0 ? -1 : r.after() == null ? lines.length : indexOf(lines, r.after(), start);
            if (end < 0) {
                found.add(null);
                continue;
            }
            found.add(new int[] {start + 1, end - start});
            from = Math.max(start, end);
        }
        return found;
    }

    private static int indexOf(String[] lines, String wanted, int from) {
        for (int i = Math.max(0, from); i < lines.length; i++) {
            if (lines[i].stripTrailing().equals(wanted.stripTrailing())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The unified diff of exercise {@code id} between the reference under {@code root} and the
     * student's tree, for {@code chapter}; one section per file the exercise spans.
     */
    static String compare(Path root, Path student, String chapter, String id) throws IOException {
        Path reference = root.resolve("solutions").resolve(chapter).resolve("src/main/java");
        Path theirs = student.resolve("chapters").resolve(chapter).resolve("src/main/java");
        StringBuilder out = new StringBuilder();
        int regionsSeen = 0;
        for (Path file : javaFiles(reference)) {
            String rel = reference.relativize(file).toString().replace('\\', '/');
            List<Region> all = regions(Files.readString(file, StandardCharsets.UTF_8));
            if (all.stream().noneMatch(r -> r.exercise().equals(id))) {
                continue;
            }
            Path studentFile = theirs.resolve(rel);
            out.append("--- reference/").append(rel).append("\n+++ student/").append(rel).append('\n');
            if (!Files.isRegularFile(studentFile)) {
                out.append("(the student's tree has no ").append(rel).append(")\n");
                continue;
            }
            String[] lines = Files.readString(studentFile, StandardCharsets.UTF_8).replace("\r\n", "\n").split("\n", -1);
            List<int[]> located = locate(all, lines);
            for (int r = 0; r < all.size(); r++) {
                Region region = all.get(r);
                if (!region.exercise().equals(id)) {
                    continue;
                }
                regionsSeen++;
                int[] at = located.get(r);
                if (at == null) {
                    out.append("@@ (not found: the student changed the lines around it, `").append(strip(region.before()))
                            .append("` ... `").append(strip(region.after())).append("`) @@\n");
                    region.code().forEach(l -> out.append('-').append(l).append('\n'));
                    continue;
                }
                List<String> theirsBetween = List.of(lines).subList(at[0] - 1, at[0] - 1 + at[1]);
                List<Integer> kept = unmarked(theirsBetween);
                out.append(diff(region.code(), region.numbers(), kept.stream().map(theirsBetween::get).toList(),
                        kept.stream().map(k -> at[0] + k).toList(), strip(region.before())));
            }
        }
        if (regionsSeen == 0) {
            throw new IllegalArgumentException("no // SOLUTION " + id + " region in " + reference);
        }
        return out.toString();
    }

    private static String strip(String s) {
        return s == null ? "(start of file)" : s.strip();
    }

    /** A unified diff of two line lists, each line with its number in its file, in hunks with 3 lines of context. */
    static String diff(List<String> a, List<Integer> aNumbers, List<String> b, List<Integer> bNumbers, String heading) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // The edit script: ' ' same, '-' reference only, '+' student only, with each side's index.
        List<char[]> ops = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new char[] {' '});
                at.add(new int[] {i++, j++});
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[] {'-'});
                at.add(new int[] {i++, j});
            } else {
                ops.add(new char[] {'+'});
                at.add(new int[] {i, j++});
            }
        }
        if (ops.stream().allMatch(o -> o[0] == ' ')) {
            return "@@ -" + number(aNumbers, 0) + "," + n + " +" + number(bNumbers, 0) + "," + m + " @@ " + heading
                    + "\n(the same as the reference)\n";
        }
        List<Integer> changes = new ArrayList<>();
        for (int x = 0; x < ops.size(); x++) {
            if (ops.get(x)[0] != ' ') {
                changes.add(x);
            }
        }
        StringBuilder out = new StringBuilder();
        int c = 0;
        while (c < changes.size()) {
            int last = c;
            while (last + 1 < changes.size() && changes.get(last + 1) - changes.get(last) <= 2 * CONTEXT + 1) {
                last++;
            }
            int from = Math.max(0, changes.get(c) - CONTEXT);
            int end = Math.min(ops.size(), changes.get(last) + CONTEXT + 1);
            int aFrom = at.get(from)[0];
            int bFrom = at.get(from)[1];
            int aCount = 0;
            int bCount = 0;
            StringBuilder body = new StringBuilder();
            for (int x = from; x < end; x++) {
                char op = ops.get(x)[0];
                body.append(op).append(op == '+' ? b.get(at.get(x)[1]) : a.get(at.get(x)[0])).append('\n');
                aCount += op == '+' ? 0 : 1;
                bCount += op == '-' ? 0 : 1;
            }
            out.append("@@ -").append(number(aNumbers, aFrom)).append(',').append(aCount).append(" +").append(number(bNumbers, bFrom))
                    .append(',').append(bCount).append(" @@ ").append(heading).append('\n').append(body);
            c = last + 1;
        }
        return out.toString();
    }

    /** The file's line number of list index {@code i}; past the end, one after the last line (an insertion there). */
    private static int number(List<Integer> numbers, int i) {
        return numbers.isEmpty() ? 0 : i < numbers.size() ? numbers.get(i) : numbers.get(numbers.size() - 1) + 1;
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java verification/src/main/java/workbook/verification/Compare.java STUDENT_CLONE EXERCISE [CHAPTER]");
            System.err.println("  e.g. ... Compare.java /path/to/their/clone 4.3d   (from the repository's root)");
            System.exit(2);
        }
        Path root = Path.of("").toAbsolutePath();
        String chapter = args.length > 2 ? args[2] : "ch04-sending-tcp-data";
        try {
            System.out.print(compare(root, Path.of(args[0]).toAbsolutePath(), chapter, args[1]));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
