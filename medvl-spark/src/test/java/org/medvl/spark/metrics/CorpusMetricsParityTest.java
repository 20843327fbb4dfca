package org.medvl.spark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medvl.core.io.SharedData;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.caption.R2GenPreparation;
import org.medvl.spark.LocalSpark;
import org.medvl.spark.bench.GeneratedReports;
import org.medvl.spark.bench.SingleProcessMetrics;

/** Corpus metrics from Spark local[2] equal medvl-metrics' single-process results to 1e-12. */
class CorpusMetricsParityTest {
    static final double TOLERANCE = 1e-12;

    @Test
    void metricParityDataEveryProfile() throws Exception {
        Optional<Path> dir = SharedData.dataset("metric-parity");
        Assumptions.assumeTrue(dir.isPresent(), SharedData.missingMessage("metric-parity"));
        List<List<String>> refs = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        for (String line : Files.readAllLines(dir.get().resolve("iu-test-pairs.jsonl"))) {
            JsonNode o = om.readTree(line);
            List<String> r = new ArrayList<>();
            o.get("refs").forEach(x -> r.add(x.asText()));
            refs.add(r);
            hyps.add(o.get("hyp").asText());
        }
        JsonNode summary = om.readTree(dir.get().resolve("iu-test-summary.json").toFile());
        for (Profile p : Profile.values()) {
            // 7 uneven slices: items at partition borders need the next partition's first item (COCO)
            CorpusMetrics.Result spark = CorpusMetrics.compute(CaptionItems.of(LocalSpark.get(), refs, hyps, 7), p,
                    R2GenPreparation.Dataset.IU, true);
            CorpusMetrics.Result single = SingleProcessMetrics.compute(refs, hyps, p, true);
            double d = SingleProcessMetrics.maxDifference(single, spark);
            assertTrue(d <= TOLERANCE, p.id() + ": max difference " + d + "\nspark " + spark + "\nsingle " + single);
            assertEquals(590, spark.items());
            if (summary.has(p.id())) { // and both equal pycocoevalcap's published numbers
                summary.get(p.id()).fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(),
                        spark.caption().get(e.getKey()), 1e-9, p.id() + " " + e.getKey()));
            }
        }
    }

    /**
     * 20,000 pairs in the suite (200,000 took 375 s on the shared 2-core machine, most of it the single-process
     * reference); {@code medvl-spark bench --parity-items 200000} runs the full-size check, or set
     * -Dmedvl.spark.parityItems=200000 here.
     */
    @Test
    void generatedPairsEveryProfile() {
        int n = Integer.getInteger("medvl.spark.parityItems", 20_000);
        GeneratedReports.Corpus c = GeneratedReports.generate(n, 7);
        for (Profile p : Profile.values()) {
            boolean ce = p == Profile.COCO; // CE does not depend on the profile: once is enough
            CorpusMetrics.Result spark = CorpusMetrics.compute(CaptionItems.of(LocalSpark.get(), c.refs(), c.hyps(),
                    5), p, R2GenPreparation.Dataset.IU, ce);
            CorpusMetrics.Result single = SingleProcessMetrics.compute(c.refs(), c.hyps(), p, ce);
            double d = SingleProcessMetrics.maxDifference(single, spark);
            assertTrue(d <= TOLERANCE, p.id() + ": max difference " + d + "\nspark " + spark + "\nsingle " + single);
            assertTrue(spark.caption().get("CIDEr-D") > 0.1 && spark.caption().get("BLEU-4") > 0.1,
                    "a corpus of similar texts scores well above zero: " + spark.caption());
        }
    }
}
