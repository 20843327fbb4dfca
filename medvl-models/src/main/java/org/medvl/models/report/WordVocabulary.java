package org.medvl.models.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;

/**
 * A word-level vocabulary with a minimum count, as R2Gen builds it (threshold 3 for IU X-ray, 10 for MIMIC-CXR):
 * lower-cased words, numbers and the sentence marks "." and ",", rarer words mapped to {@code <unk>}.
 *
 * <p>Word-level rather than the project's WordPiece tokenizer because every output token is then a whole word: the
 * no-repeat n-gram rule and the length limits act on words, as in the report-generation papers, the output layer
 * stays small (about a thousand words for MedPix captions), and rare sub-word fragments cannot be strung into
 * non-words. Written here because it is a few lines and must save and load with the checkpoint.
 */
public final class WordVocabulary {
    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    public static final int UNK = 3;
    private static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>", "<unk>");
    /** Words (letters, digits, inner hyphens, apostrophes and decimal points) and the marks "." and ",". */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'.][\\p{L}\\p{N}]+)*|[.,]");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int minCount;

    private WordVocabulary(List<String> words, int minCount) {
        this.words = List.copyOf(words);
        this.minCount = minCount;
        for (int i = 0; i < this.words.size(); i++) {
            ids.put(this.words.get(i), i);
        }
    }

    /** The vocabulary of {@code texts}: every word seen at least {@code minCount} times, most frequent first. */
    public static WordVocabulary build(List<String> texts, int minCount) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : texts) {
            for (String w : words(t)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        List<String> words = new ArrayList<>(SPECIALS);
        kept.forEach(e -> words.add(e.getKey()));
        return new WordVocabulary(words, minCount);
    }

    /** The lower-cased word tokens of a text. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public int size() {
        return words.size();
    }

    public int minCount() {
        return minCount;
    }

    public String word(int id) {
        return words.get(id);
    }

    /** Token ids of a text, without start or end token, cut at {@code maxLength}. */
    public int[] encode(String text, int maxLength) {
        List<String> w = words(text);
        int n = Math.min(w.size(), maxLength);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = ids.getOrDefault(w.get(i), UNK);
        }
        return out;
    }

    /** Readable text: marks attached to the word before them, each sentence capitalised; special tokens skipped. */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        boolean sentenceStart = true;
        for (int id : ids) {
            if (id < SPECIALS.size()) {
                continue;
            }
            String w = words.get(id);
            boolean mark = w.equals(".") || w.equals(",");
            if (!mark && sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(sentenceStart && !mark ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            sentenceStart = mark ? w.equals(".") : false;
        }
        return sb.toString();
    }

    /** The saved form: {"type": "word", "minCount": N, "words": [...]} with ids as list positions. */
    public JsonNode toJson() {
        return JSON.createObjectNode().put("type", "word").put("minCount", minCount)
                .set("words", JSON.valueToTree(words));
    }

    public void save(Path file) {
        AtomicFiles.writeString(file, toJson().toPrettyString());
    }

    public static WordVocabulary load(Path file) {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            JsonNode w = n.get("words");
            if (w == null || !w.isArray() || w.size() < SPECIALS.size()) {
                throw new MedvlException(file + ": field 'words' missing or shorter than the special tokens");
            }
            List<String> words = new ArrayList<>();
            w.forEach(x -> words.add(x.asText()));
            if (!words.subList(0, SPECIALS.size()).equals(SPECIALS)) {
                throw new MedvlException(file + ": field 'words' must start with " + SPECIALS);
            }
            return new WordVocabulary(words, n.path("minCount").asInt(1));
        } catch (IOException e) {
            throw new MedvlException("cannot read vocabulary " + file + ": " + e.getMessage(), e);
        }
    }
}
