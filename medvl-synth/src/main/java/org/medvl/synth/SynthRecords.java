package org.medvl.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.VqaItem;

/**
 * The JSON lines the dataset is written as: medvl manifest lines (format "medvl-manifest" version 1, read by every
 * medvl command as {@code manifest:PATH}; see medvl-data's ManifestFormat) for reports and VQA, and a ground-truth
 * line per image.
 */
final class SynthRecords {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String DATASET = "synth";

    private SynthRecords() {
    }

    static ObjectNode header(String source, String kind) {
        ObjectNode h = MAPPER.createObjectNode();
        h.put("kind", "header").put("format", "medvl-manifest").put("version", 1).put("source", source)
                .put("synthetic", true);
        h.putArray("kinds").add(kind);
        return h;
    }

    static ObjectNode study(SynthCase c) {
        ObjectNode o = common("study", c.id(), c);
        o.putArray("images").add(image(c.imageRef()));
        ObjectNode sec = o.putObject("sections");
        sec.put("indication", "").put("comparison", "").put("findings", c.report().findings())
                .put("impression", c.report().impression());
        ArrayNode tags = o.putArray("tags");
        c.findings().positiveLabels().forEach(tags::add);
        return o;
    }

    /** Image and report text as one image-text pair, for CLIP-style training and retrieval. */
    static ObjectNode pair(SynthCase c) {
        ObjectNode o = common("pair", c.id(), c);
        o.set("image", image(c.imageRef()));
        o.put("text", c.report().findingsAndImpression());
        return o;
    }

    static ObjectNode vqa(SynthCase c, VqaItem v) {
        ObjectNode o = common("vqa", v.id(), c);
        o.set("image", image(v.image()));
        o.put("question", v.question()).put("answer", v.answer())
                .put("answer_type", v.answerType().name().toLowerCase(java.util.Locale.ROOT))
                .put("question_type", v.questionType());
        return o;
    }

    /** Everything that was drawn, for tests and for CE-F1 against the truth. */
    static ObjectNode groundTruth(SynthCase c) {
        Findings f = c.findings();
        Anatomy a = c.anatomy();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.id()).put("image", c.imagePath()).put("split", c.split().id()).put("synthetic", true);
        ObjectNode labels = o.putObject("chexpert");
        for (Map.Entry<ChexpertLabel, Boolean> e : f.chexpert().entrySet()) {
            labels.put(e.getKey().displayName(), e.getValue() ? 1 : 0);
        }
        ObjectNode g = o.putObject("findings");
        g.put("cardiothoracic_ratio", round(f.cardiothoracicRatio(), 4)).put("cardiomegaly", f.cardiomegaly());
        if (f.effusion() != null) {
            g.putObject("pleural_effusion").put("side", f.effusion().side().word())
                    .put("size", f.effusion().size().word()).put("height_mm", round(f.effusion().heightMm(), 1));
        }
        if (f.pneumothorax() != null) {
            g.putObject("pneumothorax").put("side", f.pneumothorax().side().word())
                    .put("size", f.pneumothorax().size().word()).put("gap_mm", round(f.pneumothorax().gapMm(), 1));
        }
        if (f.nodule() != null) {
            double[] px = new Frame(c.image().size(), a).toPixel(f.nodule().u(), f.nodule().v());
            g.putObject("nodule").put("lobe", f.nodule().lobe().words())
                    .put("diameter_mm", round(f.nodule().diameterMm(), 1))
                    .put("x", round(px[0], 1)).put("y", round(px[1], 1));
        }
        if (f.consolidation() != null) {
            g.putObject("consolidation").put("lobe", f.consolidation().lobe().words());
        }
        ArrayNode dev = g.putArray("support_devices");
        f.devicesInOrder().forEach(d -> dev.add(d.words()));
        o.putObject("acquisition").put("rotation_deg", round(a.rotationDeg(), 2)).put("magnification", round(a.scale(), 3))
                .put("pixel_spacing_mm", round(a.mmPerUnit() / (c.image().size() * a.scale()), 3))
                .put("measured_ctr", round(c.image().measuredCtr(), 4));
        return o;
    }

    /** The truth as a CheXpert-layout label CSV row: id then 1/0 for the 14 observations. */
    static String labelRow(SynthCase c) {
        StringBuilder sb = new StringBuilder(c.id());
        for (boolean v : c.findings().chexpert().values()) {
            sb.append(',').append(v ? '1' : '0');
        }
        return sb.toString();
    }

    static String labelHeader() {
        StringBuilder sb = new StringBuilder("id");
        for (ChexpertLabel l : ChexpertLabel.values()) {
            sb.append(',').append(l.displayName());
        }
        return sb.toString();
    }

    private static ObjectNode common(String kind, String id, SynthCase c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", kind).put("id", id).put("dataset", DATASET).put("split", c.split().id()).put("language", "en");
        return o;
    }

    private static ObjectNode image(ImageRef i) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", i.id()).put("path", i.path()).put("modality", i.modality()).put("body_part", i.bodyPart())
                .put("view", i.view());
        return o;
    }

    private static double round(double x, int digits) {
        double f = StrictMath.pow(10, digits);
        return Math.round(x * f) / f;
    }

}
