package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.property.Gen;

/**
 * Exercise 4.3f: a record compares an array component by identity, so two binary payloads with
 * the same bytes are not equal unless {@code Binary} says otherwise. Both designs' {@code Binary}.
 */
@Tag("4.3")
class PayloadEqualityTest {

    @Test
    @Tag("4.3f")
    void should_make_binary_payloads_with_the_same_bytes_equal() {
        forAll(Gen.bytes(0, 100)).labels("bytes").tries(100).check(bytes -> {
            // GIVEN two payloads made from two distinct arrays holding the same bytes
            // THEN they are equal, and so are their hash codes
            assertThat(new Binary(bytes)).as("Binary of %s bytes vs another array with the same bytes"
                    + " (reread 4.3f: the record's own equals compares arrays by identity)", bytes.length)
                    .isEqualTo(new Binary(bytes.clone()));
            assertThat(new Binary(bytes).hashCode()).as("hashCode of two equal Binary payloads of %d bytes: equal"
                    + " objects need equal hash codes (reread 4.3f)", bytes.length)
                    .isEqualTo(new Binary(bytes.clone()).hashCode());
            assertThat(new ch04.tlv.faithful.Binary(bytes)).as("faithful Binary of %d bytes vs another array with the"
                    + " same bytes (reread 4.3f: ch04.tlv.faithful.Binary needs it too)", bytes.length)
                    .isEqualTo(new ch04.tlv.faithful.Binary(bytes.clone()));
            assertThat(new ch04.tlv.faithful.Binary(bytes).hashCode()).as("hashCode of two equal faithful Binary"
                    + " payloads of %d bytes (reread 4.3f)", bytes.length)
                    .isEqualTo(new ch04.tlv.faithful.Binary(bytes.clone()).hashCode());
        });
    }

    @Test
    @Tag("4.3f")
    void should_make_an_empty_value_equal_an_empty_value() {
        assertThat(new Binary(new byte[0])).as("two empty binary payloads (reread 4.3f)").isEqualTo(new Binary(new byte[0]));
        assertThat(new ch04.tlv.faithful.Binary(new byte[0])).as("two empty faithful binary payloads (reread 4.3f)")
                .isEqualTo(new ch04.tlv.faithful.Binary(new byte[0]));
    }

    @Test
    @Tag("4.3f")
    void should_make_payloads_with_different_bytes_unequal() {
        forAll(Gen.bytes(0, 20), Gen.bytes(0, 20)).labels("a", "b").tries(200).check((a, b) -> {
            boolean same = Arrays.equals(a, b);
            assertThat(new Binary(a).equals(new Binary(b))).as("new Binary(%s).equals(new Binary(%s)): must be %s,"
                    + " as the bytes are %s (reread 4.3f)", Arrays.toString(a), Arrays.toString(b), same,
                    same ? "the same" : "different").isEqualTo(same);
            assertThat(new ch04.tlv.faithful.Binary(a).equals(new ch04.tlv.faithful.Binary(b)))
                    .as("faithful new Binary(%s).equals(new Binary(%s)): must be %s (reread 4.3f)",
                            Arrays.toString(a), Arrays.toString(b), same)
                    .isEqualTo(same);
        });
    }

    @Test
    @Tag("4.3f")
    void should_not_make_a_binary_payload_equal_anything_but_a_binary_payload() {
        Binary binary = new Binary("Errors are values.".getBytes(StandardCharsets.UTF_8));
        assertThat(binary.equals(new Text("Errors are values."))).as("Binary.equals(a Text with the same bytes)"
                + " must be false: a different payload type (reread 4.3f)").isFalse();
        assertThat(binary.equals(null)).as("Binary.equals(null) must be false, not throw (reread 4.3f)").isFalse();
        assertThat(binary.equals(new ch04.tlv.faithful.Binary("Errors are values.".getBytes(StandardCharsets.UTF_8))))
                .as("ch04.tlv.Binary.equals(a ch04.tlv.faithful.Binary with the same bytes) must be false:"
                        + " different types (reread 4.3f)").isFalse();
    }

    @Test
    @Tag("4.3f")
    void should_keep_one_of_two_equal_payloads_in_a_set() {
        Set<Payload> set = new HashSet<>(List.of(new Binary(new byte[] {1, 2, 3}), new Binary(new byte[] {1, 2, 3}),
                new Binary(new byte[0]), new Binary(new byte[0])));
        assertThat(set).as("a HashSet of two pairs of equal payloads must keep one of each pair, 2 in all;"
                + " more means equals or hashCode still compare identity (reread 4.3f)").hasSize(2);
    }

    @Test
    @Tag("4.3f")
    void should_not_change_when_the_callers_array_changes() {
        byte[] bytes = {1, 2, 3};
        Binary payload = new Binary(bytes);
        bytes[0] = 9;
        assertThat(payload).as("a payload after the caller changed its array: the record keeps a copy (reread 4.3f)")
                .isEqualTo(new Binary(new byte[] {1, 2, 3}));
    }

    @Test
    @Tag("4.3f")
    void should_spread_the_hash_codes_of_different_payloads() {
        // GIVEN the 256 payloads of one byte each, in both designs
        Set<Integer> hashes = new HashSet<>();
        Set<Integer> faithfulHashes = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            // WHEN hashed
            hashes.add(new Binary(new byte[] {(byte) b}).hashCode());
            faithfulHashes.add(new ch04.tlv.faithful.Binary(new byte[] {(byte) b}).hashCode());
        }
        // THEN they do not share a handful of values: a hash code that ignores the bytes is legal, but it
        // puts every payload of a HashSet or HashMap in one bucket, and each lookup compares them all
        assertThat(hashes.size()).as("distinct hash codes of the 256 one-byte Binary payloads: expected at least"
                + " 128, got %d; hash the bytes, as Arrays.hashCode does", hashes.size()).isGreaterThanOrEqualTo(128);
        assertThat(faithfulHashes.size()).as("distinct hash codes of the 256 one-byte faithful Binary payloads:"
                + " expected at least 128, got %d; hash the bytes, as Arrays.hashCode does", faithfulHashes.size())
                .isGreaterThanOrEqualTo(128);
    }
}
