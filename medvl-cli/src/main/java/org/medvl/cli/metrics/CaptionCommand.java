package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.JsonLines;
import org.medvl.metrics.caption.CaptionEvaluator;
import org.medvl.metrics.caption.CaptionInputs;
import org.medvl.metrics.caption.CaptionMetric;
import org.medvl.metrics.caption.CaptionScores;
import org.medvl.metrics.caption.Meteor;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.caption.R2GenPreparation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl metrics caption}: BLEU-1..4, METEOR, ROUGE-L and CIDEr-D of generated reports or captions, computed as
 * pycocoevalcap (coco, plain) or R2Gen (r2gen) compute them. Corpus scores go to stdout as JSON.
 */
@Command(name = "caption", mixinStandardHelpOptions = true,
        description = "Score generated captions/reports: BLEU-1..4, METEOR, ROUGE-L, CIDEr-D (coco, r2gen, plain profiles).",
        footer = {"", "Examples:",
                "  medvl metrics caption --pairs preds.jsonl --profile coco --per-item scores.jsonl",
                "  medvl metrics caption --refs refs.txt --hyps hyps.txt --metrics BLEU,ROUGE-L",
                "  medvl metrics caption --pairs preds.jsonl --profile r2gen --vocab-from train.txt --max-length 60"})
public final class CaptionCommand implements Callable<Integer> {
    static final class Inputs {
        @Option(names = "--pairs", paramLabel = "FILE.jsonl", required = true,
                description = "One JSON object a line: {\"refs\": [strings], \"hyp\": string} (optional \"id\").")
        Path pairs;

        @ArgGroup(exclusive = false)
        Split split;
    }

    static final class Split {
        @Option(names = "--refs", paramLabel = "FILE", required = true,
                description = "References: text (one a line) or JSONL with \"id\" and \"refs\"/\"ref\"/\"text\".")
        Path refs;

        @Option(names = "--hyps", paramLabel = "FILE", required = true,
                description = "Hypotheses: text (one a line) or JSONL with \"id\" and \"hyp\"/\"text\".")
        Path hyps;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    @Option(names = "--profile", defaultValue = "coco", paramLabel = "NAME",
            description = "coco (PTB + all five), r2gen (R2Gen cleaning; BLEU, METEOR, ROUGE-L) or plain (text as "
                    + "given). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--metrics", paramLabel = "LIST",
            description = "Comma-separated subset of BLEU-1..BLEU-4 (or BLEU), METEOR, ROUGE-L, CIDEr-D. Default: "
                    + "the profile's set.")
    String metrics;

    @Option(names = "--per-item", paramLabel = "OUT.jsonl", description = "Write each item's scores, in input order.")
    Path perItem;

    @Option(names = "--force", description = "Replace an existing --per-item file.")
    boolean force;

    @Option(names = "--paraphrases", paramLabel = "FILE",
            description = "METEOR paraphrase table (METEOR's paraphrase-en.gz format, or 'a ||| b' lines); without it "
                    + "the paraphrase stage does not run.")
    Path paraphrases;

    @Option(names = "--function-words", paramLabel = "FILE",
            description = "METEOR function-word list, one a line (default: medvl's built-in English list).")
    Path functionWords;

    @Option(names = "--no-synonyms", description = "Skip METEOR's WordNet synonym stage.")
    boolean noSynonyms;

    @Option(names = "--r2gen-dataset", defaultValue = "iu", paramLabel = "iu|mimic",
            description = "r2gen: which R2Gen cleaning (default: ${DEFAULT-VALUE}).")
    String r2genDataset;

    @Option(names = "--vocab-from", paramLabel = "FILE",
            description = "r2gen: training reports (one a line) to build the vocabulary; rarer reference words become "
                    + "<unk>.")
    Path vocabFrom;

    @Option(names = "--vocab-threshold", paramLabel = "N",
            description = "r2gen: minimum training count to stay in the vocabulary (default: 3 for iu, 10 for mimic).")
    Integer vocabThreshold;

    @Option(names = "--max-length", paramLabel = "N", defaultValue = "0",
            description = "r2gen: cut references to N-1 words, as R2Gen's max_seq_length N (counting BOS) does; R2Gen "
                    + "used 60 (iu) and 100 (mimic). Default 0: no cut.")
    int maxLength;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Profile p = Profile.parse(profile);
        Set<String> wanted = metrics == null ? Set.of() : CaptionMetric.parseList(metrics);
        if (p != Profile.R2GEN && (vocabFrom != null || vocabThreshold != null || maxLength != 0)) {
            throw new MedvlException("--vocab-from, --vocab-threshold and --max-length apply to --profile r2gen only");
        }
        if (perItem != null && Files.exists(perItem) && !force) {
            throw new MedvlException(perItem + " already exists; pass --force to replace it");
        }
        CaptionInputs.Items items = inputs.pairs != null ? CaptionInputs.pairs(inputs.pairs)
                : CaptionInputs.aligned(inputs.split.refs, inputs.split.hyps);
        CaptionEvaluator evaluator = new CaptionEvaluator(meteor(), r2gen());
        CaptionScores scores = evaluator.evaluate(items.refs(), items.hyps(), p, wanted);

        ObjectNode json = JsonLines.MAPPER.createObjectNode();
        json.put("profile", p.id());
        json.put("items", items.hyps().size());
        scores.corpus().forEach(json::put);
        ArrayNode notes = json.putArray("notes");
        scores.notes().forEach(notes::add);
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        if (perItem != null) {
            writePerItem(items, scores.items());
            spec.commandLine().getErr().println("per-item scores: " + perItem.toAbsolutePath());
        }
        return 0;
    }

    private void writePerItem(CaptionInputs.Items items, List<Map<String, Double>> rows) {
        AtomicFiles.writeText(perItem, w -> {
            for (int i = 0; i < rows.size(); i++) {
                ObjectNode row = JsonLines.MAPPER.createObjectNode();
                row.put("index", i);
                if (!items.ids().isEmpty()) {
                    row.put("id", items.ids().get(i));
                }
                rows.get(i).forEach(row::put);
                w.write(JsonLines.MAPPER.writeValueAsString(row));
                w.write('\n');
            }
        });
    }

    private Meteor meteor() {
        Meteor m = Meteor.standard();
        if (noSynonyms) {
            m = m.withoutSynonyms();
        }
        if (paraphrases != null) {
            m = m.withParaphrases(paraphrases);
        }
        if (functionWords != null) {
            m = m.withFunctionWords(functionWords);
        }
        return m;
    }

    private R2GenPreparation r2gen() {
        R2GenPreparation.Dataset ds = switch (r2genDataset.toLowerCase(java.util.Locale.ROOT)) {
            case "iu" -> R2GenPreparation.Dataset.IU;
            case "mimic" -> R2GenPreparation.Dataset.MIMIC;
            default -> throw new MedvlException("--r2gen-dataset must be iu or mimic, got '" + r2genDataset + "'");
        };
        R2GenPreparation prep = R2GenPreparation.of(ds);
        if (vocabFrom != null) {
            List<String> training = new ArrayList<>(CaptionInputs.textLines(vocabFrom));
            prep = prep.withVocabulary(training, vocabThreshold != null ? vocabThreshold : ds.threshold);
        } else if (vocabThreshold != null) {
            throw new MedvlException("--vocab-threshold needs --vocab-from (the training reports)");
        }
        return maxLength != 0 ? prep.withMaxLength(maxLength) : prep;
    }
}
