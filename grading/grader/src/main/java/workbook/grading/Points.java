package workbook.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import workbook.junit.Catalogue;

/**
 * Each exercise's weight in the total: an optional {@code points: N} line in its catalogue block
 * (a whole number from 1 to 100), 1 when there is none, so that by default every exercise counts the
 * same. The kit's catalogue reader keeps only the keys it knows; the points are read here.
 */
final class Points {

    static final int DEFAULT = 1;
    static final int MAX = 100;

    private Points() {
    }

    /**
     * The points of every exercise of {@code catalogue}, from the catalogue's {@code text}.
     *
     * @throws IllegalArgumentException naming the line, for a value that is not a whole number in range
     */
    static Map<String, Integer> parse(String text, Catalogue catalogue) {
        Map<String, Integer> points = new LinkedHashMap<>();
        catalogue.exercises().forEach(e -> points.put(e.id(), DEFAULT));
        String id = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                id = line.substring(1, line.length() - 1).strip();
            } else if (id != null && line.startsWith("points:")) {
                String value = line.substring("points:".length()).strip();
                int n;
                try {
                    n = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > MAX) {
                    throw new IllegalArgumentException(Catalogue.RESOURCE + ":" + (i + 1) + ": points of " + id
                            + " must be a whole number from 1 to " + MAX + ", found '" + value + "'");
                }
                points.put(id, n);
            }
        }
        return points;
    }
}
