package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Streaming in small chunks gives the in-memory scores (and so the reference's). */
class StreamingEvaluationTest {
    private static final Set<String> FAST = Set.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L", "CIDEr-D");

    @Test
    void chunkedStreamEqualsInMemory() throws IOException {
        ParityData data = ParityData.load();
        List<CaptionPair> pairs = new ArrayList<>();
        for (int i = 0; i < data.hyps.size(); i++) {
            pairs.add(new CaptionPair(data.refs.get(i), data.hyps.get(i)));
        }
        Supplier<Iterator<CaptionPair>> source = pairs::iterator;
        CaptionEvaluator evaluator = new CaptionEvaluator();
        CaptionScores whole = evaluator.evaluate(data.refs, data.hyps, Profile.COCO, FAST);
        List<Map<String, Double>> streamedItems = new ArrayList<>();
        CaptionScores streamed = evaluator.evaluateStream(source, Profile.COCO, FAST, 37,
                (index, scores) -> {
                    assertEquals(streamedItems.size(), index);
                    streamedItems.add(scores);
                });
        assertEquals(whole.items().size(), streamedItems.size());
        for (int i = 0; i < streamedItems.size(); i++) {
            for (String m : FAST) {
                assertEquals(whole.items().get(i).get(m), streamedItems.get(i).get(m), 1e-12, "item " + i + " " + m);
            }
        }
        for (String m : FAST) {
            assertEquals(whole.corpus().get(m), streamed.corpus().get(m), 1e-12, m);
            assertEquals(data.summary.get("coco").get(m).asDouble(), streamed.corpus().get(m), 1e-9, m);
        }
    }
}
