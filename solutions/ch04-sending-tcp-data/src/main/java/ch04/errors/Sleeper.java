package ch04.errors;

import java.time.Duration;

/**
 * Pauses the calling thread: the retry's only way to wait, so a test can hand it a fake that
 * records the pause and returns at once ({@code clock::sleep} of a
 * {@code workbook.fixtures.FakeClock}).
 */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(Duration)}. */
    Sleeper THREAD = Thread::sleep;

    /**
     * Pauses for {@code pause}.
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    void sleep(Duration pause) throws InterruptedException;
}
