package org.medvl.eval.reportgen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medvl.core.MedvlException;
import org.medvl.core.io.Progress;
import org.medvl.eval.AnswerCache;
import org.medvl.metrics.caption.CaptionEvaluator;
import org.medvl.metrics.caption.CaptionMetric;
import org.medvl.metrics.caption.CaptionScores;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.clinical.ClinicalEfficacy;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.ReportWriter;

/**
 * Report generation by a local {@link ReportWriter} (a medvl model or a baseline) over a list of studies, through a
 * resumable {@link AnswerCache}, scored with the caption metrics under each profile and, when asked, with clinical
 * efficacy from the findings labeler. Studies are generated one after another on the calling thread (the models
 * compute on the engine's own threads; see InMemoryImages for why images are not decoded on other threads meanwhile).
 */
public final class ReportEvaluation {
    /** One study to write a report for: id, its images, the reference report. */
    public record Study(String id, List<Path> images, String reference) {
        public Study {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reference, "reference");
            images = List.copyOf(images);
        }
    }

    /** A study with the report a model wrote for it ("" when generation failed; see the failures). */
    public record Generated(String id, List<Path> images, String reference, String generated) {
    }

    /** One model's outputs and scores; {@code clinical} is empty when CE was not computed. */
    public record Result(String model, List<Generated> items, Map<Profile, CaptionScores> caption,
                         Map<ClinicalEfficacy.Definition, ClinicalEfficacy.Result> clinical,
                         Map<String, String> failures, int fromCache, int written, double seconds) {
    }

    private ReportEvaluation() {
    }

    /**
     * Writes a report for every study (cached ones are reused); a study whose generation throws is recorded in the
     * failures, scored as an empty report, and the run goes on.
     *
     * @param provenance what makes this writer's output differ from another of the same name (model directory,
     *                   training split, embedder), for the cache key
     */
    public static Result run(ReportWriter writer, String provenance, List<Study> studies, AnswerCache cache,
                             List<Profile> profiles, boolean clinical) {
        long t0 = System.nanoTime();
        List<Generated> items = new ArrayList<>(studies.size());
        Map<String, String> failures = new LinkedHashMap<>();
        int fromCache = 0;
        int written = 0;
        try (Progress progress = Progress.start("writing reports (" + writer.name() + ")", studies.size())) {
            for (Study s : studies) {
                String key = key(writer.name() + "\u0000" + provenance, s);
                var cached = cache.get(key);
                String text;
                if (cached.isPresent()) {
                    text = cached.get().text();
                    fromCache++;
                } else {
                    try {
                        text = Objects.requireNonNull(writer.writeReport(s.images()), "report");
                        cache.put(key, ModelAnswer.text(text));
                        written++;
                    } catch (MedvlException | IllegalArgumentException | IllegalStateException
                             | NullPointerException e) {
                        failures.put(s.id(), String.valueOf(e.getMessage()));
                        text = "";
                    }
                }
                items.add(new Generated(s.id(), s.images(), s.reference(), text));
                progress.step();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(writer.name(), List.copyOf(items), caption(items, profiles),
                clinical ? clinical(items) : Map.of(), failures, fromCache, written, seconds);
    }

    /** Every caption metric (BLEU-1..4, METEOR, ROUGE-L, CIDEr-D) under each profile. */
    public static Map<Profile, CaptionScores> caption(List<Generated> items, List<Profile> profiles) {
        List<List<String>> refs = items.stream().map(g -> List.of(g.reference())).toList();
        List<String> hyps = items.stream().map(Generated::generated).toList();
        CaptionEvaluator evaluator = new CaptionEvaluator();
        Map<Profile, CaptionScores> out = new LinkedHashMap<>();
        for (Profile p : profiles) {
            out.put(p, evaluator.evaluate(refs, hyps, p, new LinkedHashSet<>(CaptionMetric.ALL)));
        }
        return out;
    }

    /** CE under every definition, from the findings labeler run on the generated and the reference texts. */
    public static Map<ClinicalEfficacy.Definition, ClinicalEfficacy.Result> clinical(List<Generated> items) {
        FindingsLabeler labeler = FindingsLabeler.standard();
        List<ReportLabels> gen = items.stream().map(g -> labeler.label(g.generated())).toList();
        List<ReportLabels> ref = items.stream().map(g -> labeler.label(g.reference())).toList();
        return new EnumMap<>(ClinicalEfficacy.all(gen, ref));
    }

    /** The cache key: model name and provenance, study id and images, so a changed study is generated afresh. */
    static String key(String model, Study s) {
        StringBuilder material = new StringBuilder(model).append('\u0000').append(s.id());
        for (Path p : s.images()) {
            material.append('\u0000').append(p.toAbsolutePath().normalize());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(material.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
