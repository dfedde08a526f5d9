package workbook.student;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** How many hints of each exercise the student has asked for, kept in the chapter's {@code .workbook/hints.tsv}. */
final class Hints {

    static final String FILE = "hints.tsv";

    private final Path file;

    Hints(Path state) {
        this.file = state.resolve(FILE);
    }

    Map<String, Integer> load() {
        Map<String, Integer> shown = new TreeMap<>();
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 2 && f[1].matches("\\d+")) {
                        shown.put(f[0], Integer.parseInt(f[1]));
                    }
                }
            }
        } catch (IOException unreadable) {
            // start again from the first hint
        }
        return shown;
    }

    int shown(String id) {
        return load().getOrDefault(id, 0);
    }

    void record(String id, int count) throws IOException {
        Map<String, Integer> shown = load();
        shown.put(id, count);
        StringBuilder out = new StringBuilder();
        shown.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }
}
