package org.medvl.models.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
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
 * Not thread-safe.
 */
final class ReportGenerator {
    private final ReportNetwork network;
    private final NDManager manager;

    ReportGenerator(ReportNetwork network, NDManager manager) {
        this.network = network;
        this.manager = manager;
    }

    /** Token ids (without start and end tokens) for each study, decoding {@code batchSize} studies at a time. */
    List<int[]> generate(List<List<float[]>> studies, DecodeOptions options, int batchSize) {
        ReportConfig c = network.config();
        DecodeOptions o = options.maxLength() > c.maxLength() ? options.withMaxLength(c.maxLength()) : options;
        List<int[]> out = new ArrayList<>(studies.size());
        for (int from = 0; from < studies.size(); from += batchSize) {
            List<List<float[]>> chunk = studies.subList(from, Math.min(studies.size(), from + batchSize));
            try (NDManager scope = manager.newSubManager()) {
                ParameterStore ps = new ParameterStore(scope, false);
                NDList in = StudyBatch.images(scope, chunk, c.maxImages(), c.channels(), c.imageSize());
                NDList memory = network.encode(ps, in.get(0), in.get(1), false);
                out.addAll(Decoders.decode(new Scorer(scope, ps, memory.get(0), memory.get(1)), chunk.size(), o));
            }
        }
        return out;
    }

    private final class Scorer implements NextTokenScorer {
        private final NDManager scope;
        private final ParameterStore ps;
        private final NDArray memory;
        private final NDArray memoryMask;

        Scorer(NDManager scope, ParameterStore ps, NDArray memory, NDArray memoryMask) {
            this.scope = scope;
            this.ps = ps;
            this.memory = memory;
            this.memoryMask = memoryMask;
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
                byLength.computeIfAbsent(prefixes.get(i).length, k -> new ArrayList<>()).add(i);
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
                    int[] p = prefixes.get(row);
                    for (int j = 0; j < p.length; j++) {
                        ids[r * t + j + 1] = p[j];
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
                    }
                }
            }
            return out;
        }
    }
}
