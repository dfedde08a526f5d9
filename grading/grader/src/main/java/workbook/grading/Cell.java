package workbook.grading;

/**
 * One exercise of one student in the gradebook: its state and, unless it is done or not started,
 * why, in a line an instructor can act on.
 */
record Cell(Cell.State state, String reason) {

    /** The six states a gradebook cell can be in, from the worst news to the best. */
    enum State {
        DOES_NOT_COMPILE("does not compile", "CE"),
        CRASHED("crashed", "crash"),
        TIMED_OUT("timed out", "time"),
        FAILING("failing", "✗"),
        NOT_STARTED("not started", "·"),
        DONE("done", "✓");

        final String words;
        final String mark;

        State(String words, String mark) {
            this.words = words;
            this.mark = mark;
        }
    }

    Cell {
        reason = reason == null ? "" : reason;
    }

    boolean done() {
        return state == State.DONE;
    }
}
