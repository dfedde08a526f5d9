package ch04.scanner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.AllocationMeter;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Alphabet;
import workbook.property.Gen;

/** 4.2b: {@link WordScanner}, Listing 4-2's {@code bufio.Scanner} with {@code ScanWords}. */
@Tag("4.2")
class WordScannerTest {

    private static final Alphabet WORD_CHARS = Alphabet.UNICODE.minus(Alphabet.GO_WHITESPACE);

    /** Words and the text that carries them, white space around and between them. */
    record Text(List<String> words, String text) {
        @Override
        public String toString() {
            return "words " + words + " in text \"" + text.codePoints()
                    .mapToObj(cp -> Alphabet.GO_WHITESPACE.contains(cp) || cp < 0x20
                            ? String.format("\\u%04X", cp) : Character.toString(cp))
                    .reduce("", String::concat) + "\"";
        }
    }

    /** A word and the run of white space that may follow it. */
    record WordThenSpace(String word, String space) { }

    private static final Gen<Text> TEXTS = Gen.combine(
            Gen.strings(Alphabet.GO_WHITESPACE, 0, 3),
            Gen.lists(Gen.combine(Gen.strings(WORD_CHARS, 1, 8), Gen.strings(Alphabet.GO_WHITESPACE, 1, 4),
                    WordThenSpace::new), 0, 8),
            Gen.booleans(),
            (leading, pairs, endsInSpace) -> {
                var text = new StringBuilder(leading);
                var words = new ArrayList<String>();
                for (int i = 0; i < pairs.size(); i++) {
                    words.add(pairs.get(i).word());
                    text.append(pairs.get(i).word());
                    if (i < pairs.size() - 1 || endsInSpace) {
                        text.append(pairs.get(i).space());
                    }
                }
                return new Text(List.copyOf(words), text.toString());
            });

    private static List<String> allWords(WordScanner scanner) throws IOException {
        var words = new ArrayList<String>();
        for (String word; (word = scanner.nextWord()) != null; ) {
            words.add(word);
        }
        return words;
    }

    private static InputStream bytes(String hex) {
        return new ByteArrayInputStream(HexFormat.of().parseHex(hex));
    }

    @Test
    @Tag("4.2b")
    void should_give_back_exactly_the_words_for_any_white_space_and_any_chunking() {
        forAll(TEXTS, StreamGens.readSizes(64)).labels("text", "readSizes").tries(300).check((text, readSizes) -> {
            // GIVEN words separated by runs of Go white space, the bytes cut into reads anywhere
            var in = ChunkedInputStream.of(text.text().getBytes(UTF_8), readSizes);
            // WHEN scanned to the end
            List<String> words = allWords(new WordScanner(in));
            // THEN the words come back exactly, in order, and nothing else
            assertThat(words)
                    .as("words scanned from %s read %s bytes at a time; white space is Go's rule"
                            + " (4.2a) and a character or a run of spaces may be cut between reads", text, readSizes)
                    .isEqualTo(text.words());
        });
    }

    @Test
    @Tag("4.2b")
    void should_find_no_word_in_reads_that_hold_only_white_space() {
        forAll(Gen.strings(Alphabet.GO_WHITESPACE, 0, 40), StreamGens.readSizes(8))
                .labels("spaces", "readSizes").tries(200).check((spaces, readSizes) -> {
                    var scanner = new WordScanner(ChunkedInputStream.of(spaces.getBytes(UTF_8), readSizes));
                    assertThat(scanner.nextWord()).as("the word found in a stream of white space only").isNull();
                });
    }

    @Test
    @Tag("4.2b")
    void should_see_a_three_byte_space_cut_in_two_as_one_space() throws IOException {
        // GIVEN "a", U+3000 IDEOGRAPHIC SPACE (e3 80 80), "b", cut after e3 and after e3 80
        byte[] text = "a\u3000b".getBytes(UTF_8);
        for (List<Integer> cut : List.of(List.of(2, 3), List.of(3, 2), List.of(1))) {
            // WHEN scanned
            var words = allWords(new WordScanner(ChunkedInputStream.of(text, cut)));
            // THEN the space splits the words and is not part of either
            assertThat(words).as("words of \"a\\u3000b\" read %s bytes at a time", cut).containsExactly("a", "b");
        }
    }

    @Test
    @Tag("4.2b")
    void should_keep_the_words_the_chapter_expects_with_their_punctuation() throws IOException {
        var in = new ByteArrayInputStream(SentenceClient.SENTENCE.getBytes(UTF_8));
        assertThat(allWords(new WordScanner(in)))
                .as("words of the chapter's sentence")
                .containsExactly("The", "bigger", "the", "interface,", "the", "weaker", "the", "abstraction.");
    }

    @Test
    @Tag("4.2b")
    void should_return_null_at_the_end_and_keep_returning_it() throws IOException {
        var scanner = new WordScanner(new ByteArrayInputStream("last".getBytes(UTF_8)));
        assertThat(scanner.nextWord()).as("a word ended by the end of the stream").isEqualTo("last");
        assertThat(scanner.nextWord()).as("nextWord() after the last word").isNull();
        assertThat(scanner.nextWord()).as("nextWord() again at the end").isNull();
    }

    @Test
    @Tag("4.2b")
    void should_accept_a_word_of_exactly_the_limit_and_refuse_one_byte_more_for_any_chunking() {
        forAll(Gen.strings(WORD_CHARS, 2, 30), StreamGens.readSizes(16))
                .labels("word", "readSizes").tries(200).check((word, readSizes) -> {
                    int size = word.getBytes(UTF_8).length;
                    // GIVEN a word of `size` bytes, then a space
                    byte[] text = (word + " ").getBytes(UTF_8);
                    if (size >= 4) {
                        // WHEN the limit is exactly its size THEN it comes back
                        var fits = new WordScanner(ChunkedInputStream.of(text, readSizes), size);
                        assertThat(fits.nextWord()).as("a word of %d bytes with a limit of %d", size, size)
                                .isEqualTo(word);
                    }
                    if (size - 1 >= 4) {
                        // WHEN the limit is one byte less THEN it fails, naming the limit
                        var tooSmall = new WordScanner(ChunkedInputStream.of(text, readSizes), size - 1);
                        assertThat(Thrown.by(tooSmall::nextWord))
                                .as("a word of %d bytes with a limit of %d: expected a TokenTooLongException",
                                        size, size - 1)
                                .isInstanceOfSatisfying(TokenTooLongException.class, e -> {
                                    assertThat(e.limit()).as("TokenTooLongException.limit()").isEqualTo(size - 1);
                                    assertThat(e.tokenBytes()).as("TokenTooLongException.tokenBytes()")
                                            .isGreaterThan(size - 1).isLessThanOrEqualTo(size);
                                });
                    }
                });
    }

    @Test
    @Tag("4.2b")
    void should_refuse_a_limit_too_small_for_one_character() {
        // GIVEN limits below 4 bytes, the size of the longest UTF-8 character
        for (int limit : new int[] {3, 1, 0, -1}) {
            // WHEN a scanner is made with one THEN the constructor refuses it
            assertThat(Thrown.by(() -> new WordScanner(new ByteArrayInputStream(new byte[0]), limit)))
                    .as("new WordScanner(in, %d); a limit below 4 bytes cannot hold every character"
                            + " (UTF-8 takes up to 4 bytes for one): throw IllegalArgumentException", limit)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // AND 4, which holds any one character, is accepted
        assertThat(Thrown.by(() -> new WordScanner(new ByteArrayInputStream(new byte[0]), 4)))
                .as("new WordScanner(in, 4), the smallest limit that holds any character").isNull();
    }

    @Test
    @Tag("4.2b")
    void should_hold_go_default_of_64_KiB_per_word() throws IOException {
        byte[] fits = ("x".repeat(WordScanner.MAX_TOKEN_BYTES) + " y").getBytes(UTF_8);
        var scanner = new WordScanner(new ByteArrayInputStream(fits));
        assertThat(scanner.nextWord()).as("length of a word of exactly 64 KiB").hasSize(WordScanner.MAX_TOKEN_BYTES);
        assertThat(scanner.nextWord()).as("the word after it").isEqualTo("y");

        byte[] tooLong = "x".repeat(WordScanner.MAX_TOKEN_BYTES + 1).getBytes(UTF_8);
        assertThat(Thrown.by(() -> new WordScanner(new ByteArrayInputStream(tooLong)).nextWord()))
                .as("a word of 64 KiB + 1 byte with the default limit: expected a TokenTooLongException naming the limit")
                .isInstanceOf(TokenTooLongException.class)
                .hasMessageContaining(String.valueOf(WordScanner.MAX_TOKEN_BYTES));
    }

    @Test
    @Tag("4.2b")
    void should_grow_the_word_buffer_with_the_words_not_with_the_limit() {
        // GIVEN a generous limit of 10 MiB, and a text of 2000 short words
        int limit = 10 << 20;
        byte[] text = "ab cd ".repeat(1000).getBytes(UTF_8);
        // WHEN a scanner reads every word
        long allocated = AllocationMeter.allocatedBy(3, () -> allWords(new WordScanner(new ByteArrayInputStream(text), limit)));
        // THEN its memory follows the longest word, as bufio.Scanner's does, not the limit
        assertThat(allocated).as("bytes allocated to scan 2000 words of 2 letters with a limit of 10 MiB: expected under"
                + " 1 MiB; the limit caps a word, it is not the size to make the word's buffer (grow it as a word needs more)")
                .isLessThan(1 << 20);
    }

    /** A peer that sends 'a' forever and counts what it handed out. */
    private static final class Endless extends InputStream {
        long handedOut;

        @Override
        public int read() {
            handedOut++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            // A scanner that never stops buffering would run this test out of memory; stop it first.
            if (handedOut > 16L << 20) {
                throw new AssertionError("the scanner has read " + handedOut + " bytes of one word"
                        + " and still asks for more; it must fail at its limit instead of buffering on");
            }
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            handedOut += len;
            return len;
        }
    }

    @Test
    @Tag("4.2b")
    void should_fail_at_the_limit_without_buffering_an_endless_word() {
        // GIVEN a peer that never sends white space, and a limit of 1000 bytes
        var peer = new Endless();
        var scanner = new WordScanner(peer, 1000);
        // WHEN the scanner looks for a word
        Throwable thrown = Thrown.by(scanner::nextWord);
        // THEN it fails with the limit, having read no more than the limit and one read ahead
        assertThat(thrown).as("scanning an endless word with a limit of 1000 bytes: expected a TokenTooLongException naming"
                + " the limit, as soon as the word passes it")
                .isInstanceOf(TokenTooLongException.class)
                .hasMessageContaining("1000");
        assertThat(peer.handedOut).as("bytes read from a peer that never sends white space,"
                + " with a limit of 1000; stop at the limit (one read of read-ahead is fine)")
                .isLessThanOrEqualTo(1000 + 64 * 1024);
    }

    @Test
    @Tag("4.2b")
    void should_refuse_malformed_UTF_8_with_where_and_what() throws IOException {
        // GIVEN byte sequences that are not UTF-8, after one good word
        record Bad(String hex, long offset, String why) { }
        for (Bad bad : List.of(
                new Bad("6f6b20" + "80", 3, "a continuation byte with no lead"),
                new Bad("6f6b20" + "c0af", 3, "an overlong '/'"),
                new Bad("6f6b20" + "eda080", 3, "a surrogate, U+D800"),
                new Bad("6f6b20" + "f4908080", 3, "past U+10FFFF"),
                new Bad("6f6b20" + "e341", 3, "a three-byte character cut short by 'A'"),
                new Bad("6f6b20" + "e380", 3, "a three-byte character cut short by the end of the stream"),
                new Bad("6f6b20" + "ff", 3, "a byte that never occurs in UTF-8"))) {
            var scanner = new WordScanner(bytes(bad.hex()));
            // WHEN scanned
            assertThat(scanner.nextWord()).as("the good word before %s", bad.why()).isEqualTo("ok");
            Throwable thrown = Thrown.by(scanner::nextWord);
            // THEN the scanner fails with a MalformedUtf8Exception that says where the bad bytes start
            assertThat(thrown).as("scanning %s (bytes %s)", bad.why(), bad.hex())
                    .isInstanceOfSatisfying(MalformedUtf8Exception.class, e -> assertThat(e.offset())
                            .as("MalformedUtf8Exception.offset() for %s", bad.why()).isEqualTo(bad.offset()));
        }
    }

    @Test
    @Tag("4.2b")
    void should_hand_over_the_bad_bytes_starting_with_the_byte_at_the_offset() {
        // GIVEN streams whose bad sequence starts at a known offset, after a good word or straight away
        record Bad(String hex, int offset, String why) { }
        for (Bad bad : List.of(
                new Bad("ff", 0, "a byte that never occurs in UTF-8"),
                new Bad("6f6b20" + "80", 3, "a continuation byte with no lead"),
                new Bad("6f6b20" + "e341", 3, "a three-byte character cut short by 'A'"),
                new Bad("6f6b20" + "e380", 3, "a three-byte character cut short by the end of the stream"))) {
            byte[] input = HexFormat.of().parseHex(bad.hex());
            var scanner = new WordScanner(new ByteArrayInputStream(input));
            // WHEN scanned to the failure
            Throwable thrown = Thrown.by(() -> allWords(scanner));
            // THEN the exception's bytes() begin with the byte where the bad sequence starts
            assertThat(thrown).as("scanning %s (bytes %s): expected a MalformedUtf8Exception, got %s", bad.why(),
                    bad.hex(), thrown).isInstanceOf(MalformedUtf8Exception.class);
            var e = (MalformedUtf8Exception) thrown;
            assertThat(e.offset()).as("offset() for %s (bytes %s)", bad.why(), bad.hex()).isEqualTo(bad.offset());
            assertThat(e.bytes())
                    .as("bytes() for %s (bytes %s): expected the bad sequence as far as it was read, starting with"
                            + " the byte at offset %d, 0x%02x", bad.why(), bad.hex(), bad.offset(),
                            input[bad.offset()] & 0xFF)
                    .isNotEmpty().startsWith(input[bad.offset()]);
        }
    }

    @Test
    @Tag("4.2b")
    void should_say_how_a_refused_word_starts() {
        // GIVEN a word of 26 letters and a limit of 20 bytes
        var scanner = new WordScanner(new ByteArrayInputStream("abcdefghijklmnopqrstuvwxyz ok".getBytes(UTF_8)), 20);
        // WHEN scanned
        Throwable thrown = Thrown.by(scanner::nextWord);
        // THEN the message shows how the word starts, so a reader can find the peer's bad word
        assertThat(thrown).as("scanning a 26-byte word with a limit of 20: expected a TokenTooLongException, got %s",
                thrown).isInstanceOf(TokenTooLongException.class);
        assertThat(thrown.getMessage())
                .as("the message of a TokenTooLongException for the word abcdefghijklmnopqrstuvwxyz: expected it to"
                        + " show how the word starts, \"abcdefgh...; pass the word's first bytes as head")
                .contains("\"abcdefgh");
    }

    @Test
    @Tag("4.2b")
    void should_stay_failed_after_a_failure() {
        var scanner = new WordScanner(bytes("ff20616263"));
        assertThat(Thrown.by(scanner::nextWord)).as("first call on a malformed stream")
                .isInstanceOf(MalformedUtf8Exception.class);
        assertThat(Thrown.by(scanner::nextWord)).as("the call after a failure")
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(MalformedUtf8Exception.class);
    }

    @Test
    @Tag("4.2b")
    void should_leave_the_stream_open_for_its_owner() throws IOException {
        boolean[] closed = {false};
        var in = new ByteArrayInputStream("a b".getBytes(UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        allWords(new WordScanner(in));
        assertThat(closed[0]).as("the scanner closed a stream it does not own").isFalse();
    }
}
