package org.medvl.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.core.io.SharedData;

class WordPieceTokenizerTest {
    /** Text that exercises normalisation: accents, punctuation, CJK, odd spaces, controls, digits, a long word. */
    static final List<String> TRICKY = List.of(
            "Left-sided pleural effusion; no pneumothorax.",
            "Café-au-lait spots, naïve T2/FLAIR hyperintensity (3.5 cm) at L4–L5!",
            "ÅNGSTRÖM Ülcer İstanbul ΣΟΦΙΑ σοφία",
            "肺结节 in the right upper lobe",
            "tab\tseparated\u00a0nbsp\u2028line\u0007bell\u200bzero-width",
            "supercalifragilisticexpialidocious".repeat(4),
            "literal [CLS] and [SEP] and [MASK] tokens",
            "",
            "   ",
            "x-ray/CT: 10mm; MRI T1+C; $5 & 100% <ok> `q` ~ ^ | @ #");

    @Test
    void trainsDeterministicallyAndEncodesKnownPieces() {
        List<String> corpus = List.of("pleural effusion", "pleural thickening", "no effusion", "effusions noted.");
        WordPieceTokenizer a = new WordPieceTrainer(60, 1).train(corpus);
        WordPieceTokenizer b = new WordPieceTrainer(60, 1).train(corpus);
        assertEquals(a.vocab(), b.vocab());
        assertEquals(WordPieceTokenizer.SPECIALS, a.vocab().subList(0, 5));
        int[] ids = a.encode("Pleural effusion.");
        assertEquals(a.clsId(), ids[0]);
        assertEquals(a.sepId(), ids[ids.length - 1]);
        assertEquals(List.of("pleural", "effusion", "."), a.tokenize("Pleural effusion."));
        assertEquals(List.of("[UNK]"), a.tokenize("zzz"), "a word with an unknown character is one [UNK]");
        assertEquals("pleural effusion.", a.decode(ids));
    }

    @Test
    void batchesArePaddedAndTruncatedKeepingSep() {
        WordPieceTokenizer t = new WordPieceTrainer(80, 1).train(List.of("a b c d e f g h"));
        TokenBatch b = t.encodeBatch(List.of("a b c d e f g h", "a"), 5);
        assertEquals(5, b.length());
        assertEquals(t.sepId(), b.ids()[4]);
        assertEquals(0f, b.mask()[5 + 3]);
        assertEquals(1f, b.mask()[5 + 2]);
    }

    @Test
    void roundTripsThroughHuggingFaceTokenizersOnTrickyText(@TempDir Path tmp) throws Exception {
        List<String> corpus = new ArrayList<>(TRICKY);
        corpus.addAll(List.of("the lungs are clear", "cardiomegaly with small effusions", "no acute findings"));
        WordPieceTokenizer mine = new WordPieceTrainer(300, 1).train(corpus);
        Path file = tmp.resolve("tokenizer.json");
        mine.save(file);
        assertEquals(mine.vocab(), WordPieceTokenizer.load(file).vocab());
        assertSameIds(mine, file, corpus);
    }

    @Test
    void roundTripsOnTheMedPixCorpus(@TempDir Path tmp) throws Exception {
        Optional<Path> medpix = SharedData.dataset("medpix-2.0");
        Assumptions.assumeTrue(medpix.isPresent(), SharedData.missingMessage("medpix-2.0"));
        List<String> texts = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(medpix.get().resolve("Descriptions.json").toFile());
        root.forEach(r -> texts.add(r.path("Description").path("Caption").asText("")));
        JsonNode cases = new ObjectMapper().readTree(medpix.get().resolve("Case_topic.json").toFile());
        cases.forEach(c -> c.path("Case").fields().forEachRemaining(f -> texts.add(f.getValue().asText(""))));
        WordPieceTokenizer mine = new WordPieceTrainer(4000, 2).train(texts.subList(0, 1653));
        Path file = tmp.resolve("tokenizer.json");
        mine.save(file);
        assertTrue(texts.size() > 2000, "corpus of " + texts.size());
        assertSameIds(mine, file, texts); // held-out texts included: unknown words must match too
    }

    private static void assertSameIds(WordPieceTokenizer mine, Path file, List<String> texts) throws Exception {
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(file)
                .optAddSpecialTokens(true).optTruncation(false).optPadding(false).build()) {
            for (String text : texts) {
                long[] theirs = hf.encode(text).getIds();
                int[] ours = mine.encode(text);
                assertArrayEquals(theirs, Arrays.stream(ours).asLongStream().toArray(), () -> "ids differ for: " + text);
            }
        }
    }

    @Test
    void rejectsATokenizerFileOfAnotherKind(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("tokenizer.json");
        Files.writeString(f, "{\"model\":{\"type\":\"BPE\",\"vocab\":{}}}");
        MedvlException e = assertThrows(MedvlException.class, () -> WordPieceTokenizer.load(f));
        assertTrue(e.getMessage().contains("model.type"), e.getMessage());
    }
}
