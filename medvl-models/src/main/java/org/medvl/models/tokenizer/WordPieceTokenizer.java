package org.medvl.models.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;

/**
 * A BERT-style WordPiece tokenizer (Wu et al. 2016; Devlin et al. 2019) with a vocabulary medvl trains itself
 * ({@link WordPieceTrainer}). It reads and writes the standard HuggingFace {@code tokenizer.json}, and encodes exactly
 * as the HuggingFace tokenizers library does with that file, so exported models can be used from Python or Rust.
 * Immutable and thread-safe.
 */
public final class WordPieceTokenizer {
    public static final String PAD = "[PAD]";
    public static final String UNK = "[UNK]";
    public static final String CLS = "[CLS]";
    public static final String SEP = "[SEP]";
    public static final String MASK = "[MASK]";
    /** Special tokens, in id order 0..4. */
    public static final List<String> SPECIALS = List.of(PAD, UNK, CLS, SEP, MASK);
    static final String PREFIX = "##";
    static final int MAX_WORD_CHARS = 100;

    private final String[] tokens;
    private final Map<String, Integer> ids;

    /** A tokenizer over {@code vocab}, whose first five entries must be {@link #SPECIALS}. */
    public WordPieceTokenizer(List<String> vocab) {
        if (vocab.size() < SPECIALS.size() || !vocab.subList(0, SPECIALS.size()).equals(SPECIALS)) {
            throw new IllegalArgumentException("vocabulary must start with " + SPECIALS);
        }
        this.tokens = vocab.toArray(String[]::new);
        this.ids = new HashMap<>(vocab.size() * 2);
        for (int i = 0; i < tokens.length; i++) {
            if (ids.put(tokens[i], i) != null) {
                throw new IllegalArgumentException("duplicate vocabulary entry '" + tokens[i] + "'");
            }
        }
    }

    public int vocabSize() {
        return tokens.length;
    }

    public List<String> vocab() {
        return Collections.unmodifiableList(Arrays.asList(tokens));
    }

    public int padId() {
        return 0;
    }

    public int unkId() {
        return 1;
    }

    public int clsId() {
        return 2;
    }

    public int sepId() {
        return 3;
    }

    public String token(int id) {
        return tokens[id];
    }

    /** Ids of {@code text} framed as [CLS] ... [SEP], as the HuggingFace binding gives with special tokens on. */
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        out.add(clsId());
        appendPieces(text, out);
        out.add(sepId());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The word pieces of {@code text} without special framing. */
    public List<String> tokenize(String text) {
        List<Integer> out = new ArrayList<>();
        appendPieces(text, out);
        return out.stream().map(i -> tokens[i]).toList();
    }

    /**
     * Encodes a batch padded to its longest sequence, at most {@code maxLength} tokens each (truncated texts keep their
     * closing [SEP]).
     */
    public TokenBatch encodeBatch(List<String> texts, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2");
        }
        int[][] seqs = new int[texts.size()][];
        int longest = 2;
        for (int i = 0; i < seqs.length; i++) {
            int[] s = encode(texts.get(i));
            if (s.length > maxLength) {
                s = Arrays.copyOf(s, maxLength);
                s[maxLength - 1] = sepId();
            }
            seqs[i] = s;
            longest = Math.max(longest, s.length);
        }
        long[] idArr = new long[seqs.length * longest];
        float[] mask = new float[seqs.length * longest];
        for (int i = 0; i < seqs.length; i++) {
            for (int t = 0; t < seqs[i].length; t++) {
                idArr[i * longest + t] = seqs[i][t];
                mask[i * longest + t] = 1f;
            }
        }
        return new TokenBatch(idArr, mask, seqs.length, longest);
    }

    /** Joins word pieces back into text, dropping special tokens ("##" pieces attach to the previous word). */
    public String decode(int[] idSeq) {
        StringBuilder sb = new StringBuilder();
        for (int id : idSeq) {
            if (id < SPECIALS.size() && id != unkId()) {
                continue;
            }
            String t = tokens[id];
            if (t.startsWith(PREFIX)) {
                sb.append(t, PREFIX.length(), t.length());
            } else {
                if (sb.length() > 0 && !(t.length() == 1 && BertPreTokenizer.isPunctuation(t.codePointAt(0)))) {
                    sb.append(' ');
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    private void appendPieces(String text, List<Integer> out) {
        // Special tokens written literally in the raw text are matched first, as HF does for added tokens.
        int from = 0;
        while (from <= text.length()) {
            int best = -1;
            String bestTok = null;
            for (String sp : SPECIALS) {
                int at = text.indexOf(sp, from);
                if (at >= 0 && (best < 0 || at < best)) {
                    best = at;
                    bestTok = sp;
                }
            }
            String segment = best < 0 ? text.substring(from) : text.substring(from, best);
            for (String word : BertPreTokenizer.split(BertPreTokenizer.normalize(segment))) {
                appendWord(word, out);
            }
            if (best < 0) {
                break;
            }
            out.add(ids.get(bestTok));
            from = best + bestTok.length();
        }
    }

    /** Greedy longest-match-first WordPiece; a word with any unmatched remainder becomes a single [UNK]. */
    private void appendWord(String word, List<Integer> out) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            out.add(unkId());
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (end > start) {
                String sub = (start > 0 ? PREFIX : "") + word.substring(start, end);
                found = ids.get(sub);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                out.add(unkId());
                return;
            }
            pieces.add(found);
            start = end;
        }
        out.addAll(pieces);
    }

    /** Writes the standard HuggingFace tokenizer.json, atomically. */
    public void save(Path file) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < SPECIALS.size(); i++) {
            ObjectNode t = added.addObject();
            t.put("id", i).put("content", SPECIALS.get(i)).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        }
        ObjectNode norm = root.putObject("normalizer");
        norm.put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", true)
                .put("strip_accents", true).put("lowercase", true);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", CLS).put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", SEP).put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", CLS).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", SEP).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        pair.addObject().putObject("SpecialToken").put("id", SEP).put("type_id", 1);
        ObjectNode sp = post.putObject("special_tokens");
        for (String s : List.of(CLS, SEP)) {
            ObjectNode o = sp.putObject(s);
            o.put("id", s);
            o.putArray("ids").add(ids.get(s));
            o.putArray("tokens").add(s);
        }
        root.putObject("decoder").put("type", "WordPiece").put("prefix", PREFIX).put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece").put("unk_token", UNK).put("continuing_subword_prefix", PREFIX)
                .put("max_input_chars_per_word", MAX_WORD_CHARS);
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < tokens.length; i++) {
            vocab.put(tokens[i], i);
        }
        AtomicFiles.write(file, out -> om.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }

    /** Reads a WordPiece tokenizer.json of the shape {@link #save} writes. */
    public static WordPieceTokenizer load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new MedvlException("cannot read tokenizer " + file + ": " + e.getMessage(), e);
        }
        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new MedvlException(file + ": field model.type: expected \"WordPiece\", got "
                    + model.path("type") + " (medvl trains WordPiece tokenizers)");
        }
        JsonNode vocab = model.path("vocab");
        String[] byId = new String[vocab.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int id = e.getValue().asInt(-1);
            if (id < 0 || id >= byId.length || byId[id] != null) {
                throw new MedvlException(file + ": field model.vocab: id " + e.getValue() + " of '" + e.getKey()
                        + "' is out of range or repeated");
            }
            byId[id] = e.getKey();
        }
        try {
            return new WordPieceTokenizer(Arrays.asList(byId));
        } catch (IllegalArgumentException e) {
            throw new MedvlException(file + ": field model.vocab: " + e.getMessage());
        }
    }
}
