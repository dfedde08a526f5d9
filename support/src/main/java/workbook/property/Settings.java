package workbook.property;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The system properties that steer every property in a run, read when a property runs.
 *
 * <ul>
 *   <li>{@code property.tries=N}: tries per property where the property sets none (default 100).
 *   <li>{@code property.thorough=true}: ten times the tries (CI).
 *   <li>{@code property.seed=N}: the seed to replay (from a failure report).
 *   <li>{@code property.random=true}: a fresh random seed per run, not one derived from the name.
 *   <li>{@code property.shrinkSeconds=N}: how long shrinking may take (default 3 s; it also stops at
 *       20,000 replays). Well inside a 10 s JUnit timeout, so the report, not the timeout, ends the test.
 *   <li>{@code property.maxTrySeconds=N}: how long the tries may take before a failure is found
 *       (default 5 s); then the property passes on the tries it made, with a note on stderr. Not
 *       in a replay ({@code property.seed}), which must reach the try that failed.
 *   <li>{@code workbook.replay}: the command a failure report tells to run, written for a Unix shell
 *       (default {@code ./mvnw test}), read by {@link workbook.Rerun} for the kit and the JUnit
 *       machinery alike; reports show it in the form of the reader's shell ({@link workbook.Shell}).
 * </ul>
 */
final class Settings {
    static final int DEFAULT_TRIES = 100;
    static final int THOROUGH_FACTOR = 10;
    static final Duration DEFAULT_SHRINK_TIME = Duration.ofSeconds(3);
    static final Duration DEFAULT_TRY_TIME = Duration.ofSeconds(5);

    private Settings() {
    }

    static int tries(Integer perProperty) {
        int tries = perProperty != null ? perProperty : Integer.getInteger("property.tries", DEFAULT_TRIES);
        return Boolean.getBoolean("property.thorough") ? Math.multiplyExact(tries, THOROUGH_FACTOR) : tries;
    }

    /** How long shrinking may take: {@code -Dproperty.shrinkSeconds}, default 3 s. */
    static Duration shrinkTime() {
        return seconds("property.shrinkSeconds", DEFAULT_SHRINK_TIME);
    }

    /** How long the tries may run before the property stops trying: {@code -Dproperty.maxTrySeconds}, default 5 s. */
    static Duration tryTime() {
        return seconds("property.maxTrySeconds", DEFAULT_TRY_TIME);
    }

    private static Duration seconds(String property, Duration otherwise) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            double seconds = Double.parseDouble(text.strip());
            if (!(seconds > 0) || seconds > 1e6) {
                throw new NumberFormatException("out of range");
            }
            return Duration.ofNanos((long) (seconds * 1e9));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + " must be a positive number of seconds, got '" + text + "'", e);
        }
    }

    /** The seed named on the command line, or null. */
    static Long replaySeed() {
        String text = System.getProperty("property.seed");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dproperty.seed must be a whole number, got '" + text + "'", e);
        }
    }

    /** The seed for a property: as replayed, fresh if random, else a stable hash of its name. */
    static long seed(String name) {
        Long replay = replaySeed();
        if (replay != null) {
            return replay;
        }
        if (Boolean.getBoolean("property.random")) {
            return new SecureRandom().nextLong() & Long.MAX_VALUE;
        }
        return seedOf(name);
    }

    /** FNV-1a over the UTF-8 name: stable across JVMs, unlike String.hashCode's spec-free cousins. */
    static long seedOf(String name) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return hash & Long.MAX_VALUE; // non-negative, so the replay command needs no quoting
    }
}
