package workbook.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise regions of one reference source file, and where they sit in a student's copy of
 * the same file: the engine behind the student command's {@code reset} and {@code compare}, the
 * progress table's placing of a compile error, and the instructor's grader.
 *
 * <p>A reference file marks each exercise's code as {@code CONTRIBUTING.md} describes:
 * <pre>
 *     // SOLUTION 4.1a
 *     ... the reference's lines ...
 *     // SKELETON
 *     // the skeleton's lines, commented out
 *     // END 4.1a
 * </pre>
 * and the skeleton generator ({@code verification/…/Skeletons.java}) copies every line outside the
 * regions as it is. This class reads the same markers by the same rules (a test in
 * {@code verification/} checks that {@link #skeleton(Predicate)} of every reference file is what
 * the generator writes), so a student's file has the same lines as the reference everywhere
 * except inside the regions. That is what {@link #locate} relies on: a region of the student's
 * file lies between the outside lines that surround it in the reference.
 */
public final class Regions {

    private static final Pattern SOLUTION = Pattern.compile("^(\\s*)// SOLUTION (\\S+)\\s*$");
    private static final Pattern SKELETON = Pattern.compile("^\\s*// SKELETON\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END (\\S+)\\s*$");
    private static final Pattern COMMENTED = Pattern.compile("^(\\s*)//( ?)(.*)$");

    /**
     * One region of a reference file.
     *
     * @param id the exercise, such as {@code 4.3b}
     * @param first the line of its {@code // SOLUTION} marker (0-based, in the reference)
     * @param last the line of its {@code // END} marker
     * @param solution the reference's lines, markers left out
     * @param skeleton the lines the skeleton has in the region's place
     * @param before the outside lines between the previous region (or the file's start) and this one
     * @param after the outside lines between this region and the next one (or the file's end)
     */
    public record Region(String id, int first, int last, List<String> solution, List<String> skeleton,
            List<String> before, List<String> after) {
    }

    /**
     * Where a region sits in a student's file: lines {@code from} (inclusive) to {@code to}
     * (exclusive), 0-based. Regions with no line between them (two exercises' imports, one after the
     * other) form a {@code group} and share one span: nothing in the student's file says where one
     * ends and the next starts.
     */
    public record Span(Region region, int from, int to, List<Region> group) {

        /**
         * The student's lines of this region. In a group, the span's lines less those that are
         * another member's, as its reference or its skeleton has them (an import of the other exercise).
         */
        public List<String> lines(List<String> file) {
            List<String> lines = file.subList(from, to);
            if (group.size() == 1) {
                return lines;
            }
            java.util.Set<String> others = new java.util.HashSet<>();
            for (Region other : group) {
                if (other != region) {
                    other.solution().forEach(l -> others.add(l.strip()));
                    other.skeleton().forEach(l -> others.add(l.strip()));
                }
            }
            return lines.stream().filter(l -> l.isBlank() || !others.contains(l.strip())).toList();
        }
    }

    /** A region that cannot be placed in a student's file, or markers that do not pair up. */
    public static final class RegionException extends RuntimeException {
        RegionException(String message) {
            super(message);
        }
    }

    private final String name;
    private final List<String> lines;
    private final List<Region> regions;

    private Regions(String name, List<String> lines, List<Region> regions) {
        this.name = name;
        this.lines = lines;
        this.regions = regions;
    }

    /** The file's lines: {@code \r\n} and {@code \n} both end a line; a last empty line is kept, as split does. */
    public static List<String> lines(String text) {
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }

    /**
     * Reads the regions of a reference file.
     *
     * @param name the file, for messages
     * @throws RegionException when the markers do not pair up
     */
    public static Regions of(String name, String reference) {
        List<String> lines = lines(reference);
        List<int[]> bounds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<List<String>> solutions = new ArrayList<>();
        List<List<String>> skeletons = new ArrayList<>();
        String openId = null;
        String indent = "";
        int openedAt = 0;
        boolean inSkeleton = false;
        List<String> solution = null;
        List<String> skeleton = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher open = SOLUTION.matcher(line);
            Matcher end = END.matcher(line);
            if (open.matches()) {
                if (openId != null) {
                    throw new RegionException(name + ":" + (i + 1) + ": SOLUTION " + open.group(2)
                            + " opens inside SOLUTION " + openId);
                }
                openId = open.group(2);
                indent = open.group(1);
                openedAt = i;
                inSkeleton = false;
                solution = new ArrayList<>();
                skeleton = null;
            } else if (SKELETON.matcher(line).matches()) {
                if (openId == null || inSkeleton) {
                    throw new RegionException(name + ":" + (i + 1) + ": SKELETON outside a SOLUTION region, or twice");
                }
                inSkeleton = true;
                skeleton = new ArrayList<>();
            } else if (end.matches()) {
                if (openId == null || !openId.equals(end.group(1))) {
                    throw new RegionException(name + ":" + (i + 1) + ": END " + end.group(1) + " does not close "
                            + (openId == null ? "any region" : "SOLUTION " + openId));
                }
                if (skeleton == null) {
                    skeleton = List.of(indent + "throw new NotStartedException(\"" + openId + "\");");
                }
                bounds.add(new int[] {openedAt, i});
                ids.add(openId);
                solutions.add(List.copyOf(solution));
                skeletons.add(List.copyOf(skeleton));
                openId = null;
                inSkeleton = false;
            } else if (openId != null && inSkeleton) {
                Matcher commented = COMMENTED.matcher(line);
                if (line.isBlank()) {
                    skeleton.add("");
                } else if (commented.matches()) {
                    skeleton.add(commented.group(3).isEmpty() ? "" : commented.group(1) + commented.group(3));
                } else {
                    throw new RegionException(name + ":" + (i + 1) + ": a SKELETON line must be a // comment: " + line.strip());
                }
            } else if (openId != null) {
                solution.add(line);
            }
        }
        if (openId != null) {
            throw new RegionException(name + ":" + (openedAt + 1) + ": SOLUTION " + openId + " is never closed");
        }
        List<Region> regions = new ArrayList<>();
        for (int r = 0; r < bounds.size(); r++) {
            int from = r == 0 ? 0 : bounds.get(r - 1)[1] + 1;
            int to = r + 1 < bounds.size() ? bounds.get(r + 1)[0] : lines.size();
            regions.add(new Region(ids.get(r), bounds.get(r)[0], bounds.get(r)[1], solutions.get(r), skeletons.get(r),
                    List.copyOf(lines.subList(from, bounds.get(r)[0])),
                    List.copyOf(lines.subList(bounds.get(r)[1] + 1, to))));
        }
        return new Regions(name, lines, List.copyOf(regions));
    }

    /** The file, for messages. */
    public String name() {
        return name;
    }

    /** The regions, in the file's order. */
    public List<Region> regions() {
        return regions;
    }

    /** The exercises that have a region in this file, in the file's order, each once. */
    public Set<String> ids() {
        Set<String> ids = new java.util.LinkedHashSet<>();
        regions.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /**
     * The file with the regions whose id {@code stubbed} accepts in their skeleton form and every
     * other region in its solution form, markers left out. {@code skeleton(id -> true)} is the
     * student's skeleton, as the generator writes it; {@code skeleton(id -> false)} the reference
     * without markers.
     */
    public String skeleton(Predicate<String> stubbed) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (Region r : regions) {
            out.addAll(lines.subList(next, r.first()));
            out.addAll(stubbed.test(r.id()) ? r.skeleton() : r.solution());
            next = r.last() + 1;
        }
        out.addAll(lines.subList(next, lines.size()));
        return String.join("\n", out);
    }

    /**
     * Where each region lies in {@code student}, a copy of this file whose regions hold anything.
     * A region starts after the outside lines that precede it in the reference, found from where the
     * previous region ended, and ends where the outside lines that follow it start. A student who
     * also changed those outside lines (an import added among others, a helper method between two
     * exercises) still gets the region placed by the nearest of them that are unchanged.
     *
     * @throws RegionException naming the region, when its surroundings are gone from the file
     */
    public List<Span> locate(List<String> student) {
        List<Span> spans = new ArrayList<>();
        int cursor = 0;
        int i = 0;
        while (i < regions.size()) {
            int last = i;
            while (last + 1 < regions.size() && regions.get(last).after().isEmpty()) {
                last++; // the next region starts right after this one: one span for both
            }
            Region first = regions.get(i);
            Region end = regions.get(last);
            int from = first.before().isEmpty() ? cursor : endOfBlock(student, cursor, first.before(), first);
            int to = end.after().isEmpty() ? student.size() : startOfBlock(student, from, end.after(), end);
            List<Region> group = List.copyOf(regions.subList(i, last + 1));
            for (Region r : group) {
                spans.add(new Span(r, from, to, group));
            }
            cursor = to;
            i = last + 1;
        }
        return spans;
    }

    /** Just after the longest tail of {@code block} found in {@code file} from {@code cursor} on. */
    private int endOfBlock(List<String> file, int cursor, List<String> block, Region r) {
        for (int n = block.size(); n > 0; n--) {
            List<String> tail = block.subList(block.size() - n, block.size());
            if (isBlank(tail) && n < block.size()) {
                continue; // blank lines alone place nothing
            }
            int at = find(file, cursor, tail);
            if (at >= 0) {
                return at + n;
            }
        }
        throw new RegionException(name + ": cannot find where " + r.id() + "'s code starts: the lines before it in the"
                + " skeleton (ending with \"" + lastNonBlank(block).strip() + "\") are gone");
    }

    /** Where the longest head of {@code block} starts in {@code file}, from {@code cursor} on. */
    private int startOfBlock(List<String> file, int cursor, List<String> block, Region r) {
        for (int n = block.size(); n > 0; n--) {
            List<String> head = block.subList(0, n);
            if (isBlank(head) && n < block.size()) {
                continue;
            }
            int at = find(file, cursor, head);
            if (at >= 0) {
                return at;
            }
        }
        throw new RegionException(name + ": cannot find where " + r.id() + "'s code ends: the lines after it in the"
                + " skeleton (starting with \"" + firstNonBlank(block).strip() + "\") are gone");
    }

    private static boolean isBlank(List<String> lines) {
        return lines.stream().allMatch(String::isBlank);
    }

    private static String lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i);
            }
        }
        return "";
    }

    private static String firstNonBlank(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    /** The first index at or after {@code from} where {@code block} occurs, trailing white space ignored; -1 if none. */
    static int find(List<String> file, int from, List<String> block) {
        outer:
        for (int i = from; i + block.size() <= file.size(); i++) {
            for (int j = 0; j < block.size(); j++) {
                if (!file.get(i + j).stripTrailing().equals(block.get(j).stripTrailing())) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * {@code student} with the regions of exercise {@code id} put back to their skeleton, every
     * other line as it was. Adds {@code import workbook.NotStartedException;} when a restored stub
     * needs it and the file no longer imports it (it belongs to whichever exercise's import region
     * the student has solved).
     */
    public List<String> reset(List<String> student, String id) {
        List<Span> spans = locate(student);
        boolean changed = spans.stream().anyMatch(s -> s.region().id().equals(id));
        // Twice: first without keeping any import, to see which imported names the rest of the file still uses.
        List<String> draft = replace(student, spans, id, Set.of());
        List<String> out = replace(student, spans, id, usedNames(draft));
        if (changed) {
            dropUnusedReferenceImports(out);
        }
        if (!changed) {
            return out;
        }
        if (out.stream().anyMatch(l -> l.contains("NotStartedException(")) && !imports(out)) {
            int at = 0;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).startsWith("package ")) {
                    at = i + 1;
                }
            }
            out.add(at, IMPORT);
            out.add(at, "");
        } else {
            // A restored import region brings the import back: drop one that an earlier reset added outside the regions.
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).strip().equals(IMPORT)) {
                    found.add(i);
                }
            }
            if (found.size() > 1) {
                List<Span> placed = locate(out);
                for (int i = found.size() - 1; i >= 0 && found.size() > 1; i--) {
                    int line = found.get(i);
                    if (placed.stream().noneMatch(s -> line >= s.from() && line < s.to())) {
                        out.remove(line);
                        if (line > 0 && line < out.size() && out.get(line - 1).isBlank() && out.get(line).isBlank()) {
                            out.remove(line);
                        } else if (line > 0 && out.get(line - 1).isBlank() && (line == out.size() || out.get(line).isBlank())) {
                            out.remove(line - 1);
                        }
                        found.remove(i);
                    }
                }
            }
        }
        return out;
    }

    private static final String IMPORT = "import workbook.NotStartedException;";
    private static final Pattern SINGLE_IMPORT = Pattern.compile("^\\s*import\\s+[\\w.]+\\.(\\w+)\\s*;\\s*$");

    /**
     * {@code student} with exercise {@code id}'s spans replaced by its skeleton. An import line in such
     * a span stays when the name it imports is in {@code used} (another exercise's code, solved, needs
     * it: 4.5b's code uses an import that sits in 4.5a's region); in a span shared with other
     * exercises' regions, their lines stay, less imports nothing uses any more.
     */
    private static List<String> replace(List<String> student, List<Span> spans, String id, Set<String> used) {
        List<String> out = new ArrayList<>(student);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            if (!s.region().id().equals(id)) {
                continue;
            }
            List<String> range = out.subList(s.from(), s.to());
            Set<String> mine = new java.util.HashSet<>();
            s.region().solution().forEach(l -> mine.add(l.strip()));
            // In a shared span, an import that another member's skeleton has (its stub's exception, put
            // there by an earlier reset of that exercise) belongs to that member and stays.
            Set<String> othersSkeletons = new java.util.HashSet<>();
            for (Region other : s.group()) {
                if (other != s.region()) {
                    other.skeleton().forEach(l -> othersSkeletons.add(l.strip()));
                }
            }
            List<String> kept = new ArrayList<>();
            for (String line : range) {
                Matcher imported = SINGLE_IMPORT.matcher(line);
                if (imported.matches()) {
                    if ((used.contains(imported.group(1)) && !line.strip().equals(IMPORT))
                            || othersSkeletons.contains(line.strip())) {
                        kept.add(line);
                    }
                } else if (s.group().size() > 1 && (line.isBlank() || !mine.contains(line.strip()))) {
                    kept.add(line);
                }
            }
            List<String> replacement = new ArrayList<>();
            boolean first = s.group().get(0) == s.region();
            if (first) {
                replacement.addAll(s.region().skeleton());
            }
            for (String line : kept) {
                if (!replacement.contains(line)) {
                    replacement.add(line);
                }
            }
            if (!first) {
                replacement.addAll(s.region().skeleton().stream().filter(l -> l.isBlank() || !replacement.contains(l)).toList());
            }
            range.clear();
            range.addAll(replacement);
        }
        return out;
    }

    /**
     * Removes, from the regions of {@code file}, the reference's import lines that nothing in the
     * file uses any more: those an earlier reset kept for another exercise's code, now reset too.
     * An unused import is all it removes, so the file compiles as before.
     */
    private void dropUnusedReferenceImports(List<String> file) {
        Set<String> referenceImports = new java.util.HashSet<>();
        for (Region r : regions) {
            r.solution().stream().filter(l -> SINGLE_IMPORT.matcher(l).matches()).forEach(l -> referenceImports.add(l.strip()));
        }
        Set<String> used = usedNames(file);
        List<Span> placed;
        try {
            placed = locate(file);
        } catch (RegionException e) {
            return;
        }
        java.util.TreeSet<Integer> drop = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (Span s : placed) {
            for (int i = s.from(); i < s.to(); i++) {
                Matcher imported = SINGLE_IMPORT.matcher(file.get(i));
                if (imported.matches() && referenceImports.contains(file.get(i).strip()) && !used.contains(imported.group(1))) {
                    drop.add(i);
                }
            }
        }
        drop.forEach(i -> file.remove((int) i));
    }

    /** The simple names the file's code mentions, as whole words: imports, the package line and comments left out. */
    private static Set<String> usedNames(List<String> file) {
        Set<String> names = new java.util.HashSet<>();
        Matcher words = Pattern.compile("[A-Za-z_$][\\w$]*").matcher("");
        for (String line : file) {
            String strip = line.strip();
            if (strip.startsWith("import ") || strip.startsWith("package ") || strip.startsWith("*")
                    || strip.startsWith("/*") || strip.startsWith("//")) {
                continue;
            }
            words.reset(line);
            while (words.find()) {
                names.add(words.group());
            }
        }
        return names;
    }

    private static boolean imports(List<String> file) {
        return file.stream().anyMatch(l -> l.strip().equals("import workbook.NotStartedException;")
                || l.strip().equals("import workbook.*;"));
    }
}
