package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** BLEU-1..4, ROUGE-L and CIDEr-D equal pycocoevalcap 1.2's per-item and corpus scores within 1e-9. */
class ParityScoresTest {
    private static final double TOLERANCE = 1e-9;
    private static final List<String> CHECKED = List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L", "CIDEr-D");
    private static ParityData data;

    @BeforeAll
    static void load() throws IOException {
        data = ParityData.load();
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"PLAIN", "COCO"})
    void matchesReferenceScores(Profile profile) {
        CaptionScores s = new CaptionEvaluator().evaluate(data.refs, data.hyps, profile, Set.copyOf(CHECKED));
        assertEquals(data.refs.size(), s.items().size());
        for (int i = 0; i < s.items().size(); i++) {
            JsonNode expected = data.scores.get(i).get(profile.id());
            Map<String, Double> got = s.items().get(i);
            for (String m : CHECKED) {
                assertEquals(expected.get(m).asDouble(), got.get(m), TOLERANCE,
                        profile.id() + " item " + i + " " + m);
            }
        }
        JsonNode corpus = data.summary.get(profile.id());
        for (String m : CHECKED) {
            assertEquals(corpus.get(m).asDouble(), s.corpus().get(m), TOLERANCE, profile.id() + " corpus " + m);
        }
    }
}
