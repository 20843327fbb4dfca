package org.medvl.metrics.labeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Report sentences with the labels a radiologist would give them (sentence-cases.tsv), one dynamic test each. */
class SentenceCasesTest {
    private static final FindingsLabeler LABELER = FindingsLabeler.standard();

    record Case(int line, String sentence, Map<Observation, FindingState> expected) {
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        var in = SentenceCasesTest.class.getResourceAsStream("sentence-cases.tsv");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                Map<Observation, FindingState> exp = new EnumMap<>(Observation.class);
                if (!cols[1].trim().equals("-")) {
                    for (String part : cols[1].split(";")) {
                        String[] kv = part.trim().split("=");
                        exp.put(Observation.parse(kv[0]), switch (kv[1].trim()) {
                            case "P" -> FindingState.POSITIVE;
                            case "N" -> FindingState.NEGATIVE;
                            case "U" -> FindingState.UNCERTAIN;
                            default -> throw new IllegalArgumentException("line " + n + ": bad state " + kv[1]);
                        });
                    }
                }
                out.add(new Case(n, cols[0], exp));
            }
        }
        return out;
    }

    @Test
    void atLeast150CasesCoveringNegationAndUncertainty() throws IOException {
        List<Case> all = cases();
        assertTrue(all.size() >= 150, "only " + all.size() + " cases");
        long negative = all.stream().filter(c -> c.expected().containsValue(FindingState.NEGATIVE)).count();
        long uncertain = all.stream().filter(c -> c.expected().containsValue(FindingState.UNCERTAIN)).count();
        assertTrue(negative >= 50 && uncertain >= 30, negative + " negative, " + uncertain + " uncertain cases");
    }

    @TestFactory
    Stream<DynamicTest> sentences() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + ": " + c.sentence(), () -> {
            ReportLabels got = LABELER.label(c.sentence());
            for (Observation o : Observation.all()) {
                if (o == Observation.NO_FINDING) {
                    continue;
                }
                FindingState want = c.expected().getOrDefault(o, FindingState.NOT_MENTIONED);
                assertEquals(want, got.get(o), () -> o + " in \"" + c.sentence() + "\"; got " + got + "; mentions "
                        + LABELER.explain(c.sentence()));
            }
        }));
    }
}
