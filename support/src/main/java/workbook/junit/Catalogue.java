package workbook.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chapter's exercises, in the order a student should do them, read from the classpath
 * resource {@value #RESOURCE}. Every report the workbook prints (not started, a failure, the
 * progress table, the grader's score) takes its ids, titles, files and hints from here.
 *
 * <p>The file holds one block per exercise:
 * <pre>
 * [4.1a]
 * section: 4.1 Reading into a fixed buffer
 * title: Read a stream to its end
 * file: ch04/fixedbuffer/FixedBufferReader.java
 * read: exercises.md#41a-read-a-stream-to-its-end
 * hint: One read returns between 1 and buffer.length bytes, or -1 at the end of the stream.
 * </pre>
 * Lines starting with {@code #} are comments; {@code hint} may repeat. An exercise whose code spans
 * several files lists them all in its {@code file:} line, separated by commas, the one to start
 * with first ({@code file: ch04/tlv/faithful/Decoder.java, ch04/tlv/Binary.java}). An exercise whose tests
 * also run other exercises' code names them, once, in a line such as {@code needs: 4.3a, 4.3b}:
 * its prerequisites, which must come earlier in the catalogue.
 */
public final class Catalogue {

    /** Where the catalogue lives on the test classpath. */
    public static final String RESOURCE = "workbook/catalogue.txt";

    /** An exercise id: chapter, section and a letter, such as {@code 4.1a}. */
    public static final Pattern EXERCISE_ID = Pattern.compile("\\d+\\.\\d+[a-z]");

    /**
     * One exercise. {@code files} are relative to the chapter's {@code src/main/java}: every file
     * the exercise's code is in, the one to start with first, which is {@code file}; {@code needs}
     * are its prerequisites, the exercises whose code its tests also run, in the catalogue's order.
     */
    public record Exercise(String id, String section, String title, String file, String read, List<String> hints,
            List<String> needs, List<String> files) {

        public Exercise {
            files = files.isEmpty() ? List.of(file) : List.copyOf(files);
            if (!files.get(0).equals(file)) {
                throw new IllegalArgumentException(id + ": the first of files " + files + " must be file " + file);
            }
        }

        public Exercise(String id, String section, String title, String file, String read, List<String> hints,
                List<String> needs) {
            this(id, section, title, file, read, hints, needs, List.of(file));
        }

        public Exercise(String id, String section, String title, String file, String read, List<String> hints) {
            this(id, section, title, file, read, hints, List.of());
        }

        /** The section's id: the exercise id without its letter ({@code 4.1} for {@code 4.1a}). */
        public String sectionId() {
            return id.substring(0, id.length() - 1);
        }
    }

    private final Map<String, Exercise> exercises;

    private Catalogue(Map<String, Exercise> exercises) {
        this.exercises = Collections.unmodifiableMap(exercises);
    }

    /** The catalogue on the context class path, or empty when there is none (the kit's own tests). */
    public static Optional<Catalogue> load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Catalogue.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a catalogue.
     *
     * @throws IllegalArgumentException naming the line, when a block is malformed or incomplete
     */
    public static Catalogue parse(InputStream in) throws IOException {
        Map<String, Exercise> result = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String id = null;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> hints = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); ; line = reader.readLine()) {
            lineNumber++;
            String text = line == null ? null : line.strip();
            if (text != null && (text.isEmpty() || text.startsWith("#"))) {
                continue;
            }
            if (text == null || text.startsWith("[")) {
                if (id != null) {
                    result.put(id, block(id, fields, hints, lineNumber));
                }
                if (text == null) {
                    break;
                }
                if (!text.endsWith("]")) {
                    throw new IllegalArgumentException(RESOURCE + ":" + lineNumber + ": expected [id], found " + text);
                }
                id = text.substring(1, text.length() - 1).strip();
                if (!EXERCISE_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException(RESOURCE + ":" + lineNumber + ": not an exercise id: " + id);
                }
                if (result.containsKey(id)) {
                    throw new IllegalArgumentException(RESOURCE + ":" + lineNumber + ": " + id + " appears twice");
                }
                fields = new LinkedHashMap<>();
                hints = new ArrayList<>();
                continue;
            }
            int colon = text.indexOf(':');
            if (id == null || colon < 0) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNumber + ": expected 'key: value' inside a block, found " + text);
            }
            String key = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            if (key.equals("hint")) {
                hints.add(value);
            } else {
                if (fields.put(key, value) != null) {
                    throw new IllegalArgumentException(RESOURCE + ":" + lineNumber + ": '" + key + ":' appears twice in " + id);
                }
            }
        }
        for (Exercise e : result.values()) {
            List<String> earlier = new ArrayList<>(result.keySet()).subList(0, new ArrayList<>(result.keySet()).indexOf(e.id()));
            for (String need : e.needs()) {
                if (!earlier.contains(need)) {
                    throw new IllegalArgumentException(RESOURCE + ": " + e.id() + " needs " + need + ", which "
                            + (result.containsKey(need) ? "does not come before it" : "is not an exercise of the catalogue")
                            + ": a prerequisite comes earlier in the catalogue");
                }
            }
        }
        return new Catalogue(result);
    }

    private static Exercise block(String id, Map<String, String> fields, List<String> hints, int line) {
        for (String key : List.of("section", "title", "file", "read")) {
            if (!fields.containsKey(key)) {
                throw new IllegalArgumentException(RESOURCE + ": exercise " + id + " lacks '" + key + ":' (block ends before line " + line + ")");
            }
        }
        List<String> needs = new ArrayList<>();
        String list = fields.getOrDefault("needs", "");
        for (String need : list.isBlank() ? new String[0] : list.split(",")) {
            String n = need.strip();
            if (!EXERCISE_ID.matcher(n).matches() || needs.contains(n) || n.equals(id)) {
                throw new IllegalArgumentException(RESOURCE + ": exercise " + id + ": 'needs: " + list
                        + "' must list other exercises' ids, each once, separated by commas (" + n + ")");
            }
            needs.add(n);
        }
        List<String> files = new ArrayList<>();
        for (String file : fields.get("file").split(",")) {
            String f = file.strip();
            if (f.isEmpty() || files.contains(f)) {
                throw new IllegalArgumentException(RESOURCE + ": exercise " + id + ": 'file: " + fields.get("file")
                        + "' must list files, each once, separated by commas");
            }
            files.add(f);
        }
        return new Exercise(id, fields.get("section"), fields.get("title"), files.get(0), fields.get("read"),
                List.copyOf(hints), List.copyOf(needs), List.copyOf(files));
    }

    /**
     * Ids written short: a run of exercises that follow each other in the catalogue, in one section,
     * as its first and last ({@code 4.3a-4.3d}), the rest separated by commas.
     */
    public String ranges(java.util.Collection<String> ids) {
        List<String> order = new ArrayList<>(exercises.keySet());
        List<String> sorted = ids.stream().sorted(java.util.Comparator.comparingInt(id -> {
            int at = order.indexOf(id);
            return at < 0 ? Integer.MAX_VALUE : at;
        })).toList();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && order.indexOf(sorted.get(j)) >= 0
                    && order.indexOf(sorted.get(j + 1)) == order.indexOf(sorted.get(j)) + 1
                    && exercises.get(sorted.get(j + 1)).sectionId().equals(exercises.get(sorted.get(i)).sectionId())) {
                j++;
            }
            parts.add(j - i >= 2 ? sorted.get(i) + "-" + sorted.get(j)
                    : j == i ? sorted.get(i) : sorted.get(i) + ", " + sorted.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    /** Every exercise, in the catalogue's order. */
    public List<Exercise> exercises() {
        return List.copyOf(exercises.values());
    }

    public Optional<Exercise> exercise(String id) {
        return Optional.ofNullable(exercises.get(id));
    }

    /** The sections, in order, as their id and title ({@code "4.1"} to {@code "4.1 Reading into…"}). */
    public Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        for (Exercise e : exercises.values()) {
            sections.putIfAbsent(e.sectionId(), e.section());
        }
        return sections;
    }
}
