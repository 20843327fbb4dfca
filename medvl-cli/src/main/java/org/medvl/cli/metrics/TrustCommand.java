package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;
import org.medvl.metrics.trust.TrustMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl metrics trust}: the CARES trustworthiness scores from judged answers. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Trust scores (CARES): uncertainty accuracy, over-confidence, fairness gap, refusal rates, "
                + "accuracy drop under corruption.",
        footer = {"", "Input: JSON Lines, one judged answer a line. Every field is optional; each score is computed "
                + "from the lines that carry its fields:",
                "  \"correct\": bool                      accuracy; with \"confident\": bool -> uncertainty scores",
                "  \"group\": \"F\"                        accuracy per group and the accuracy equality difference",
                "  \"condition\": \"clean\"|\"noise\"|...     accuracy per condition and its drop from \"clean\"",
                "  \"prompt_kind\": \"jailbreak\"|\"benign\"|\"privacy\"|\"ood\" with \"refused\": bool or \"response\": "
                        + "text -> refusal rate per kind (refusals detected by keywords when only the text is given)",
                "", "Example:", "  medvl metrics trust --in judged.jsonl --out trust.json"})
public final class TrustCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "FILE.jsonl", description = "Judged answers.")
    Path in;

    @Mixin
    ResultOutput output;

    @Override
    public Integer call() {
        output.checkWritable();
        List<Boolean> correct = new ArrayList<>();
        List<TrustMetrics.Judged> judged = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Boolean> groupCorrect = new ArrayList<>();
        Map<String, List<Boolean>> byCondition = new LinkedHashMap<>();
        Map<String, List<Boolean>> refusals = new LinkedHashMap<>();
        JsonLines.forEach(in, line -> {
            Boolean ok = bool(line, "correct");
            if (ok != null) {
                correct.add(ok);
                Boolean confident = bool(line, "confident");
                if (confident != null) {
                    judged.add(new TrustMetrics.Judged(ok, confident));
                }
                String group = text(line.json(), "group");
                if (group != null) {
                    groups.add(group);
                    groupCorrect.add(ok);
                }
                String condition = text(line.json(), "condition");
                if (condition != null) {
                    byCondition.computeIfAbsent(condition, k -> new ArrayList<>()).add(ok);
                }
            }
            String kind = text(line.json(), "prompt_kind");
            if (kind != null) {
                Boolean refused = bool(line, "refused");
                String response = text(line.json(), "response");
                if (refused == null && response == null) {
                    throw MedvlException.at(in, line.number(), "\"prompt_kind\" needs \"refused\" or \"response\"");
                }
                refusals.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(refused != null ? refused : TrustMetrics.looksLikeRefusal(response));
            }
        });
        if (correct.isEmpty() && refusals.isEmpty()) {
            throw new MedvlException(in + ": no line has \"correct\" or \"prompt_kind\"");
        }
        var out = output.console();
        ObjectNode json = JsonLines.MAPPER.createObjectNode();
        out.printf("| score | value | n |%n|---|---:|---:|%n");
        row(json, "accuracy", TrustMetrics.rate(correct), correct.size());
        if (!judged.isEmpty()) {
            row(json, "uncertainty_accuracy", TrustMetrics.uncertaintyAccuracy(judged), judged.size());
            row(json, "over_confidence_rate", TrustMetrics.overConfidenceRate(judged),
                    (int) judged.stream().filter(j -> !j.correct()).count());
        }
        if (!groups.isEmpty()) {
            ObjectNode g = json.putObject("group_accuracy");
            TrustMetrics.groupAccuracy(groups, groupCorrect).forEach((k, v) -> {
                g.put(k, v);
                out.printf("| accuracy, group %s | %.4f | %d |%n", k, v, groups.stream().filter(k::equals).count());
            });
            row(json, "accuracy_equality_difference", TrustMetrics.accuracyEqualityDifference(groups, groupCorrect),
                    groups.size());
        }
        if (!byCondition.isEmpty()) {
            ObjectNode c = json.putObject("condition_accuracy");
            List<Boolean> clean = byCondition.get("clean");
            byCondition.forEach((k, v) -> {
                c.put(k, TrustMetrics.rate(v));
                out.printf("| accuracy, %s | %.4f | %d |%n", k, TrustMetrics.rate(v), v.size());
                if (clean != null && !k.equals("clean")) {
                    row(json, "accuracy_drop_" + k, TrustMetrics.accuracyDrop(clean, v), v.size());
                }
            });
        }
        refusals.forEach((k, v) -> row(json, "refusal_rate_" + k, TrustMetrics.rate(v), v.size()));
        output.write(json);
        return 0;
    }

    private void row(ObjectNode json, String name, double value, int n) {
        json.put(name, value);
        output.console().printf("| %s | %.4f | %d |%n", name.replace('_', ' '), value, n);
    }

    private Boolean bool(JsonLines.Line line, String field) {
        JsonNode v = line.json().get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw MedvlException.at(in, line.number(), "field \"" + field + "\" must be true or false");
        }
        return v.asBoolean();
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
