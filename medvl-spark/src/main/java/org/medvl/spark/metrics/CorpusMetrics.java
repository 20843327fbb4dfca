package org.medvl.spark.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.medvl.metrics.caption.CaptionMetric;
import org.medvl.metrics.caption.CaptionStatistics;
import org.medvl.metrics.caption.CaptionStatistics.ItemStatistics;
import org.medvl.metrics.caption.CaptionStatistics.PreparedItem;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.caption.R2GenPreparation;
import org.medvl.metrics.clinical.ClinicalEfficacy;
import org.medvl.metrics.clinical.ClinicalEfficacy.Definition;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.ReportLabels;
import scala.Tuple2;

/**
 * Corpus BLEU-1..4, ROUGE-L, CIDEr-D and clinical efficacy as Spark aggregations, equal to medvl-metrics'
 * single-process {@link org.medvl.metrics.caption.CaptionEvaluator} and {@link ClinicalEfficacy}:
 * <ol>
 *   <li>each item is prepared on an executor with the single-process tokenizer; for the COCO profile an item also
 *       sees the next item in corpus order (the PTB stream looks one line ahead), taken across partition borders
 *       from a small broadcast of each partition's first item;</li>
 *   <li>CIDEr-D's document frequencies: every item's distinct reference n-grams, counted per partition, added on
 *       the driver and broadcast (memory grows with distinct reference n-grams, as in one process);</li>
 *   <li>each partition sums its items' BLEU counts (integers: exact), ROUGE-L and CIDEr-D scores; the driver adds
 *       the partition sums in partition order;</li>
 *   <li>CE: each item's hypothesis and first reference are labelled by the findings labeler; confusion counts add up
 *       per definition.</li>
 * </ol>
 * METEOR is not distributed (its corpus score needs per-item alignment statistics not yet exposed): use the CLI.
 */
public final class CorpusMetrics {
    /** The caption metrics computed here, in output order. */
    public static final List<String> METRICS = List.of(CaptionMetric.BLEU_1, CaptionMetric.BLEU_2,
            CaptionMetric.BLEU_3, CaptionMetric.BLEU_4, CaptionMetric.ROUGE_L, CaptionMetric.CIDER_D);

    private CorpusMetrics() {
    }

    /** Corpus scores keyed like CaptionEvaluator's, and CE per definition (empty when not asked for). */
    public record Result(long items, Map<String, Double> caption, Map<Definition, ClinicalEfficacy.Result> clinical) {
    }

    /** One partition's sums. */
    private record Partial(long items, long[] bleu, double rouge, double cider) implements Serializable {
    }

    /**
     * @param items      the corpus, each with its position; partitions must hold consecutive positions in order
     *                   (as {@link CaptionItems} reads them)
     * @param r2gen      the R2Gen cleaning (IU or MIMIC) for {@link Profile#R2GEN}; ignored otherwise
     * @param clinical   also compute CE
     */
    public static Result compute(JavaRDD<CaptionItem> items, Profile profile, R2GenPreparation.Dataset r2gen,
            boolean clinical) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(items.context());
        // read once: the look-ahead, the preparation and CE each go over the items
        JavaRDD<CaptionItem> input = items.persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<PreparedItem> prepared = prepare(sc, input, profile, r2gen).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long n = prepared.count();
            if (n == 0) {
                throw new IllegalArgumentException("no items to score");
            }
            Map<String, Integer> df = documentFrequencies(prepared);
            Broadcast<Map<String, Integer>> dfs = sc.broadcast(df);
            List<Partial> parts = prepared.mapPartitions((Iterator<PreparedItem> it) -> {
                Map<String, Integer> d = dfs.value();
                CaptionStatistics stats = new CaptionStatistics(g -> d.getOrDefault(g, 0), n);
                long[] bleu = new long[CaptionStatistics.BLEU_FIELDS];
                double rouge = 0;
                double cider = 0;
                long count = 0;
                while (it.hasNext()) {
                    ItemStatistics s = stats.score(it.next());
                    CaptionStatistics.addBleu(bleu, s.bleu());
                    rouge += s.rougeL();
                    cider += s.ciderD();
                    count++;
                }
                return List.of(new Partial(count, bleu, rouge, cider)).iterator();
            }).collect();
            dfs.destroy();
            long[] bleu = new long[CaptionStatistics.BLEU_FIELDS];
            double rouge = 0;
            double cider = 0;
            for (Partial p : parts) {
                CaptionStatistics.addBleu(bleu, p.bleu());
                rouge += p.rouge();
                cider += p.cider();
            }
            Map<String, Double> caption = new LinkedHashMap<>();
            double[] b = CaptionStatistics.bleuScores(bleu);
            for (int k = 0; k < b.length; k++) {
                caption.put(METRICS.get(k), b[k]);
            }
            caption.put(CaptionMetric.ROUGE_L, rouge / n);
            caption.put(CaptionMetric.CIDER_D, cider / n);
            Map<Definition, ClinicalEfficacy.Result> ce = clinical ? clinical(input) : Map.of();
            return new Result(n, Collections.unmodifiableMap(caption), ce);
        } finally {
            prepared.unpersist(false);
            input.unpersist(false);
        }
    }

    /**
     * CIDEr-D's document frequencies: each partition counts its items' reference n-grams, the driver adds the
     * partition tables. The whole table goes to the driver anyway (to be broadcast), so a shuffle would only add a
     * stage.
     */
    static Map<String, Integer> documentFrequencies(JavaRDD<PreparedItem> prepared) {
        List<HashMap<String, Integer>> parts = prepared.mapPartitions((Iterator<PreparedItem> it) -> {
            HashMap<String, Integer> counts = new HashMap<>();
            while (it.hasNext()) {
                for (String g : CaptionStatistics.referenceNgrams(it.next())) {
                    counts.merge(g, 1, Integer::sum);
                }
            }
            return List.of(counts).iterator();
        }).collect();
        HashMap<String, Integer> df = parts.isEmpty() ? new HashMap<>() : parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            parts.get(p).forEach((g, c) -> df.merge(g, c, Integer::sum));
        }
        return df;
    }

    /** CE over every definition: labels on executors, confusion counts summed per partition, then in order. */
    static Map<Definition, ClinicalEfficacy.Result> clinical(JavaRDD<CaptionItem> items) {
        List<List<ClinicalEfficacy.Tally>> parts = items.mapPartitions((Iterator<CaptionItem> it) -> {
            FindingsLabeler labeler = FindingsLabeler.standard();
            List<ClinicalEfficacy.Tally> tallies = new ArrayList<>();
            for (Definition d : Definition.values()) {
                tallies.add(new ClinicalEfficacy.Tally(d));
            }
            while (it.hasNext()) {
                CaptionItem item = it.next();
                ReportLabels gen = labeler.label(item.hyp());
                ReportLabels ref = labeler.label(item.refs().get(0));
                tallies.forEach(t -> t.add(gen, ref));
            }
            return List.of(tallies).iterator();
        }).collect();
        Map<Definition, ClinicalEfficacy.Result> out = new EnumMap<>(Definition.class);
        for (Definition d : Definition.values()) {
            ClinicalEfficacy.Tally total = new ClinicalEfficacy.Tally(d);
            for (List<ClinicalEfficacy.Tally> p : parts) {
                total.merge(p.get(d.ordinal()));
            }
            out.put(d, total.result());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Each item prepared as in its corpus; COCO items see the next item, across partition borders too. */
    static JavaRDD<PreparedItem> prepare(JavaSparkContext sc, JavaRDD<CaptionItem> items, Profile profile,
            R2GenPreparation.Dataset r2genData) {
        Broadcast<Map<Integer, CaptionItem>> firsts = sc.broadcast(profile == Profile.COCO ? firsts(items) : Map.of());
        return items.mapPartitionsWithIndex((Integer part, Iterator<CaptionItem> it) -> {
            R2GenPreparation r2gen = R2GenPreparation.of(r2genData == null ? R2GenPreparation.Dataset.IU : r2genData);
            CaptionItem after = nextFirst(firsts.value(), part);
            return new Iterator<PreparedItem>() {
                CaptionItem current = it.hasNext() ? it.next() : null;

                @Override
                public boolean hasNext() {
                    return current != null;
                }

                @Override
                public PreparedItem next() {
                    CaptionItem following = it.hasNext() ? it.next() : null;
                    CaptionItem next = following != null ? following : after;
                    PreparedItem p = CaptionStatistics.prepare(profile, r2gen, current.pair(),
                            next == null ? null : next.pair());
                    current = following;
                    return p;
                }
            };
        }, true);
    }

    /** The first item of each non-empty partition (a small job; only COCO needs it). */
    private static Map<Integer, CaptionItem> firsts(JavaRDD<CaptionItem> items) {
        Map<Integer, CaptionItem> out = new HashMap<>();
        items.mapPartitionsWithIndex((Integer part, Iterator<CaptionItem> it) -> it.hasNext()
                ? List.of(new Tuple2<>(part, it.next())).iterator()
                : Collections.<Tuple2<Integer, CaptionItem>>emptyIterator(), true)
                .collect().forEach(t -> out.put(t._1, t._2));
        return out;
    }

    /** The first item after partition {@code part}: the first item of the next non-empty partition. */
    private static CaptionItem nextFirst(Map<Integer, CaptionItem> firsts, int part) {
        CaptionItem best = null;
        int bestPart = Integer.MAX_VALUE;
        for (Map.Entry<Integer, CaptionItem> e : firsts.entrySet()) {
            if (e.getKey() > part && e.getKey() < bestPart) {
                best = e.getValue();
                bestPart = e.getKey();
            }
        }
        return best;
    }
}
