package ch04.tlv;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the heap by the current thread while a piece of code runs, from HotSpot's
 * per-thread allocation counter ({@link com.sun.management.ThreadMXBean}). Kept in this package
 * because no shared fixture measures allocation yet.
 */
final class AllocationMeter {

    @FunctionalInterface
    interface Code {
        void run() throws Throwable;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /**
     * The fewest bytes {@code code} allocated in {@code runs} runs on this thread: the first runs
     * pay for class loading and the like, the fewest is the code's own. Whatever {@code code}
     * throws is ignored, except an {@link Error} or a {@code NotStartedException}.
     */
    static long allocatedBy(int runs, Code code) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new org.opentest4j.TestAbortedException("this JVM does not count allocations per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                code.run();
            } catch (Error | RuntimeException e) {
                throw e;
            } catch (Throwable expected) {
                // The code is expected to fail (a truncated frame); only its allocation matters.
            }
            fewest = Math.min(fewest, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return fewest;
    }
}
