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
 * the same bytes are not equal unless {@code Binary} says otherwise.
 */
@Tag("4.3")
class PayloadEqualityTest {

    @Test
    @Tag("4.3f")
    void should_make_binary_payloads_with_the_same_bytes_equal() {
        forAll(Gen.bytes(0, 100)).labels("bytes").tries(100).check(bytes -> {
            // GIVEN two payloads made from two distinct arrays holding the same bytes
            Binary one = new Binary(bytes);
            Binary other = new Binary(bytes.clone());
            // THEN they are equal, and so are their hash codes
            assertThat(one).as("a Binary of %d bytes vs one made from another array with the same bytes: expected"
                    + " equal (the record's own equals compares the arrays by identity)", bytes.length).isEqualTo(other);
            assertThat(one.hashCode()).as("the hash codes of two equal Binary payloads of %d bytes: equal objects"
                    + " need equal hash codes", bytes.length).isEqualTo(other.hashCode());
        });
    }

    @Test
    @Tag("4.3f")
    void should_make_an_empty_value_equal_an_empty_value() {
        assertThat(new Binary(new byte[0])).as("two empty binary payloads made from two arrays")
                .isEqualTo(new Binary(new byte[0]));
    }

    @Test
    @Tag("4.3f")
    void should_make_payloads_with_different_bytes_unequal() {
        forAll(Gen.bytes(0, 20), Gen.bytes(0, 20)).labels("a", "b").tries(200).check((a, b) -> {
            boolean same = Arrays.equals(a, b);
            assertThat(new Binary(a).equals(new Binary(b))).as("new Binary(%s).equals(new Binary(%s)): expected %s,"
                    + " as the bytes are %s", Arrays.toString(a), Arrays.toString(b), same,
                    same ? "the same" : "different").isEqualTo(same);
        });
    }

    @Test
    @Tag("4.3f")
    void should_not_make_a_binary_payload_equal_anything_but_a_binary_payload() {
        Binary binary = new Binary("Errors are values.".getBytes(StandardCharsets.UTF_8));
        assertThat(binary.equals(new Text("Errors are values."))).as("Binary.equals(a Text with the same bytes):"
                + " expected false, a different payload type").isFalse();
        assertThat(binary.equals(null)).as("Binary.equals(null): expected false, not an exception").isFalse();
        assertThat(binary.equals("Errors are values.".getBytes(StandardCharsets.UTF_8)))
                .as("Binary.equals(a byte[] with the same bytes): expected false, an array is no payload").isFalse();
    }

    @Test
    @Tag("4.3f")
    void should_keep_one_of_two_equal_payloads_in_a_set() {
        Set<Payload> set = new HashSet<>(List.of(new Binary(new byte[] {1, 2, 3}), new Binary(new byte[] {1, 2, 3}),
                new Binary(new byte[0]), new Binary(new byte[0])));
        assertThat(set).as("a HashSet of two pairs of equal payloads: expected one of each pair, 2 in all; more means"
                + " equals or hashCode still compare identity").hasSize(2);
    }

    @Test
    @Tag("4.3f")
    void should_not_change_when_the_callers_array_changes() {
        byte[] bytes = {1, 2, 3};
        Binary payload = new Binary(bytes);
        bytes[0] = 9;
        assertThat(payload).as("a payload after the caller changed its array: expected the bytes it was made with,"
                + " since the record keeps a copy").isEqualTo(new Binary(new byte[] {1, 2, 3}));
    }

    @Test
    @Tag("4.3f")
    void should_spread_the_hash_codes_of_different_payloads() {
        // GIVEN the 256 payloads of one byte each
        Set<Integer> hashes = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            // WHEN hashed
            hashes.add(new Binary(new byte[] {(byte) b}).hashCode());
        }
        // THEN they do not share a handful of values: a hash code that ignores the bytes is legal, but it
        // puts every payload of a HashSet or HashMap in one bucket, and each lookup compares them all
        assertThat(hashes.size()).as("distinct hash codes of the 256 one-byte Binary payloads: expected at least"
                + " 128, got %d; hash the bytes, as Arrays.hashCode does", hashes.size()).isGreaterThanOrEqualTo(128);
    }
}
