package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtbTokenizerTest {
    @Test
    void matchesReferenceTokenizationOfEveryParityItem() throws IOException {
        ParityData data = ParityData.load();
        // as pycocoevalcap does: all references of the set in one stream, all hypotheses in another
        List<String> allRefs = new ArrayList<>();
        List<String> expectedRefs = new ArrayList<>();
        for (int i = 0; i < data.refs.size(); i++) {
            allRefs.addAll(data.refs.get(i));
            expectedRefs.addAll(data.refsPtb.get(i));
        }
        List<String> gotRefs = PtbTokenizer.tokenizeAll(allRefs);
        for (int i = 0; i < allRefs.size(); i++) {
            assertEquals(expectedRefs.get(i), gotRefs.get(i), "reference " + i + ": " + allRefs.get(i));
        }
        List<String> gotHyps = PtbTokenizer.tokenizeAll(data.hyps);
        for (int i = 0; i < data.hyps.size(); i++) {
            assertEquals(data.hypsPtb.get(i), gotHyps.get(i), "hypothesis " + i + ": " + data.hyps.get(i));
        }
    }

    /**
     * 400 lines of mixed hard cases (abbreviations, acronyms before sentence starters, quotes, URLs, e-mail, SGML,
     * entities, fractions, currencies, phone numbers, smileys, dashes, ellipses, contractions, soft hyphens, Unicode)
     * with the output of Stanford PTBTokenizer 3.4.1 -preserveLines -lowerCase plus pycocoevalcap's punctuation drop.
     * The last line is not checked: the reference saw the next line of its stream after it.
     */
    @Test
    void matchesReferenceOnGeneralEnglishCases() throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try (var in = getClass().getResourceAsStream("ptb-3.4.1-cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                var node = org.medvl.core.io.JsonLines.MAPPER.readTree(line);
                texts.add(node.get("text").asText());
                expected.add(node.get("ptb").asText());
            }
        }
        List<String> got = PtbTokenizer.tokenizeAll(texts);
        for (int i = 0; i < texts.size() - 1; i++) {
            assertEquals(expected.get(i), got.get(i), "line " + (i + 1) + ": " + texts.get(i));
        }
    }

    @Test
    void chunkedStreamsSeeTheNextCaption() {
        // "etc." before a capitalised word on the next line: the reference's lexer looks across the newline
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add(i % 2 == 0 ? "Nodes, effusion etc." : "The lungs are clear vs. prior.");
        }
        List<String> whole = PtbTokenizer.tokenizeAll(lines);
        List<String> first = PtbTokenizer.tokenizeAll(lines.subList(0, 2501), lines.get(2501));
        assertEquals(whole.subList(0, 2501), first);
    }

    @Test
    void documentedQuirks() {
        assertEquals("ca n't exclude a 3.5 cm nodule follow-up ct.",
                PtbTokenizer.tokenize("Can't exclude a 3.5cm nodule -- follow-up CT."));
        assertEquals("can not be excluded", PtbTokenizer.tokenize("Cannot be excluded."));
        assertEquals("heart size normal -lrb- stable -rrb-", PtbTokenizer.tokenize("Heart size normal (stable)."));
        assertEquals("a -lsb- b -rsb- -lcb- c -rcb-", PtbTokenizer.tokenize("a [b] {c}"));
        assertEquals("he said yes", PtbTokenizer.tokenize("He said \u201Cyes\u201D \u2014 okay?".replace(" \u2014 okay?", "")));
        assertEquals("x / y * z % & = +", PtbTokenizer.tokenize("x / y * z % & = +"));
        assertEquals("it 's the patient 's film", PtbTokenizer.tokenize("It's the patient's film."));
        assertEquals("", PtbTokenizer.tokenize(""));
    }

    @Test
    void newlinesInsideACaptionAreSpaces() {
        assertEquals(List.of("no effusion seen", "clear"), PtbTokenizer.tokenizeAll(List.of("No effusion\nseen.", "Clear.")));
        assertEquals(List.of("a b c d", "e", "f"),
                PtbTokenizer.tokenizeAll(List.of("a\rb\u2028c\u0085d", "e\r", "f")));
    }
}
