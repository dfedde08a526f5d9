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
 * Lines starting with {@code #} are comments; {@code hint} may repeat.
 */
public final class Catalogue {

    /** Where the catalogue lives on the test classpath. */
    public static final String RESOURCE = "workbook/catalogue.txt";

    /** An exercise id: chapter, section and a letter, such as {@code 4.1a}. */
    public static final Pattern EXERCISE_ID = Pattern.compile("\\d+\\.\\d+[a-z]");

    /** One exercise. {@code file} is relative to the chapter's {@code src/main/java}. */
    public record Exercise(String id, String section, String title, String file, String read, List<String> hints) {

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
                fields.put(key, value);
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
        return new Exercise(id, fields.get("section"), fields.get("title"), fields.get("file"), fields.get("read"), List.copyOf(hints));
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
