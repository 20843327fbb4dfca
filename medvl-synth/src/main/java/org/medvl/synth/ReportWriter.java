package org.medvl.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medvl.core.record.ReportSections;

/**
 * Writes FINDINGS and IMPRESSION from the ground truth in the phrasing of chest radiograph reports: devices first,
 * then heart, lungs and pleura, with the absent findings negated together ("No pleural effusion or pneumothorax.")
 * and several wordings for each statement. Positive findings are always stated definitely, never hedged, so the text
 * carries exactly the ground truth.
 */
final class ReportWriter {
    private final Phrases p;

    ReportWriter(SplittableRandom r) {
        this.p = new Phrases(r);
    }

    ReportSections write(Findings f, Anatomy a) {
        List<String> s = new ArrayList<>();
        if (Math.abs(a.rotationDeg()) > 3 && p.chance(0.5)) {
            s.add(p.pick("The patient is slightly rotated.", "Mild patient rotation."));
        }
        if (a.domeRight() > 0.665 && p.chance(0.5)) {
            s.add(p.pick("Low lung volumes.", "Lung volumes are low."));
        }
        for (Device d : f.devicesInOrder()) {
            s.add(device(d, a));
        }
        s.add(heart(f));
        lungsAndPleura(f, s);
        if (p.chance(0.7)) {
            s.add(p.pick("No acute osseous abnormality.", "The visualized osseous structures are intact.",
                    "Bony structures are unremarkable.", "No acute bony abnormality."));
        }
        return ReportSections.of(String.join(" ", s), impression(f));
    }

    private String device(Device d, Anatomy a) {
        long cm = Math.round(0.1 * a.mmPerUnit() / 10);
        return switch (d) {
            case ENDOTRACHEAL_TUBE -> p.pick("Endotracheal tube terminates approximately " + cm + " cm above the carina.",
                    "The endotracheal tube tip is " + cm + " cm above the carina.",
                    "Endotracheal tube in satisfactory position, " + cm + " cm above the carina.");
            case CENTRAL_LINE -> p.pick("Right internal jugular central venous catheter terminates in the lower superior "
                            + "vena cava.", "A right IJ central line is present with its tip in the distal SVC.",
                    "Right-sided central venous catheter with tip projecting over the lower SVC.");
            case PACEMAKER -> p.pick("Left chest wall dual-lead pacemaker with leads in the right atrium and right "
                            + "ventricle.", "A left-sided pacemaker is present with leads terminating in the right atrium "
                            + "and right ventricle.", "Dual-chamber cardiac pacemaker projects over the left chest.");
            case ENTERIC_TUBE -> p.pick("Enteric tube courses below the diaphragm with the tip in the stomach.",
                    "A nasogastric tube extends below the left hemidiaphragm, tip in the stomach.",
                    "Feeding tube tip projects over the stomach.");
        };
    }

    private String heart(Findings f) {
        if (!f.cardiomegaly()) {
            return p.pick("Heart size is normal.", "The heart is normal in size.", "Normal heart size.",
                    "The cardiomediastinal silhouette is within normal limits.",
                    "Cardiac and mediastinal contours are within normal limits.",
                    "Heart size and mediastinal contours are normal.");
        }
        String grade = grade(f.cardiothoracicRatio());
        return p.pick("The heart is " + grade + "ly enlarged.", Phrases.capitalize(grade) + " cardiomegaly.",
                "The cardiac silhouette is " + grade + "ly enlarged.",
                "There is " + grade + " enlargement of the cardiac silhouette.",
                Phrases.capitalize(grade) + " cardiomegaly, cardiothoracic ratio approximately "
                        + Math.round(f.cardiothoracicRatio() * 100) / 100.0 + ".");
    }

    static String grade(double ctr) {
        return ctr < 0.58 ? "mild" : ctr < 0.63 ? "moderate" : "marked";
    }

    private void lungsAndPleura(Findings f, List<String> s) {
        List<String> absent = new ArrayList<>();
        if (f.consolidation() != null) {
            String lobe = f.consolidation().lobe().words();
            s.add(p.pick("There is consolidation in the " + lobe + ", with airspace opacity and air bronchograms.",
                    "Focal airspace opacity in the " + lobe + " consistent with consolidation.",
                    Phrases.capitalize(lobe) + " consolidation with air bronchograms and surrounding airspace opacity.",
                    "Dense airspace opacity is present in the " + lobe + ", in keeping with consolidation."));
        }
        if (f.nodule() != null) {
            long mm = Math.round(f.nodule().diameterMm());
            String lobe = f.nodule().lobe().words();
            s.add(p.pick("There is a " + mm + " mm nodule in the " + lobe + ".",
                    "A " + mm + " mm pulmonary nodule projects over the " + lobe + ".",
                    "Well-circumscribed " + mm + " mm nodule in the " + lobe + ".",
                    Phrases.capitalize(lobe) + " nodule measuring " + mm + " mm."));
        }
        boolean lungsClear = f.consolidation() == null && f.nodule() == null && f.pneumothorax() == null
                && (f.effusion() == null || f.effusion().size() == Severity.SMALL);
        if (lungsClear && p.chance(0.6)) {
            s.add(p.pick("The lungs are clear.", "Lungs are clear bilaterally.", "The lungs are clear without focal "
                    + "airspace disease."));
        } else if (f.consolidation() == null) {
            absent.add(p.pick("focal consolidation", "focal airspace consolidation", "consolidation"));
        }
        if (f.effusion() != null) {
            s.add(effusion(f.effusion()));
        } else {
            absent.add(p.pick("pleural effusion", "pleural effusion", "effusion"));
        }
        if (f.pneumothorax() != null) {
            s.add(pneumothorax(f.pneumothorax()));
        } else {
            absent.add("pneumothorax");
        }
        if (!absent.isEmpty()) {
            if (absent.size() > 1 && p.chance(0.5)) {
                p.shuffle(absent.subList(absent.size() - 2, absent.size()));
            }
            String list = p.join(absent, "or");
            s.add(p.pick("No " + list + ".", "There is no " + list + ".", "No evidence of " + list + ".",
                    "No " + list + " is seen."));
        }
        if (f.nodule() == null && p.chance(0.15)) {
            s.add(p.pick("No suspicious pulmonary nodules.", "No pulmonary nodules or masses."));
        }
    }

    private String effusion(Findings.Effusion e) {
        String size = e.size().word();
        if (e.side() == Side.BILATERAL) {
            return p.pick(Phrases.capitalize(size) + " bilateral pleural effusions.",
                    "There are " + size + " bilateral pleural effusions with blunting of the costophrenic angles.",
                    Phrases.capitalize(size) + " pleural effusions bilaterally.");
        }
        String side = e.side().word();
        return p.pick(Phrases.capitalize(size) + " " + side + " pleural effusion.",
                "There is a " + size + " " + side + " pleural effusion with blunting of the " + side
                        + " costophrenic angle.",
                Phrases.capitalize(size) + " " + side + " pleural effusion with a meniscus.",
                "A " + size + " " + side + " pleural effusion is present.");
    }

    private String pneumothorax(Findings.Pneumothorax x) {
        String size = x.size().word();
        String side = x.side().word();
        return p.pick("There is a " + size + " " + side + " pneumothorax.",
                Phrases.capitalize(size) + " " + side + " pneumothorax with a visible pleural line.",
                "A " + size + " " + side + "-sided pneumothorax is present, with absent lung markings peripheral to the "
                        + "visceral pleural line.",
                Phrases.capitalize(side) + " pneumothorax, " + size + " in size.");
    }

    private String impression(Findings f) {
        List<String> items = new ArrayList<>();
        if (f.pneumothorax() != null) {
            var x = f.pneumothorax();
            items.add(p.pick(Phrases.capitalize(x.size().word()) + " " + x.side().word() + " pneumothorax.",
                    Phrases.capitalize(x.side().word()) + " pneumothorax, " + x.size().word() + "."));
        }
        if (f.consolidation() != null) {
            String lobe = f.consolidation().lobe().words();
            items.add(p.pick(Phrases.capitalize(lobe) + " consolidation.", "Consolidation in the " + lobe + "."));
        }
        if (f.effusion() != null) {
            var e = f.effusion();
            items.add(e.side() == Side.BILATERAL
                    ? Phrases.capitalize(e.size().word()) + " bilateral pleural effusions."
                    : Phrases.capitalize(e.size().word()) + " " + e.side().word() + " pleural effusion.");
        }
        if (f.cardiomegaly()) {
            items.add(p.pick("Cardiomegaly.", Phrases.capitalize(grade(f.cardiothoracicRatio())) + " cardiomegaly."));
        }
        if (f.nodule() != null) {
            String n = Math.round(f.nodule().diameterMm()) + " mm " + f.nodule().lobe().words() + " nodule";
            items.add(p.pick(Phrases.capitalize(n) + ". Recommend CT chest for further characterization.",
                    Phrases.capitalize(n) + "; CT is recommended for further evaluation."));
        }
        if (!f.devices().isEmpty()) {
            items.add(p.pick("Support devices as described above.", "Lines and tubes in satisfactory position.",
                    "Support devices in expected position."));
        }
        if (f.noFinding()) {
            items.add(f.devices().isEmpty()
                    ? p.pick("No acute cardiopulmonary abnormality.", "No acute cardiopulmonary process.",
                    "Normal chest radiograph.", "No active disease.")
                    : p.pick("No acute cardiopulmonary abnormality.", "No acute cardiopulmonary process."));
        }
        if (items.size() == 1 || p.chance(0.4)) {
            return String.join(" ", items);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(i + 1).append(". ").append(items.get(i));
        }
        return sb.toString();
    }
}
