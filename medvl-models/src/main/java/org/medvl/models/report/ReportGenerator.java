package org.medvl.models.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.models.report.decode.DecodeOptions;
import org.medvl.models.report.decode.Decoders;
import org.medvl.models.report.decode.NextTokenScorer;

/**
 * Generates reports with a {@link ReportNetwork}: encodes a batch of studies once, then lets a decoding strategy ask
 * for next-token distributions. Each call re-runs the decoder over the whole prefix (no key/value cache): with
 * reports of at most a few dozen words on small models this costs little and keeps the network code single-path.
 * {@link #continueAfter} decodes after a forced prefix per study (the generative VQA kind forces the question) and
 * gives each output's log-probability. Not thread-safe.
 */
public final class ReportGenerator {
    private final ReportNetwork network;
    private final NDManager manager;

    /** A decoded continuation (no end token) and its natural-log probability under the model, end token included. */
    public record Continuation(int[] tokens, double logProb) {
    }

    public ReportGenerator(ReportNetwork network, NDManager manager) {
        this.network = network;
        this.manager = manager;
    }

    /** Token ids (without start and end tokens) for each study, decoding {@code batchSize} studies at a time. */
    List<int[]> generate(List<List<float[]>> studies, DecodeOptions options, int batchSize) {
        List<int[]> none = java.util.Collections.nCopies(studies.size(), new int[0]);
        return continueAfter(studies, none, options, batchSize).stream().map(Continuation::tokens).toList();
    }

    /**
     * Decodes each study's tokens after its forced {@code prefixes} entry (token ids after the start token; empty for
     * plain generation), {@code batchSize} studies at a time. The output holds only the decoded part; its length is
     * also limited by the positions the network has left after the prefix.
     */
    public List<Continuation> continueAfter(List<List<float[]>> studies, List<int[]> prefixes, DecodeOptions options,
                                            int batchSize) {
        if (prefixes.size() != studies.size()) {
            throw new IllegalArgumentException(studies.size() + " studies but " + prefixes.size() + " prefixes");
        }
        ReportConfig c = network.config();
        List<Continuation> out = new ArrayList<>(studies.size());
        for (int from = 0; from < studies.size(); from += batchSize) {
            int to = Math.min(studies.size(), from + batchSize);
            List<List<float[]>> chunk = studies.subList(from, to);
            List<int[]> forced = prefixes.subList(from, to);
            int room = c.maxLength() - forced.stream().mapToInt(p -> p.length).max().orElse(0);
            if (room < 1) {
                throw new IllegalArgumentException("a prefix leaves no room to decode within " + c.maxLength()
                        + " tokens");
            }
            DecodeOptions o = options.maxLength() > room ? options.withMaxLength(room) : options;
            try (NDManager scope = manager.newSubManager()) {
                ParameterStore ps = new ParameterStore(scope, false);
                NDList in = StudyBatch.images(scope, chunk, c.maxImages(), c.channels(), c.imageSize());
                NDList memory = network.encode(ps, in.get(0), in.get(1), false);
                Scorer scorer = new Scorer(scope, ps, memory.get(0), memory.get(1), forced);
                List<int[]> decoded = Decoders.decode(scorer, chunk.size(), o);
                for (int s = 0; s < decoded.size(); s++) {
                    out.add(new Continuation(decoded.get(s), scorer.logProb(s, decoded.get(s))));
                }
            }
        }
        return out;
    }

    private final class Scorer implements NextTokenScorer {
        private final NDManager scope;
        private final ParameterStore ps;
        private final NDArray memory;
        private final NDArray memoryMask;
        private final List<int[]> forced;
        /** Every row handed out, by source and prefix, so an output's log-probability costs no extra decoder run. */
        private final Map<String, float[]> seen = new HashMap<>();

        Scorer(NDManager scope, ParameterStore ps, NDArray memory, NDArray memoryMask, List<int[]> forced) {
            this.scope = scope;
            this.ps = ps;
            this.memory = memory;
            this.memoryMask = memoryMask;
            this.forced = forced;
        }

        /** log p(tokens, end | source's forced prefix), from the rows seen while decoding (computed if missing). */
        double logProb(int source, int[] tokens) {
            double sum = 0;
            for (int j = 0; j <= tokens.length; j++) {
                int[] prefix = Arrays.copyOf(tokens, j);
                float[] row = seen.get(key(source, prefix));
                if (row == null) {
                    row = logProbs(new int[] {source}, List.of(prefix))[0];
                }
                sum += row[j < tokens.length ? tokens[j] : eos()];
            }
            return sum;
        }

        private static String key(int source, int[] prefix) {
            return source + Arrays.toString(prefix);
        }

        @Override
        public int vocabSize() {
            return network.config().vocabSize();
        }

        @Override
        public int eos() {
            return WordVocabulary.EOS;
        }

        @Override
        public float[][] logProbs(int[] sources, List<int[]> prefixes) {
            float[][] out = new float[sources.length][];
            // Rows of equal prefix length run as one batch (all of them, for greedy, beam and sampling).
            Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
            for (int i = 0; i < sources.length; i++) {
                byLength.computeIfAbsent(forced.get(sources[i]).length + prefixes.get(i).length,
                        k -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<Integer, List<Integer>> e : byLength.entrySet()) {
                List<Integer> rows = e.getValue();
                int t = e.getKey() + 1;
                long[] ids = new long[rows.size() * t];
                NDList mem = new NDList();
                NDList mask = new NDList();
                for (int r = 0; r < rows.size(); r++) {
                    int row = rows.get(r);
                    ids[r * t] = WordVocabulary.BOS;
                    int[] f = forced.get(sources[row]);
                    int[] p = prefixes.get(row);
                    for (int j = 0; j < f.length; j++) {
                        ids[r * t + j + 1] = f[j];
                    }
                    for (int j = 0; j < p.length; j++) {
                        ids[r * t + f.length + j + 1] = p[j];
                    }
                    mem.add(memory.get(sources[row]));
                    mask.add(memoryMask.get(sources[row]));
                }
                try (NDManager step = scope.newSubManager()) {
                    NDArray tokens = step.create(ids, new Shape(rows.size(), t));
                    NDArray m = NDArrays.stack(mem);
                    NDArray mm = NDArrays.stack(mask);
                    m.attach(step);
                    mm.attach(step);
                    mem.attach(step);
                    mask.attach(step);
                    NDArray logits = network.logits(ps, tokens, m, mm, false).get(":, -1, :");
                    float[] lp = logits.logSoftmax(-1).toFloatArray();
                    int v = vocabSize();
                    for (int r = 0; r < rows.size(); r++) {
                        float[] row = java.util.Arrays.copyOfRange(lp, r * v, (r + 1) * v);
                        row[WordVocabulary.PAD] = Float.NEGATIVE_INFINITY;
                        row[WordVocabulary.BOS] = Float.NEGATIVE_INFINITY;
                        row[WordVocabulary.UNK] = Float.NEGATIVE_INFINITY;
                        out[rows.get(r)] = row;
                        seen.put(key(sources[rows.get(r)], prefixes.get(rows.get(r))), row);
                    }
                }
            }
            return out;
        }
    }
}
