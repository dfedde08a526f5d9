package ch04.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.FaultyOutputStream;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/**
 * Exercise 4.6e: a {@link TeeInputStream} whose branch fails keeps handing out the source's bytes,
 * and stops copying.
 */
@Tag("4.6")
class TeeBranchFailureTest {

    @Test
    @Tag("4.6e")
    void should_hand_out_every_byte_when_the_branch_fails_at_any_point_and_copy_nothing_after() {
        forAll(Gen.bytes(0, 3000), StreamGens.readSizes(900), Faults.anyAt(3200))
                .labels("data", "readSizes", "branchFault").tries(150)
                .check((data, readSizes, fault) -> {
                    // GIVEN a tee whose branch fails once it has received fault.atByte() bytes
                    var copy = new ByteArrayOutputStream();
                    var branch = new FaultyOutputStream(copy, fault);
                    var tee = new TeeInputStream(ChunkedInputStream.of(data, readSizes), branch);
                    // WHEN the reader reads to the end
                    byte[][] got = new byte[1][];
                    Throwable thrown = Thrown.by(() -> got[0] = tee.readAllBytes());
                    // THEN it got every byte: the branch's failure is not the reader's
                    assertThat(thrown).as("what reading through a tee threw when its branch failed; a read has"
                            + " already taken its bytes from the source, and Java's read cannot return bytes and an"
                            + " error together: throwing loses them. Keep the failure for branchFailure() instead")
                            .isNull();
                    assertThat(got[0]).as("the bytes the reader got while the branch failed").isEqualTo(data);
                    // AND the branch has the bytes before its failure and nothing after, even after a
                    // timeout that would have let it go on: a copy with a hole in it misleads
                    boolean struck = fault.atByte() < data.length;
                    assertThat(copy.toByteArray()).as("the bytes the branch kept: those before its failure")
                            .isEqualTo(Arrays.copyOf(data, (int) Math.min(fault.atByte(), data.length)));
                    assertThat(branch.faultsThrown()).as("failures the branch threw: once it failed, the tee must"
                            + " stop copying to it").isEqualTo(struck ? 1 : 0);
                    if (struck) {
                        Faults.assertIsTheFault(tee.branchFailure().orElse(null), fault, "branchFailure() after the branch failed");
                    } else {
                        assertThat(tee.branchFailure()).as("branchFailure() when the branch never failed").isEmpty();
                    }
                });
    }
}
