package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;
import org.medvl.metrics.vqa.VqaItem;
import org.medvl.metrics.vqa.VqaMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl metrics vqa}: closed accuracy, open exact match and token recall, overall, per type, MC, ProbMed pairs. */
@Command(name = "vqa", mixinStandardHelpOptions = true,
        description = "VQA scores: closed accuracy, open exact match + token recall, overall, per question type, "
                + "multiple choice, ProbMed pairs.",
        footer = {"", "Input: JSON Lines, one answer a line: {\"id\", \"answer\", \"prediction\" (or \"pred\"), "
                + "\"answer_type\": \"closed\"|\"open\" (\"yes/no\" counts as closed; when absent, yes/no answers are "
                + "closed), optional \"question_type\", \"options\": [..] (multiple choice), \"pair_id\" (ProbMed)}.",
                "", "Example:", "  medvl metrics vqa --in predictions.jsonl --out vqa.json"})
public final class VqaCommand implements Callable<Integer> {
    @Mixin
    ResultOutput output;

    private static final Set<String> CLOSED_TYPES = Set.of("closed", "yes/no", "yesno", "yes_no", "close");

    @Option(names = "--in", required = true, paramLabel = "FILE.jsonl", description = "Answers to score.")
    Path in;

    @Override
    public Integer call() {
        output.checkWritable();
        List<VqaItem> items = read(in);
        if (items.isEmpty()) {
            throw new MedvlException(in + ": no answers");
        }
        VqaMetrics.Result r = VqaMetrics.evaluate(items);
        output.console().printf("VQA scores on %,d answers%n%n| score | value | n |%n|---|---:|---:|%n", items.size());
        row("overall accuracy", r.overall());
        row("closed accuracy", r.closedAccuracy());
        row("open exact match", r.openExactMatch());
        row("open token recall", r.openTokenRecall());
        row("multiple-choice accuracy", r.multipleChoiceAccuracy());
        row("ProbMed pair accuracy", r.adversarialPairAccuracy());
        ObjectNode json = JsonLines.MAPPER.createObjectNode();
        json.set("overall", score(r.overall()));
        json.set("closed_accuracy", score(r.closedAccuracy()));
        json.set("open_exact_match", score(r.openExactMatch()));
        json.set("open_token_recall", score(r.openTokenRecall()));
        json.set("multiple_choice_accuracy", score(r.multipleChoiceAccuracy()));
        json.set("probmed_pair_accuracy", score(r.adversarialPairAccuracy()));
        ObjectNode types = json.putObject("per_question_type");
        output.console().printf("%n| question type | accuracy | n |%n|---|---:|---:|%n");
        r.perQuestionType().forEach((type, s) -> {
            output.console().printf("| %s | %.4f | %d |%n", type, s.accuracy().value(), s.accuracy().n());
            ObjectNode t = types.putObject(type);
            t.set("accuracy", score(s.accuracy()));
            t.set("closed_accuracy", score(s.closedAccuracy()));
            t.set("open_exact_match", score(s.openExactMatch()));
            t.set("open_token_recall", score(s.openTokenRecall()));
        });
        output.write(json);
        return 0;
    }

    static List<VqaItem> read(Path file) {
        List<VqaItem> items = new ArrayList<>();
        JsonLines.forEach(file, line -> {
            String answer = line.text("answer");
            JsonNode p = line.json().has("prediction") ? line.json().get("prediction") : line.json().get("pred");
            if (p == null || p.isNull()) {
                throw MedvlException.at(file, line.number(), "missing field \"prediction\" (or \"pred\")");
            }
            JsonNode type = line.json().get("answer_type");
            boolean closed = type == null || type.isNull()
                    ? Set.of("yes", "no").contains(VqaMetrics.normalize(answer))
                    : CLOSED_TYPES.contains(type.asText().trim().toLowerCase(Locale.ROOT));
            List<String> options = new ArrayList<>();
            JsonNode opts = line.json().get("options");
            if (opts != null && !opts.isNull()) {
                if (!opts.isArray()) {
                    throw MedvlException.at(file, line.number(), "field \"options\" must be an array of strings");
                }
                opts.forEach(o -> options.add(o.asText()));
            }
            items.add(new VqaItem(text(line.json(), "id", String.valueOf(line.number())),
                    text(line.json(), "question_type", null), closed, answer, p.asText(), options,
                    text(line.json(), "pair_id", null)));
        });
        return items;
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private void row(String name, VqaMetrics.Score s) {
        output.console().printf("| %s | %s | %d |%n", name, s.n() == 0 ? "-" : String.format("%.4f", s.value()), s.n());
    }

    private static ObjectNode score(VqaMetrics.Score s) {
        ObjectNode o = JsonLines.MAPPER.createObjectNode();
        o.put("value", s.value());
        o.put("n", s.n());
        return o;
    }
}
