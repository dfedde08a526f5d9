package ch04.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;

/** Exercise 4.6h: who closes the branch of a {@link TeeInputStream}. */
@Tag("4.6")
class TeeCloseTest {

    private static final byte[] DATA = {1, 2, 3};

    @Test
    @Tag("4.6h")
    void should_close_the_source_and_leave_the_branch_open_by_default() throws IOException {
        // GIVEN a tee made with the two-argument constructor, and one told not to close its branch
        var source = new SpyInputStream(DATA);
        var branch = new SpyOutputStream();
        var otherSource = new SpyInputStream(DATA);
        var otherBranch = new SpyOutputStream();
        // WHEN both are closed
        new TeeInputStream(source, branch).close();
        new TeeInputStream(otherSource, otherBranch, false).close();
        // THEN each closed what it wraps, its source, and not the branch, which is the caller's
        assertThat(List.of(source.closes(), otherSource.closes())).as("closes of the sources").containsExactly(1, 1);
        assertThat(List.of(branch.closes(), otherBranch.closes()))
                .as("closes of the branches: a monitor shared by both directions must outlive each of them")
                .containsExactly(0, 0);
    }

    @Test
    @Tag("4.6h")
    void should_close_the_branch_too_when_told_to() throws IOException {
        // GIVEN a tee told to close its branch
        var source = new SpyInputStream(DATA);
        var branch = new SpyOutputStream();
        // WHEN closed
        new TeeInputStream(source, branch, true).close();
        // THEN both streams are closed
        assertThat(List.of(source.closes(), branch.closes())).as("closes of the source and of the branch of a tee"
                + " made with closeBranch = true").containsExactly(1, 1);
    }

    @Test
    @Tag("4.6h")
    void should_close_the_branch_even_when_closing_the_source_fails() {
        // GIVEN a tee that owns its branch, over a source whose close fails
        var sourceFailure = new IOException("source: close failed");
        var source = new SpyInputStream(DATA).failCloseWith(sourceFailure);
        var branch = new SpyOutputStream();
        // WHEN closed
        Throwable thrown = Thrown.by(() -> new TeeInputStream(source, branch, true).close());
        // THEN the branch was closed anyway, and the source's failure reported
        assertThat(branch.closes()).as("closes of the branch after the source's close failed: close in"
                + " try/finally").isEqualTo(1);
        assertThat(thrown).as("what close threw").isSameAs(sourceFailure);
    }

    @Test
    @Tag("4.6h")
    void should_close_the_source_and_report_the_branchs_failure_to_close() {
        // GIVEN a tee that owns a branch whose close fails
        var branchFailure = new IOException("branch: close failed");
        var source = new SpyInputStream(DATA);
        var branch = new SpyOutputStream().failCloseWith(branchFailure);
        // WHEN closed
        Throwable thrown = Thrown.by(() -> new TeeInputStream(source, branch, true).close());
        // THEN the source is closed, and the branch's failure reported
        assertThat(source.closes()).as("closes of the source").isEqualTo(1);
        assertThat(thrown).as("what close threw when only the branch failed to close").isSameAs(branchFailure);
    }

    @Test
    @Tag("4.6h")
    void should_report_both_failures_when_source_and_branch_fail_to_close() {
        // GIVEN a tee that owns its branch, where both streams fail to close
        var sourceFailure = new IOException("source: close failed");
        var branchFailure = new IOException("branch: close failed");
        var source = new SpyInputStream(DATA).failCloseWith(sourceFailure);
        var branch = new SpyOutputStream().failCloseWith(branchFailure);
        // WHEN closed
        Throwable thrown = Thrown.by(() -> new TeeInputStream(source, branch, true).close());
        // THEN both failures are reported, neither lost
        assertThat(thrown).as("what close threw: the source's failure, the first").isSameAs(sourceFailure);
        assertThat(thrown.getSuppressed()).as("suppressed on it: the branch's failure, so neither is lost")
                .containsExactly(branchFailure);
        assertThat(branch.closes()).as("closes of the branch").isEqualTo(1);
    }

    @Test
    @Tag("4.6h")
    void should_end_the_monitors_unfinished_line_only_when_the_tee_owns_the_monitor() throws IOException {
        // GIVEN two monitors, each holding half a line, each the branch of a tee: one owned, one not
        var ownedLog = new ByteArrayOutputStream();
        var sharedLog = new ByteArrayOutputStream();
        var owned = new Monitor(ownedLog, Monitor.PREFIX, e -> { });
        var shared = new Monitor(sharedLog, Monitor.PREFIX, e -> { });
        owned.write("hal".getBytes(UTF_8), 0, 3);
        shared.write("hal".getBytes(UTF_8), 0, 3);
        // WHEN both tees are closed
        new TeeInputStream(new SpyInputStream(DATA), owned, true).close();
        new TeeInputStream(new SpyInputStream(DATA), shared).close();
        // THEN closing the owned monitor logged its half line; the shared one still holds it
        assertThat(ownedLog.toString(UTF_8)).as("the log of a monitor closed with its tee").isEqualTo("monitor: hal\n");
        assertThat(sharedLog.toString(UTF_8)).as("the log of a monitor its tee does not own, after the tee closed")
                .isEmpty();
    }
}
