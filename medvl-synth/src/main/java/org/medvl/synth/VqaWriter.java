package org.medvl.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;

/**
 * Writes question-answer pairs about one image from its ground truth: a yes/no presence question for every finding
 * (so closed answers are both yes and no), follow-up open questions on side, size and lobe for the findings present,
 * and an overall normal/abnormal question. Question types follow VQA-RAD's categories: PRES, POS, SIZE, ABN, MODALITY.
 */
final class VqaWriter {
    private final Phrases p;

    VqaWriter(SplittableRandom r) {
        this.p = new Phrases(r);
    }

    /** One question before it gets its id. */
    private record Qa(String question, String answer, AnswerType type, String category) {
    }

    List<VqaItem> write(String id, String imagePath, Split split, Findings f) {
        List<Qa> qs = new ArrayList<>();
        var eff = f.effusion();
        qs.add(closed(p.pick("Is there a pleural effusion?", "Is a pleural effusion present?",
                "Is there fluid in the pleural space?"), eff != null, "PRES"));
        if (eff != null) {
            qs.add(open(p.pick("Which side is the pleural effusion on?", "On which side is the effusion?"),
                    eff.side().word(), "POS"));
            qs.add(open(p.pick("How large is the pleural effusion?", "What is the size of the effusion?"),
                    eff.size().word(), "SIZE"));
        }
        var ptx = f.pneumothorax();
        qs.add(closed(p.pick("Is there a pneumothorax?", "Is a pneumothorax present?",
                "Is there evidence of pneumothorax?"), ptx != null, "PRES"));
        if (ptx != null) {
            qs.add(open(p.pick("Which side is the pneumothorax on?", "On which side is the pneumothorax?"),
                    ptx.side().word(), "POS"));
            Side asked = p.chance(0.5) ? Side.LEFT : Side.RIGHT;
            qs.add(closed("Is the pneumothorax on the " + asked.word() + " side?", ptx.side() == asked, "POS"));
        }
        if (p.chance(0.25)) {
            qs.add(closed("Is the heart size normal?", !f.cardiomegaly(), "SIZE"));
        } else {
            qs.add(closed(p.pick("Is the heart enlarged?", "Is there cardiomegaly?", "Is the cardiac silhouette enlarged?"),
                    f.cardiomegaly(), "SIZE"));
        }
        var nod = f.nodule();
        qs.add(closed(p.pick("Is there a nodule?", "Is there a pulmonary nodule?", "Is there a lung nodule?"),
                nod != null, "PRES"));
        if (nod != null) {
            qs.add(open(p.pick("Which lobe is the nodule in?", "In which lobe is the nodule located?"),
                    nod.lobe().words(), "POS"));
            qs.add(closed("Is the nodule larger than 1 cm?", nod.diameterMm() > 10, "SIZE"));
        }
        var cons = f.consolidation();
        qs.add(closed(p.pick("Is there consolidation?", "Is there a focal consolidation?",
                "Is there airspace consolidation?"), cons != null, "PRES"));
        if (cons != null) {
            qs.add(open(p.pick("Which lobe is the consolidation in?", "Where is the consolidation located?"),
                    cons.lobe().words(), "POS"));
            qs.add(open("Which lung is the consolidation in?", cons.lobe().side().word(), "POS"));
        }
        qs.add(closed(p.pick("Are there any support devices?", "Are any lines or tubes present?"),
                !f.devices().isEmpty(), "PRES"));
        if (!f.devices().isEmpty() || p.chance(0.3)) {
            Device d = Device.values()[p.index(Device.values().length)];
            qs.add(closed("Is there " + article(d.words()) + " " + d.words() + "?", f.devices().contains(d), "PRES"));
        }
        if (p.chance(0.5)) {
            qs.add(closed("Is this chest radiograph normal?", f.noFinding(), "ABN"));
        } else {
            qs.add(closed(p.pick("Are there any abnormalities?", "Is there any abnormality in this image?"),
                    !f.noFinding(), "ABN"));
        }
        if (p.chance(0.15)) {
            qs.add(open("What imaging modality is this?", "x-ray", "MODALITY"));
        }
        ImageRef image = SynthCase.imageRef(id, imagePath);
        List<VqaItem> out = new ArrayList<>(qs.size());
        for (int i = 0; i < qs.size(); i++) {
            Qa q = qs.get(i);
            out.add(new VqaItem(String.format("%s-q%02d", id, i + 1), image, q.question(), q.answer(), q.type(),
                    q.category(), split, "en", List.of(), null));
        }
        return out;
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    private static Qa closed(String q, boolean yes, String category) {
        return new Qa(q, yes ? "yes" : "no", AnswerType.CLOSED, category);
    }

    private static Qa open(String q, String answer, String category) {
        return new Qa(q, answer, AnswerType.OPEN, category);
    }
}
