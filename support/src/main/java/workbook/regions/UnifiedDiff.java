package workbook.regions;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two short lists of lines (an exercise's region in two trees), as {@code diff -u}
 * and {@code git diff} print it: hunks of changes with up to {@value #CONTEXT} unchanged lines
 * around them. Lines are compared with trailing white space ignored, so a file saved with
 * {@code \r\n} or an editor's trailing blanks shows no difference. Quadratic in the lengths:
 * meant for regions (tens of lines), not whole trees.
 */
public final class UnifiedDiff {

    /** Unchanged lines shown before and after each change. */
    public static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** One line of the edit script: ' ' both sides, '-' only the old, '+' only the new. */
    record Edit(char kind, String text, int oldLine, int newLine) {
    }

    /**
     * The diff of {@code old} to {@code new_}, with headers {@code --- oldName} and
     * {@code +++ newName}, line numbers counted from {@code oldFirst} and {@code newFirst}
     * (1-based, where the lists start in their files). Empty when the two are the same.
     */
    public static String of(String oldName, List<String> old, int oldFirst, String newName, List<String> new_, int newFirst) {
        List<Edit> edits = edits(old, new_);
        if (edits.stream().allMatch(e -> e.kind() == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- ").append(oldName).append('\n')
                .append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            while (i < edits.size() && edits.get(i).kind() == ' ') {
                i++;
            }
            if (i == edits.size()) {
                break;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is close enough to share context.
            while (true) {
                while (end < edits.size() && edits.get(end).kind() != ' ') {
                    end++;
                }
                int same = 0;
                while (end + same < edits.size() && edits.get(end + same).kind() == ' ') {
                    same++;
                }
                if (end + same < edits.size() && same <= 2 * CONTEXT) {
                    end += same;
                } else {
                    end = Math.min(edits.size(), end + CONTEXT);
                    break;
                }
            }
            List<Edit> hunk = edits.subList(start, end);
            int oldCount = (int) hunk.stream().filter(e -> e.kind() != '+').count();
            int newCount = (int) hunk.stream().filter(e -> e.kind() != '-').count();
            int oldStart = hunk.stream().filter(e -> e.kind() != '+').mapToInt(Edit::oldLine).findFirst()
                    .orElse(hunk.get(0).oldLine() - 1);
            int newStart = hunk.stream().filter(e -> e.kind() != '-').mapToInt(Edit::newLine).findFirst()
                    .orElse(hunk.get(0).newLine() - 1);
            out.append("@@ -").append(range(oldStart + oldFirst - 1, oldCount))
                    .append(" +").append(range(newStart + newFirst - 1, newCount)).append(" @@\n");
            for (Edit e : hunk) {
                out.append(e.kind()).append(e.text()).append('\n');
            }
            i = end;
        }
        return out.toString();
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    /** The shortest edit script, from a longest common subsequence; line numbers are 1-based in each list. */
    static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(a.get(i), b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                edits.add(new Edit('+', b.get(j), i + 1, j + 1));
                j++;
            } else {
                edits.add(new Edit('-', a.get(i), i + 1, j + 1));
                i++;
            }
        }
        // Within each run of changes, removals first, as diff -u prints them.
        List<Edit> ordered = new ArrayList<>();
        int k = 0;
        while (k < edits.size()) {
            if (edits.get(k).kind() == ' ') {
                ordered.add(edits.get(k++));
                continue;
            }
            int runEnd = k;
            while (runEnd < edits.size() && edits.get(runEnd).kind() != ' ') {
                runEnd++;
            }
            List<Edit> run = edits.subList(k, runEnd);
            run.stream().filter(e -> e.kind() == '-').forEach(ordered::add);
            run.stream().filter(e -> e.kind() == '+').forEach(ordered::add);
            k = runEnd;
        }
        return ordered;
    }

    private static boolean same(String x, String y) {
        return x.stripTrailing().equals(y.stripTrailing());
    }
}
