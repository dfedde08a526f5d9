package workbook.property;

/**
 * Thrown inside a try to say "this try does not count": an assumption failed, a filter gave up,
 * or the choice sequence ran out of room. The runner catches it; it never reaches the test.
 *
 * <p>No stack trace: it is thrown thousands of times while shrinking and carries no information
 * a trace would add.
 */
final class Rejected extends RuntimeException {
    static final Rejected ASSUMPTION = new Rejected("assumption failed");
    static final Rejected FILTER = new Rejected("filter missed too often");
    static final Rejected OVERRUN = new Rejected("too many choices");

    private Rejected(String why) {
        super(why, null, false, false);
    }
}
