package workbook.property;

import java.util.List;

/**
 * What running a property found: how its tries went and, when it failed, the shrunk
 * counterexample. {@link FailureReport} turns it, with the property's {@link Spec}, into the
 * message a student reads; the kit's own tests read it directly.
 *
 * @param seed           the seed the fresh tries were drawn from
 * @param tries          how the tries went
 * @param counterexample the shrunk failing case, or null when the property passed
 */
record Result(long seed, Tries tries, Counterexample counterexample) {

    /**
     * @param made         tries run, counting the failing one and the discarded ones
     * @param discarded    tries that {@code assume} or a {@code filter} discarded
     * @param stoppedEarly why a passing property stopped before its number of tries, or null
     */
    record Tries(int made, int discarded, String stoppedEarly) {
    }

    /**
     * @param args      the shrunk arguments
     * @param rendered  their rendering, taken before the body ran (a body that fills a
     *                  {@code byte[]} does not change the report); null if the generator threw
     * @param failure   what the shrunk case threw
     * @param choices   the shrunk choice sequence, the one saved for the next run
     * @param fromStore whether the failure came from replaying the saved one, not from the tries
     * @param shrinking how shrinking went
     */
    record Counterexample(List<Object> args, List<String> rendered, Throwable failure, long[] choices, boolean fromStore,
            Shrinking shrinking) {
    }

    /**
     * @param steps        how many simpler failing cases were adopted
     * @param replays      how many times the property ran while shrinking
     * @param stoppedEarly why shrinking stopped before it was done (budget, interrupt, a flaky
     *                     case), or null
     */
    record Shrinking(int steps, int replays, String stoppedEarly) {
    }

    boolean passed() {
        return counterexample == null;
    }
}
