package org.medvl.server.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.models.api.ImageEmbedder;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.api.ZeroShotClassifier;

/**
 * The models one workbench serves, each optional: a missing one disables its panel, and {@link #notes()} says why in a
 * line the page shows. The server reaches models only through the {@code org.medvl.models.api} interfaces.
 *
 * @param report report generation, or null
 * @param vqa question answering, or null
 * @param zeroShot zero-shot findings, or null
 * @param embedder image/text embeddings, or null
 * @param similar a similar-case index, or null
 * @param notes panel name to an explanation for a panel that is off (or a remark about one that is on)
 */
public record ModelSet(ReportWriter report, QuestionAnswerer vqa, ZeroShotClassifier zeroShot, ImageEmbedder embedder,
        SimilarCases similar, Map<String, String> notes) implements AutoCloseable {
    public static final String REPORT = "report";
    public static final String VQA = "vqa";
    public static final String FINDINGS = "findings";
    public static final String SIMILAR = "similar";

    public ModelSet {
        notes = Map.copyOf(notes == null ? Map.of() : notes);
    }

    public static ModelSet empty() {
        return new ModelSet(null, null, null, null, null, Map.of());
    }

    public ModelSet withSimilar(SimilarCases index) {
        Map<String, String> n = new LinkedHashMap<>(notes);
        n.remove(SIMILAR);
        return new ModelSet(report, vqa, zeroShot, embedder, index, n);
    }

    /** Each panel with whether it is on, the model's name and a note. */
    public List<Panel> panels() {
        List<Panel> out = new ArrayList<>();
        out.add(panel(REPORT, report == null ? null : report.name(),
                "no report-generation model in the model directory"));
        out.add(panel(VQA, vqa == null ? null : vqa.name(), "no question-answering model in the model directory"));
        out.add(panel(FINDINGS, zeroShot == null ? null : zeroShot.name(),
                "no CLIP-style model in the model directory"));
        out.add(panel(SIMILAR, similar == null ? null : similar.name(), "no similar-case index loaded"));
        return out;
    }

    /** One panel of the page. */
    public record Panel(String panel, boolean enabled, String model, String note) {
    }

    private Panel panel(String name, String model, String offNote) {
        String note = notes.getOrDefault(name, model == null ? offNote : "");
        return new Panel(name, model != null, model, note);
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {report, vqa, zeroShot, embedder, similar}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing on shutdown: nothing useful to do with the failure
                }
            }
        }
    }
}
