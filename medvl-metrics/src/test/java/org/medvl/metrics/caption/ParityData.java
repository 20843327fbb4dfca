package org.medvl.metrics.caption;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.medvl.core.io.JsonLines;
import org.medvl.core.io.SharedData;

/** The reference outputs of pycocoevalcap 1.2 in ../shared/data/metric-parity, loaded once per test class. */
final class ParityData {
    static final String DATASET = "metric-parity";

    final List<List<String>> refs = new ArrayList<>();
    final List<String> hyps = new ArrayList<>();
    final List<List<String>> refsPtb = new ArrayList<>();
    final List<String> hypsPtb = new ArrayList<>();
    final List<JsonNode> scores = new ArrayList<>();
    final JsonNode summary;

    private ParityData(Path dir) throws IOException {
        JsonLines.forEach(dir.resolve("iu-test-pairs.jsonl"), line -> {
            refs.add(strings(line.json().get("refs")));
            hyps.add(line.json().get("hyp").asText());
            refsPtb.add(strings(line.json().get("refs_ptb")));
            hypsPtb.add(line.json().get("hyp_ptb").asText());
            scores.add(line.json().get("scores"));
        });
        summary = JsonLines.MAPPER.readTree(Files.readString(dir.resolve("iu-test-summary.json")));
    }

    /** The data, or a skipped test with the shared-data message when it is absent. */
    static ParityData load() throws IOException {
        Optional<Path> dir = SharedData.dataset(DATASET);
        Assumptions.assumeTrue(dir.isPresent(), SharedData.missingMessage(DATASET));
        return new ParityData(dir.get());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
