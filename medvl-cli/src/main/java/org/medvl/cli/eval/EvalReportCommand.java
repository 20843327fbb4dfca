package org.medvl.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.data.DatasetRegistry;
import org.medvl.data.DatasetSpec;
import org.medvl.data.Datasets;
import org.medvl.data.RecordKind;
import org.medvl.eval.AnswerCache;
import org.medvl.eval.report.ReportComparison;
import org.medvl.eval.report.ReportScoreTable;
import org.medvl.eval.reportgen.ReportEvaluation;
import org.medvl.eval.reportgen.ReportStudies;
import org.medvl.metrics.caption.Profile;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl eval report}: report models and baselines on one split, side by side: caption metrics under each
 * profile, clinical efficacy for chest X-ray data, per-item outputs and an HTML page with examples.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report generation: models and baselines side by side (BLEU-1..4, METEOR, ROUGE-L, CIDEr-D per "
                + "profile; CE for chest X-ray), per-item JSONL and an HTML report.",
        footer = {"", "Image-caption datasets give one study per image (reference: the caption); report datasets give"
                + " one study per case or exam with all its images (reference: the findings).",
                "Generated reports are cached in --out (cache-MODEL.jsonl): a rerun after a kill continues.", "",
                "Examples:",
                "  medvl eval report --baseline constant --baseline retrieval --clip runs/clip/model "
                        + "--train medpix-2.0:data/medpix-2.0#train --dataset medpix-2.0:data/medpix-2.0#dev --out ev",
                "  medvl eval report --model runs/report/model --baseline constant "
                        + "--train iu-xray:data/iu_xray#train --dataset iu-xray:data/iu_xray#test --out ev-iu"})
public final class EvalReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "A saved report model directory; repeatable.")
    List<Path> models = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "constant (most common training report) or retrieval (report of the nearest training "
                    + "study by image embedding); repeatable.")
    List<String> baselines = new ArrayList<>();

    @Option(names = "--clip", paramLabel = "DIR|thumbnail",
            description = "Embedder of the retrieval baseline: a CLIP checkpoint directory, or 'thumbnail' "
                    + "('thumbnail-N') for the model-free pixel embedding.")
    String clip;

    @Option(names = "--train", paramLabel = "NAME:PATH#split", description = "Training split the baselines are built "
            + "from (required with --baseline).")
    String train;

    @Option(names = "--dataset", required = true, paramLabel = "NAME:PATH#split", description = "Split to evaluate on.")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: results.json, predictions-MODEL.jsonl, report.html, answer caches.")
    Path out;

    @Option(names = "--force", description = "Replace the results of an earlier run in --out (caches are reused).")
    boolean force;

    @Option(names = "--profile", split = ",", defaultValue = "coco,r2gen", paramLabel = "NAME",
            description = "Caption-metric profiles: coco, r2gen, plain (default: ${DEFAULT-VALUE}).")
    List<String> profiles;

    @Option(names = "--ce", defaultValue = "auto", paramLabel = "on|off|auto",
            description = "Clinical efficacy from the findings labeler; auto = when the dataset's registry modality "
                    + "is chest X-ray (default: ${DEFAULT-VALUE}).")
    String ce;

    @Option(names = "--unit", defaultValue = "auto", paramLabel = "image|study|auto",
            description = "image: one study per image-caption pair; study: all images of a study with one report "
                    + "section; auto: pairs when the dataset has them (default: ${DEFAULT-VALUE}).")
    String unit;

    @Option(names = "--section", defaultValue = "findings", paramLabel = "NAME",
            description = "Studies: findings, impression or findings+impression as reference (default: "
                    + "${DEFAULT-VALUE}).")
    String section;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Evaluate only the first N studies (0: all).")
    int limit;

    @Option(names = "--examples", defaultValue = "5", paramLabel = "N",
            description = "Examples with thumbnails in report.html (default: ${DEFAULT-VALUE}).")
    int examples;

    @Override
    public Integer call() {
        if (models.isEmpty() && baselines.isEmpty()) {
            throw new MedvlException("nothing to evaluate: give --model DIR and/or --baseline constant|retrieval");
        }
        if (!baselines.isEmpty() && train == null) {
            throw new MedvlException("--baseline needs --train NAME:PATH#split (the split the baselines learn from)");
        }
        for (String b : baselines) {
            if (!ReportBaselines.NAMES.contains(b)) {
                throw new MedvlException("--baseline " + b + ": unknown baseline; known: "
                        + String.join(", ", ReportBaselines.NAMES));
            }
        }
        List<Profile> ps = parseProfiles();
        boolean clinical = clinical(DatasetSpec.parse(dataset));
        if (Files.exists(out.resolve("results.json")) && !force) {
            throw new MedvlException(out.resolve("results.json") + " exists; pass --force to replace the results "
                    + "(cached reports are reused)");
        }
        ReportStudies.Loaded eval = ReportStudies.load(Datasets.open(dataset), dataset, unit, section, limit);
        describe("evaluating on", dataset, eval);
        List<ReportEvaluation.Study> trainStudies = List.of();
        if (!baselines.isEmpty()) {
            ReportStudies.Loaded t = ReportStudies.load(Datasets.open(train), train, unit, section, 0);
            describe("baselines built from", train, t);
            if (t.kind() != eval.kind()) {
                out().println("note: the training split holds " + kindName(t.kind())
                        + " but the evaluation split " + kindName(eval.kind()));
            }
            trainStudies = t.studies();
        }
        List<ReportEvaluation.Result> results = new ArrayList<>();
        for (String b : baselines) {
            try (ReportWriter w = ReportBaselines.open(b, clip, trainStudies, out())) {
                results.add(evaluate(w, ReportBaselines.provenance(b, clip, train), eval.studies(), ps, clinical));
            }
        }
        for (Path m : models) {
            try (ReportWriter w = MedvlModels.openReportWriter(m)) {
                results.add(evaluate(w, "model=" + m.toAbsolutePath().normalize(), eval.studies(), ps, clinical));
            }
        }
        ReportComparison.write(dataset, results, out, examples);
        out().println();
        out().print(ReportScoreTable.of(results).markdown());
        out().println();
        int failures = 0;
        for (ReportEvaluation.Result r : results) {
            failures += r.failures().size();
            out().printf(Locale.ROOT, "%s: %d studies, %d written, %d from cache, %d failed, %.1f s (%.2f "
                            + "reports/s)%n", r.model(), r.items().size(), r.written(), r.fromCache(),
                    r.failures().size(), r.seconds(), r.items().size() / Math.max(1e-9, r.seconds()));
            r.failures().entrySet().stream().limit(3).forEach(e ->
                    out().println("  failed " + e.getKey() + ": " + e.getValue()));
        }
        out().println("results: " + out.resolve("results.json") + "  report: " + out.resolve("report.html"));
        return failures == 0 ? 0 : 3;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private ReportEvaluation.Result evaluate(ReportWriter w, String provenance, List<ReportEvaluation.Study> studies,
                                             List<Profile> ps, boolean clinical) {
        try (AnswerCache cache = AnswerCache.open(out.resolve("cache-" + ReportComparison.predictionsFile(w.name())
                .substring("predictions-".length())))) {
            return ReportEvaluation.run(w, provenance, studies, cache, ps, clinical);
        }
    }

    private List<Profile> parseProfiles() {
        List<Profile> ps = new ArrayList<>();
        for (String p : profiles) {
            try {
                ps.add(Profile.parse(p.trim()));
            } catch (IllegalArgumentException e) {
                throw new MedvlException("--profile: " + e.getMessage());
            }
        }
        return ps;
    }

    /** --ce auto decides from the registry's modality, so CE is never computed on data the labeler was not made for. */
    private boolean clinical(DatasetSpec spec) {
        return switch (ce.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            case "auto" -> DatasetRegistry.require(spec.name()).modality() != null
                    && DatasetRegistry.require(spec.name()).modality().toLowerCase(Locale.ROOT).contains("chest x-ray");
            default -> throw new MedvlException("--ce " + ce + ": expected on, off or auto");
        };
    }

    private void describe(String what, String spec, ReportStudies.Loaded l) {
        StringBuilder sb = new StringBuilder(what + " " + spec + ": " + l.studies().size() + " " + kindName(l.kind()));
        if (l.withoutText() > 0 || l.withoutImages() > 0) {
            sb.append(" (left out: ").append(l.withoutText()).append(" without findings text, ")
                    .append(l.withoutImages()).append(" without images)");
        }
        out().println(sb);
    }

    private static String kindName(RecordKind k) {
        return k == RecordKind.PAIR ? "image-caption pairs" : "studies";
    }
}
