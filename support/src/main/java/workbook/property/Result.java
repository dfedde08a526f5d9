package workbook.property;

import java.util.List;

/**
 * What running a property found. A passing property has no counterexample; a failing one
 * carries the shrunk arguments, their rendering (taken before the body ran, so a body that
 * fills a byte[] does not change the report) and the failure of the shrunk run.
 */
record Result(
        String name,
        String testId,
        long seed,
        int tries,           // tries run, counting the failing one and the discarded ones
        int discarded,
        List<Object> args,   // null when the property passed
        List<String> rendered,
        Throwable failure,   // null when the property passed
        int shrinkSteps,
        int shrinkReplays,
        String shrinkNote,   // why shrinking stopped early, or null
        long[] choices,
        boolean fromStore,
        String triesNote,    // why the tries stopped before their number, or null
        List<String> labels) {  // the arguments' names in the report, or null for "arg 1", "arg 2", …

    boolean passed() {
        return failure == null;
    }
}
