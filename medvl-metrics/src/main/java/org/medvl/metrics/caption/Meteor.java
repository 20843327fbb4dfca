package org.medvl.metrics.caption;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.medvl.metrics.caption.MeteorAligner.Candidates;
import org.medvl.metrics.caption.MeteorAligner.Match;

/**
 * METEOR 1.5's algorithm as COCO calls it ({@code -l en -norm}): exact, Snowball-stem, WordNet-synonym and (with a
 * user-supplied table) paraphrase matching, the beam-search alignment, the English ranking parameters and stage
 * weights, the chunk penalty, the best reference per item and a corpus score from summed statistics.
 *
 * <p>The reference jar (with its own function-word list, WordNet 3.0 synonym files, paraphrase table and text
 * normalizer) is not available here, so scores follow the algorithm but are not checked against it; {@link
 * Result#note()} says which stages ran and with which resources.
 */
public final class Meteor {
    static final int EXACT = 0;
    static final int STEM = 1;
    static final int SYNONYM = 2;
    static final int PARAPHRASE = 3;
    private static final String[] STAGE_NAMES = {"exact", "stem", "synonym", "paraphrase"};

    /** alpha, beta, gamma, delta of METEOR's scoring formula. */
    public record Parameters(double alpha, double beta, double gamma, double delta) {
        /** METEOR 1.5, English, ranking task (the default COCO uses). */
        public static final Parameters ENGLISH_RANKING = new Parameters(0.85, 0.20, 0.60, 0.75);
    }

    /** Scores per item (input order), the corpus score and what ran. */
    public record Result(double[] items, double corpus, String note) {
    }

    private final Parameters parameters = Parameters.ENGLISH_RANKING;
    private final double[] stageWeights = {1.0, 0.6, 0.8, 0.6};
    private final boolean stem;
    private final boolean synonyms;
    private final Paraphrases paraphrases;
    private final Set<String> functionWords;
    private final String functionWordSource;

    private Meteor(boolean stem, boolean synonyms, Paraphrases paraphrases, Set<String> functionWords,
            String functionWordSource) {
        this.stem = stem;
        this.synonyms = synonyms;
        this.paraphrases = paraphrases;
        this.functionWords = functionWords;
        this.functionWordSource = functionWordSource;
    }

    /** Exact, stem and WordNet synonym stages with the built-in function-word list; no paraphrase table. */
    public static Meteor standard() {
        return new Meteor(true, true, null, builtInFunctionWords(), "medvl's built-in English list");
    }

    /** The same with a paraphrase table (METEOR's 3-line format, or {@code phrase ||| paraphrase} lines; .gz ok). */
    public Meteor withParaphrases(Path table) {
        return new Meteor(stem, synonyms, Paraphrases.load(table), functionWords, functionWordSource);
    }

    /** The same with a function-word list from a file (one word a line), e.g. METEOR's own english.words. */
    public Meteor withFunctionWords(Path file) {
        try {
            return new Meteor(stem, synonyms, paraphrases, read(java.nio.file.Files.newInputStream(file)),
                    file.toString());
        } catch (IOException e) {
            throw new org.medvl.core.MedvlException("cannot read function words " + file + ": " + e.getMessage());
        }
    }

    /** The same without the synonym stage (WordNet loading takes a few seconds). */
    public Meteor withoutSynonyms() {
        return new Meteor(stem, false, paraphrases, functionWords, functionWordSource);
    }

    public List<String> stages() {
        List<String> out = new ArrayList<>(List.of(STAGE_NAMES[EXACT]));
        if (stem) {
            out.add(STAGE_NAMES[STEM] + " (Snowball English)");
        }
        if (synonyms) {
            out.add(STAGE_NAMES[SYNONYM] + " (WordNet 3.1 via extjwnl)");
        }
        if (paraphrases != null) {
            out.add(STAGE_NAMES[PARAPHRASE] + " (" + paraphrases.source() + ")");
        }
        return out;
    }

    /** Scores each hypothesis against its references (best reference per item), in parallel. */
    public Result score(List<List<String>> references, List<String> hypotheses) {
        MeteorStats[] best = bestStats(references, hypotheses);
        double[] items = new double[best.length];
        MeteorStats total = new MeteorStats();
        for (int i = 0; i < best.length; i++) {
            items[i] = itemScore(best[i]);
            total.add(best[i]);
        }
        return new Result(items, best.length == 0 ? 0.0 : corpusScore(total), note());
    }

    /** What ran, for the output's notes. */
    public String note() {
        return "METEOR: METEOR 1.5 algorithm (medvl port, not checked against the reference jar); stages: "
                + String.join(", ", stages()) + "; English ranking parameters alpha 0.85 beta 0.20 gamma 0.60 "
                + "delta 0.75, stage weights 1.0/0.6/0.8/0.6; function words: " + functionWordSource;
    }

    /** Per item, the statistics of its best-scoring reference (the first among equals). */
    MeteorStats[] bestStats(List<List<String>> references, List<String> hypotheses) {
        int n = hypotheses.size();
        MeteorStats[] best = new MeteorStats[n];
        WordNetSynonyms wordNet = synonyms ? WordNetSynonyms.shared() : null;
        IntStream.range(0, n).parallel().forEach(i -> {
            String[] hyp = MeteorNormalizer.words(hypotheses.get(i));
            double bestScore = -1;
            for (String r : references.get(i)) {
                MeteorStats s = stats(hyp, MeteorNormalizer.words(r), wordNet);
                double score = s.score(parameters, stageWeights);
                if (score > bestScore) {
                    bestScore = score;
                    best[i] = s;
                }
            }
        });
        return best;
    }

    double itemScore(MeteorStats s) {
        return s.score(parameters, stageWeights);
    }

    double corpusScore(MeteorStats total) {
        return total.score(parameters, stageWeights);
    }

    private MeteorStats stats(String[] hyp, String[] ref, WordNetSynonyms wordNet) {
        Candidates c = new Candidates(hyp.length, ref.length);
        boolean identical = MeteorAligner.same(hyp, ref);
        for (int j = 0; j < ref.length; j++) {
            for (int i = 0; i < hyp.length; i++) {
                if (hyp[i].equals(ref[j])) {
                    c.add(new Match(EXACT, j, 1, i, 1));
                }
            }
        }
        if (!identical) {
            String[] hypStems = stem ? Stems.of(hyp) : null;
            String[] refStems = stem ? Stems.of(ref) : null;
            if (stem) {
                for (int j = 0; j < ref.length; j++) {
                    for (int i = 0; i < hyp.length; i++) {
                        if (!hyp[i].equals(ref[j]) && hypStems[i].equals(refStems[j])) {
                            c.add(new Match(STEM, j, 1, i, 1));
                        }
                    }
                }
            }
            if (wordNet != null) {
                for (int j = 0; j < ref.length; j++) {
                    for (int i = 0; i < hyp.length; i++) {
                        boolean sameStem = hypStems != null && hypStems[i].equals(refStems[j]);
                        if (!hyp[i].equals(ref[j]) && !sameStem && wordNet.synonyms(hyp[i], ref[j])) {
                            c.add(new Match(SYNONYM, j, 1, i, 1));
                        }
                    }
                }
            }
            if (paraphrases != null) {
                paraphrases.match(hyp, ref, c);
            }
        }
        Match[] chosen = MeteorAligner.align(c, hyp.length, ref.length);
        MeteorStats s = new MeteorStats();
        s.testLength = hyp.length;
        s.refLength = ref.length;
        boolean[] hypFunction = new boolean[hyp.length];
        boolean[] refFunction = new boolean[ref.length];
        for (int i = 0; i < hyp.length; i++) {
            hypFunction[i] = functionWords.contains(hyp[i]);
            s.testFunctionWords += hypFunction[i] ? 1 : 0;
        }
        for (int j = 0; j < ref.length; j++) {
            refFunction[j] = functionWords.contains(ref[j]);
            s.refFunctionWords += refFunction[j] ? 1 : 0;
        }
        for (Match m : chosen) {
            if (m == null) {
                continue;
            }
            for (int k = 0; k < m.hypLength(); k++) {
                (hypFunction[m.hypStart() + k] ? s.testFunction : s.testContent)[m.stage()]++;
            }
            for (int k = 0; k < m.length(); k++) {
                (refFunction[m.start() + k] ? s.refFunction : s.refContent)[m.stage()]++;
            }
            s.testWordMatches += m.hypLength();
            s.refWordMatches += m.length();
        }
        s.chunks = MeteorAligner.chunks(chosen);
        return s;
    }

    private static Set<String> builtInFunctionWords() {
        try (InputStream in = Meteor.class.getResourceAsStream("function-words-en.txt")) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> read(InputStream in) throws IOException {
        Set<String> words = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(words);
    }

    /** Snowball English stems (Lucene's generated Snowball stemmer; one instance per thread, it is stateful). */
    private static final class Stems {
        private static final ThreadLocal<org.tartarus.snowball.ext.EnglishStemmer> STEMMER =
                ThreadLocal.withInitial(org.tartarus.snowball.ext.EnglishStemmer::new);

        static String[] of(String[] words) {
            org.tartarus.snowball.ext.EnglishStemmer s = STEMMER.get();
            String[] out = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                s.setCurrent(words[i]);
                s.stem();
                out[i] = s.getCurrent();
            }
            return out;
        }
    }
}
