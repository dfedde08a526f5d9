package workbook.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** README's table of sections ("## The sections"), row by row. */
final class ReadmeSections {

    static final String HEADING = "## The sections";
    private static final Pattern EXERCISE = Pattern.compile("\\b\\d+\\.\\d+[a-z]\\b");

    private ReadmeSections() {
    }

    /** One row: the section's id and title, its package, the exercises it names and its status. */
    record Row(String id, String title, String pkg, List<String> exercises, String status) {
    }

    static List<Row> read(Path readme) throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                in = line.strip().equals(HEADING);
                continue;
            }
            if (!in || !line.startsWith("|") || line.startsWith("| ---") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = Arrays.stream(line.strip().replaceAll("^\\||\\|$", "").split("\\|", -1))
                    .map(String::strip).toArray(String[]::new);
            if (cells.length < 5 || cells[0].equals("section")) {
                continue;
            }
            String title = cells[0];
            String id = title.contains(" ") ? title.substring(0, title.indexOf(' ')) : title;
            List<String> exercises = new ArrayList<>();
            Matcher m = EXERCISE.matcher(cells[3]);
            while (m.find()) {
                exercises.add(m.group());
            }
            rows.add(new Row(id, title, cells[1].replace("`", ""), exercises, cells[cells.length - 1]));
        }
        return rows;
    }
}
