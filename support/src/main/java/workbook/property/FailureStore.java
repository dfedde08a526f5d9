package workbook.property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Remembers each property's last failing choice sequence, one text file per property under
 * {@code target/property-failures/} (relative to the working directory, which Surefire sets to
 * the module), so the next run tries it first: a student fixing a bug sees at once whether that
 * case now passes. A property that passes deletes its file; {@code mvn clean} deletes them all.
 *
 * <p>Storage is best effort: a read-only or missing directory never fails a property.
 */
final class FailureStore {
    static final Path DEFAULT_DIRECTORY = Path.of("target", "property-failures");

    private final Path directory;

    FailureStore(Path directory) {
        this.directory = directory;
    }

    Path file(String propertyName) {
        return directory.resolve(propertyName.replaceAll("[^A-Za-z0-9._#$-]", "_") + ".choices");
    }

    long[] load(String propertyName) {
        Path file = file(propertyName);
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? new long[0] : Arrays.stream(text.split("\\s+")).mapToLong(Long::parseUnsignedLong).toArray();
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return null; // a damaged file is as good as none
        }
    }

    void save(String propertyName, long[] choices) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(propertyName),
                    Arrays.stream(choices).mapToObj(Long::toUnsignedString).collect(Collectors.joining(" ")) + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException | UncheckedIOException e) {
            // best effort: the seed in the report still replays the failure
        }
    }

    void delete(String propertyName) {
        try {
            Files.deleteIfExists(file(propertyName));
        } catch (IOException e) {
            // best effort
        }
    }
}
