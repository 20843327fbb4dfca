package org.medvl.metrics.labeler.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvl.core.MedvlException;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.metrics.labeler.io.CsvRows;

/**
 * Measures the labeler against the human MeSH tags of IU X-ray (indiana_reports.csv): per observation, precision,
 * recall and F1 of positive labels against the tags mapped by {@link IuTagMapping}, and agreement on No Finding.
 *
 * <p>Headline scores count POSITIVE labels only, as the acceptance asks ("positive mentions"); scores that also count
 * UNCERTAIN as present (the U-ones view) are reported alongside. Labels come from findings + impression. Reports
 * tagged "No Indexing" (no reference) and reports with empty findings and impression are left out and counted.
 */
public final class IuLabelerEvaluation {
    /** Observations with at least this many tagged reports enter the headline micro-F1. */
    public static final int MIN_TAGGED = 20;

    private IuLabelerEvaluation() {
    }

    /** Counts for one observation. */
    public record Score(Observation observation, int tagged, int tp, int fp, int fn, int uonesTp, int uonesFp,
            int uonesFn) {
        public double precision() {
            return ratio(tp, tp + fp);
        }

        public double recall() {
            return ratio(tp, tp + fn);
        }

        public double f1() {
            return ratio(2 * tp, 2 * tp + fp + fn);
        }

        /** F1 when UNCERTAIN also counts as present. */
        public double uonesF1() {
            return ratio(2 * uonesTp, 2 * uonesTp + uonesFp + uonesFn);
        }
    }

    /** One report the labeler and the tags disagree on, for error analysis. */
    public record Disagreement(String uid, Observation observation, boolean tagged, FindingState label) {
    }

    /** The whole evaluation. */
    public record Result(int reports, int evaluated, int noIndexing, int empty, List<Score> scores,
            int noFindingAgree, int normalTagged, int normalTaggedLabelledNoFinding, List<Disagreement> disagreements) {
        /** Micro-F1 (POSITIVE labels) over observations other than No Finding with >= {@link #MIN_TAGGED} tags. */
        public double microF1() {
            return micro(false);
        }

        /** Same, counting UNCERTAIN as present too. */
        public double uonesMicroF1() {
            return micro(true);
        }

        private double micro(boolean uones) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (Score s : scores) {
                if (s.tagged() >= MIN_TAGGED) {
                    tp += uones ? s.uonesTp() : s.tp();
                    fp += uones ? s.uonesFp() : s.fp();
                    fn += uones ? s.uonesFn() : s.fn();
                }
            }
            return ratio(2 * tp, 2 * tp + fp + fn);
        }

        /** Fraction of evaluated reports where labeler No Finding equals the tag-derived No Finding. */
        public double noFindingAgreement() {
            return ratio(noFindingAgree, evaluated);
        }

        /** Fraction of reports tagged exactly "normal" that the labeler calls No Finding. */
        public double normalRecall() {
            return ratio(normalTaggedLabelledNoFinding, normalTagged);
        }
    }

    /** Evaluates on {@code dir}/indiana_reports.csv (or a CSV path given directly). */
    public static Result evaluate(Path dirOrCsv, FindingsLabeler labeler) {
        Path csv = Files.isDirectory(dirOrCsv) ? dirOrCsv.resolve("indiana_reports.csv") : dirOrCsv;
        if (!Files.isRegularFile(csv)) {
            throw new MedvlException("IU X-ray reports not found: " + csv + " (expected indiana_reports.csv)");
        }
        IuTagMapping mapping = IuTagMapping.standard();
        List<Observation> findings = Observation.all().subList(1, Observation.all().size());
        Map<Observation, int[]> counts = new EnumMap<>(Observation.class); // tagged tp fp fn stp sfp sfn
        for (Observation o : findings) {
            counts.put(o, new int[7]);
        }
        int[] totals = new int[6]; // reports evaluated noIndexing empty nfAgree normalTagged normalNf -> see below
        int[] normal = new int[2];
        List<Disagreement> disagreements = new ArrayList<>();
        CsvRows.forEach(csv, List.of("uid", "MeSH", "findings", "impression"), row -> {
            totals[0]++;
            String mesh = row.get("MeSH");
            if (mesh.toLowerCase(java.util.Locale.ROOT).contains("no indexing")) {
                totals[2]++;
                return;
            }
            if (row.get("findings").isBlank() && row.get("impression").isBlank()) {
                totals[3]++;
                return;
            }
            totals[1]++;
            ReportLabels labels = labeler.label(row.get("findings"), row.get("impression"));
            Set<Observation> tags = mapping.observations(mesh);
            for (Observation o : findings) {
                int[] c = counts.get(o);
                boolean tagged = tags.contains(o);
                FindingState s = labels.get(o);
                boolean present = s == FindingState.POSITIVE;
                boolean uones = s == FindingState.POSITIVE || s == FindingState.UNCERTAIN;
                c[0] += tagged ? 1 : 0;
                c[1] += tagged && present ? 1 : 0;
                c[2] += !tagged && present ? 1 : 0;
                c[3] += tagged && !present ? 1 : 0;
                c[4] += tagged && uones ? 1 : 0;
                c[5] += !tagged && uones ? 1 : 0;
                c[6] += tagged && !uones ? 1 : 0;
                if (tagged != present) {
                    disagreements.add(new Disagreement(row.get("uid"), o, tagged, s));
                }
            }
            boolean refNoFinding = tags.stream().allMatch(o -> o == Observation.SUPPORT_DEVICES);
            boolean labNoFinding = labels.get(Observation.NO_FINDING) == FindingState.POSITIVE;
            totals[4] += refNoFinding == labNoFinding ? 1 : 0;
            if (mesh.trim().equalsIgnoreCase("normal")) {
                normal[0]++;
                normal[1] += labNoFinding ? 1 : 0;
            }
        });
        List<Score> scores = new ArrayList<>();
        for (Observation o : findings) {
            int[] c = counts.get(o);
            scores.add(new Score(o, c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
        }
        return new Result(totals[0], totals[1], totals[2], totals[3], scores, totals[4], normal[0], normal[1],
                disagreements);
    }

    /** The quality table as Markdown, with the goals and whether they are met. */
    public static String format(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("IU X-ray labeler quality: %,d reports, %,d evaluated (%d \"No Indexing\", %d with empty"
                + " findings and impression left out)%n%n", r.reports(), r.evaluated(), r.noIndexing(), r.empty()));
        sb.append("| observation | tagged | labelled positive | precision | recall | F1 | F1 uncertain as positive |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Score s : r.scores()) {
            sb.append(String.format("| %s%s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", s.observation().displayName(),
                    s.tagged() >= MIN_TAGGED ? "" : " (<" + MIN_TAGGED + ")", s.tagged(), s.tp() + s.fp(),
                    s.precision(), s.recall(), s.f1(), s.uonesF1()));
        }
        sb.append(String.format("%nmicro-F1 of positive labels over observations with >= %d tagged reports: %.4f  "
                + "(goal >= 0.90: %s)%n", MIN_TAGGED, r.microF1(), r.microF1() >= 0.90 ? "met" : "NOT met"));
        sb.append(String.format("micro-F1 counting uncertain as positive, same observations: %.4f%n", r.uonesMicroF1()));
        sb.append(String.format("No Finding agreement with tag-derived No Finding: %.4f (%,d / %,d)  (goal >= 0.95: %s)%n",
                r.noFindingAgreement(), r.noFindingAgree(), r.evaluated(), r.noFindingAgreement() >= 0.95 ? "met" : "NOT met"));
        sb.append(String.format("reports tagged \"normal\" labelled No Finding: %.4f (%,d / %,d)%n", r.normalRecall(),
                r.normalTaggedLabelledNoFinding(), r.normalTagged()));
        return sb.toString();
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }
}
