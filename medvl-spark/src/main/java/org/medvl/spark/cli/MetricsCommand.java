package org.medvl.spark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.caption.R2GenPreparation;
import org.medvl.metrics.classification.Prf;
import org.medvl.metrics.clinical.ClinicalEfficacy;
import org.medvl.spark.metrics.CaptionItem;
import org.medvl.spark.metrics.CaptionItems;
import org.medvl.spark.metrics.CorpusMetrics;
import org.medvl.spark.session.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Corpus BLEU-1..4, ROUGE-L, CIDEr-D and clinical efficacy (CE) of generated texts, computed on "
                + "Spark; equal to `medvl metrics caption` / `metrics clinical` on the same items. JSON on stdout.")
public final class MetricsCommand implements Callable<Integer> {
    @Option(names = "--pairs", required = true, paramLabel = "PATH",
            description = "JSON Lines {\"refs\": [...], \"hyp\": \"...\", \"id\": ...} or Parquet (refs, hyp)")
    String pairs;

    @Option(names = "--profile", defaultValue = "coco", paramLabel = "NAME",
            description = "text preparation: coco (PTB tokenization), plain, r2gen (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--r2gen-dataset", defaultValue = "iu", paramLabel = "iu|mimic",
            description = "which R2Gen cleaning the r2gen profile uses (default: ${DEFAULT-VALUE})")
    String r2genDataset;

    @Option(names = "--no-ce", description = "skip clinical efficacy (labels each hypothesis and first reference)")
    boolean noCe;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the JSON here")
    Path out;

    @Option(names = "--force", description = "replace an existing --out file")
    boolean force;

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        Profile p = Profile.parse(profile);
        R2GenPreparation.Dataset data = switch (r2genDataset.toLowerCase(Locale.ROOT)) {
            case "iu" -> R2GenPreparation.Dataset.IU;
            case "mimic" -> R2GenPreparation.Dataset.MIMIC;
            default -> throw new MedvlException("--r2gen-dataset must be iu or mimic, got \"" + r2genDataset + "\"");
        };
        if (out != null && Files.exists(out) && !force) {
            throw new MedvlException("output " + out + " already exists (use --force to replace it)");
        }
        SparkSession session = SparkSessions.start("medvl-spark metrics", spark.master);
        try {
            JavaRDD<CaptionItem> items = CaptionItems.read(session, pairs);
            if (spark.partitions > 0) {
                items = items.coalesce(spark.partitions, false); // keeps corpus order, unlike a shuffle
            }
            CorpusMetrics.Result r = CorpusMetrics.compute(items, p, data, !noCe);
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(p, r));
            System.out.println(json);
            if (out != null) {
                AtomicFiles.writeString(out, json + "\n");
            }
            return 0;
        } finally {
            session.stop();
        }
    }

    static ObjectNode toJson(Profile p, CorpusMetrics.Result r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("profile", p.id()).put("items", r.items());
        r.caption().forEach(o::put);
        if (!r.clinical().isEmpty()) {
            ObjectNode ce = o.putObject("CE");
            for (Map.Entry<ClinicalEfficacy.Definition, ClinicalEfficacy.Result> e : r.clinical().entrySet()) {
                ObjectNode d = ce.putObject(e.getKey().id());
                prf(d.putObject("micro"), e.getValue().micro());
                prf(d.putObject("macro"), e.getValue().macro());
                if (e.getValue().examples() != null) {
                    prf(d.putObject("examples"), e.getValue().examples());
                }
            }
        }
        return o;
    }

    private static void prf(ObjectNode o, Prf p) {
        o.put("precision", p.precision()).put("recall", p.recall()).put("f1", p.f1());
    }
}
