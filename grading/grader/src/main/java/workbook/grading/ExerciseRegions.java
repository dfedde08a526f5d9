package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each exercise sits in a source file: the reference's {@code // SOLUTION id} ...
 * {@code // END id} regions, and the same places in a student's copy of the file.
 *
 * <p>Outside the regions the skeleton is the reference line for line (the generator makes it so),
 * and a student edits inside them. So a region is found in the student's file between the same two
 * lines that surround it in the reference: the last line before it and the first line after it
 * that are outside every region and not blank (a method's signature and its closing brace, an
 * import and the class's javadoc). Anchors are searched in order, each after the previous region,
 * and compared whole (indentation included), so a closing brace matches the method's, not one of
 * the student's deeper ones. A region whose anchors the student changed is not found; the caller
 * then falls back to the file.
 */
final class ExerciseRegions {

    private static final Pattern SOLUTION = Pattern.compile("^\\s*// SOLUTION (\\S+)\\s*$");
    private static final Pattern SKELETON = Pattern.compile("^\\s*// SKELETON\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END (\\S+)\\s*$");

    private ExerciseRegions() {
    }

    /**
     * One region of the reference.
     *
     * @param before the closest non-blank line before it outside every region, or null at the top
     * @param after the closest non-blank line after it outside every region, or null at the bottom
     * @param solution the reference's lines of the region (between SOLUTION and SKELETON or END)
     */
    record Region(String exercise, String before, String after, List<String> solution) {
    }

    /** A region found in a student's file: lines {@code first} to {@code last}, 1-based, inclusive (empty when last < first). */
    record Located(Region region, int first, int last, List<String> lines) {

        boolean contains(int line) {
            return line >= first && line <= last;
        }
    }

    /** The regions of one reference file, in order. */
    static List<Region> of(String reference) {
        String[] lines = reference.replace("\r\n", "\n").split("\n", -1);
        List<int[]> spans = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<List<String>> solutions = new ArrayList<>();
        boolean[] inside = new boolean[lines.length];
        String open = null;
        int start = 0;
        boolean skeleton = false;
        List<String> solution = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher s = SOLUTION.matcher(lines[i]);
            Matcher e = END.matcher(lines[i]);
            if (open == null && s.matches()) {
                open = s.group(1);
                start = i;
                skeleton = false;
                solution = new ArrayList<>();
            } else if (open != null && e.matches() && e.group(1).equals(open)) {
                for (int j = start; j <= i; j++) {
                    inside[j] = true;
                }
                spans.add(new int[] {start, i});
                ids.add(open);
                solutions.add(solution);
                open = null;
            } else if (open != null && SKELETON.matcher(lines[i]).matches()) {
                skeleton = true;
            } else if (open != null && !skeleton) {
                solution.add(lines[i]);
            }
        }
        List<Region> regions = new ArrayList<>();
        for (int r = 0; r < spans.size(); r++) {
            String before = null;
            for (int i = spans.get(r)[0] - 1; i >= 0; i--) {
                if (!inside[i] && !lines[i].isBlank()) {
                    before = lines[i];
                    break;
                }
            }
            String after = null;
            for (int i = spans.get(r)[1] + 1; i < lines.length; i++) {
                if (!inside[i] && !lines[i].isBlank()) {
                    after = lines[i];
                    break;
                }
            }
            regions.add(new Region(ids.get(r), before, after, List.copyOf(solutions.get(r))));
        }
        return regions;
    }

    /**
     * The regions found in a student's copy of the file, by region; a region whose anchors are not
     * there (in order) is left out.
     */
    static List<Located> locate(List<Region> regions, String student) {
        String[] lines = student.replace("\r\n", "\n").split("\n", -1);
        List<Located> found = new ArrayList<>();
        int from = 0; // index of the first line the next anchor may be on
        for (Region r : regions) {
            int start = r.before() == null ? 0 : indexOf(lines, r.before(), from) + 1;
            if (r.before() != null && start == 0) {
                continue;
            }
            int end = r.after() == null ? lines.length : indexOf(lines, r.after(), start);
            if (end < 0) {
                continue;
            }
            List<String> body = new ArrayList<>();
            for (int i = start; i < end; i++) {
                body.add(lines[i]);
            }
            found.add(new Located(r, start + 1, end, body));
            from = Math.max(start, end); // the next region's anchor may be this one's closing line
        }
        return found;
    }

    /** The exercise whose region in the student's file holds {@code line}. */
    static Optional<String> exerciseAt(List<Located> located, int line) {
        return located.stream().filter(l -> l.contains(line)).map(l -> l.region().exercise()).findFirst();
    }

    private static int indexOf(String[] lines, String wanted, int from) {
        String w = wanted.stripTrailing();
        for (int i = Math.max(0, from); i < lines.length; i++) {
            if (lines[i].stripTrailing().equals(w)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The region's code as a comparison sees it: each line stripped, blank lines left out, and the
     * region markers with the skeleton's commented lines too (a student's copy of the reference file
     * holds them).
     */
    static List<String> normalised(List<String> lines) {
        List<String> code = new ArrayList<>();
        boolean skeleton = false;
        for (String line : lines) {
            if (SOLUTION.matcher(line).matches() || END.matcher(line).matches()) {
                skeleton = false;
            } else if (SKELETON.matcher(line).matches()) {
                skeleton = true;
            } else if (!skeleton && !line.isBlank()) {
                code.add(line.strip());
            }
        }
        return code;
    }
}
