package org.medvl.metrics.clinical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medvl.metrics.classification.Prf;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;

/**
 * Clinical efficacy (CE): agreement of findings labels of generated reports with those of reference reports, in the
 * three definitions papers use (see docs METRICS.md), each by name. All are sklearn-style over binary label matrices;
 * ratios with a zero denominator are 0 (sklearn zero_division=0).
 * <ul>
 *   <li>{@link Definition#R2GEN}: POSITIVE = 1, everything else (negative, uncertain, blank) = 0; micro and macro
 *       P/R/F1 over all 14 observations (R2Gen / R2GenCMN compute_ce).</li>
 *   <li>{@link Definition#UONES_14} / {@link Definition#UONES_5}: POSITIVE or UNCERTAIN = 1 (ViLMedic f1chexbert);
 *       over the 14, or over Cardiomegaly, Edema, Consolidation, Atelectasis, Pleural Effusion.</li>
 *   <li>{@link Definition#EXAMPLE_BASED}: POSITIVE = 1 over the 14; P, R, F1 per report, then averaged over reports
 *       (PromptMRG; sklearn average="samples"); a report with nothing predicted has P = 0, nothing in the reference
 *       R = 0, neither F1 = 0.</li>
 * </ul>
 * Macro = unweighted mean of the per-observation P, R and F1, observations without support included (as sklearn).
 */
public final class ClinicalEfficacy {
    private ClinicalEfficacy() {
    }

    /** The named CE definitions. */
    public enum Definition {
        R2GEN("r2gen"), UONES_14("uones-14"), UONES_5("uones-5"), EXAMPLE_BASED("example-based");

        private final String id;

        Definition(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Definition parse(String s) {
            for (Definition d : values()) {
                if (d.id.equals(s.toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown CE definition \"" + s + "\"; valid: r2gen, uones-14, uones-5, "
                    + "example-based");
        }

        List<Observation> observations() {
            if (this == UONES_5) {
                return Observation.all().stream().filter(Observation.COMPETITION_FIVE::contains).toList();
            }
            return Observation.all();
        }

        boolean positive(FindingState s) {
            return s == FindingState.POSITIVE || ((this == UONES_14 || this == UONES_5) && s == FindingState.UNCERTAIN);
        }
    }

    /** Counts and scores for one observation. */
    public record ObservationScore(Observation observation, int support, int predicted, int tp, Prf prf) {
    }

    /**
     * One definition's result: micro, macro and (for example-based) the per-report average, plus the per-observation
     * scores under that definition's binarisation.
     */
    public record Result(Definition definition, int reports, Prf micro, Prf macro, Prf examples,
            List<ObservationScore> perObservation) {
        /** The headline F1 papers report for this definition (micro for R2Gen / U-ones, per-report for PromptMRG). */
        public double headlineF1() {
            return definition == Definition.EXAMPLE_BASED ? examples.f1() : micro.f1();
        }
    }

    /** Every definition, in declaration order. */
    public static Map<Definition, Result> all(List<ReportLabels> generated, List<ReportLabels> reference) {
        Map<Definition, Result> out = new EnumMap<>(Definition.class);
        for (Definition d : Definition.values()) {
            out.put(d, compute(d, generated, reference));
        }
        return Collections.unmodifiableMap(out);
    }

    /** One definition; the two lists are paired by index and must have the same size. */
    public static Result compute(Definition d, List<ReportLabels> generated, List<ReportLabels> reference) {
        if (generated.size() != reference.size()) {
            throw new IllegalArgumentException("generated and reference label lists differ in size: "
                    + generated.size() + " vs " + reference.size());
        }
        List<Observation> obs = d.observations();
        List<ObservationScore> per = new ArrayList<>();
        long tpAll = 0;
        long fpAll = 0;
        long fnAll = 0;
        for (Observation o : obs) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < generated.size(); i++) {
                boolean p = d.positive(generated.get(i).get(o));
                boolean t = d.positive(reference.get(i).get(o));
                tp += p && t ? 1 : 0;
                fp += p && !t ? 1 : 0;
                fn += !p && t ? 1 : 0;
            }
            per.add(new ObservationScore(o, tp + fn, tp + fp, tp, Prf.of(tp, fp, fn)));
            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
        }
        Prf micro = Prf.of(tpAll, fpAll, fnAll);
        Prf macro = Prf.mean(per.stream().map(ObservationScore::prf).toList());
        Prf examples = d == Definition.EXAMPLE_BASED ? perReport(d, obs, generated, reference) : null;
        return new Result(d, generated.size(), micro, macro, examples, List.copyOf(per));
    }

    private static Prf perReport(Definition d, List<Observation> obs, List<ReportLabels> gen, List<ReportLabels> ref) {
        List<Prf> each = new ArrayList<>(gen.size());
        for (int i = 0; i < gen.size(); i++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Observation o : obs) {
                boolean p = d.positive(gen.get(i).get(o));
                boolean t = d.positive(ref.get(i).get(o));
                tp += p && t ? 1 : 0;
                fp += p && !t ? 1 : 0;
                fn += !p && t ? 1 : 0;
            }
            each.add(Prf.of(tp, fp, fn));
        }
        return Prf.mean(each);
    }

    /**
     * One definition's counts over part of a corpus, mergeable with the counts of other parts (engines that label a
     * corpus on many machines). {@link #result()} of the merged tally equals {@link #compute} over all reports, up to
     * the addition order of the per-report ratios of the example-based average. Not thread-safe.
     */
    public static final class Tally implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Definition definition;
        private final long[] tp;
        private final long[] fp;
        private final long[] fn;
        private long reports;
        private double exampleP;
        private double exampleR;
        private double exampleF;

        public Tally(Definition definition) {
            int n = definition.observations().size();
            this.definition = definition;
            this.tp = new long[n];
            this.fp = new long[n];
            this.fn = new long[n];
        }

        /** Adds one generated report's labels with its reference's. */
        public Tally add(ReportLabels generated, ReportLabels reference) {
            List<Observation> obs = definition.observations();
            int rtp = 0;
            int rfp = 0;
            int rfn = 0;
            for (int k = 0; k < obs.size(); k++) {
                boolean p = definition.positive(generated.get(obs.get(k)));
                boolean t = definition.positive(reference.get(obs.get(k)));
                int a = p && t ? 1 : 0;
                int b = p && !t ? 1 : 0;
                int c = !p && t ? 1 : 0;
                tp[k] += a;
                fp[k] += b;
                fn[k] += c;
                rtp += a;
                rfp += b;
                rfn += c;
            }
            Prf one = Prf.of(rtp, rfp, rfn);
            exampleP += one.precision();
            exampleR += one.recall();
            exampleF += one.f1();
            reports++;
            return this;
        }

        /** Adds another part's counts to this one; returns this. */
        public Tally merge(Tally other) {
            if (other.definition != definition) {
                throw new IllegalArgumentException("cannot merge " + other.definition.id() + " into " + definition.id());
            }
            for (int k = 0; k < tp.length; k++) {
                tp[k] += other.tp[k];
                fp[k] += other.fp[k];
                fn[k] += other.fn[k];
            }
            exampleP += other.exampleP;
            exampleR += other.exampleR;
            exampleF += other.exampleF;
            reports += other.reports;
            return this;
        }

        public Result result() {
            List<Observation> obs = definition.observations();
            List<ObservationScore> per = new ArrayList<>();
            long tpAll = 0;
            long fpAll = 0;
            long fnAll = 0;
            for (int k = 0; k < obs.size(); k++) {
                per.add(new ObservationScore(obs.get(k), (int) (tp[k] + fn[k]), (int) (tp[k] + fp[k]), (int) tp[k],
                        Prf.of(tp[k], fp[k], fn[k])));
                tpAll += tp[k];
                fpAll += fp[k];
                fnAll += fn[k];
            }
            Prf examples = definition != Definition.EXAMPLE_BASED ? null : reports == 0 ? new Prf(0, 0, 0)
                    : new Prf(exampleP / reports, exampleR / reports, exampleF / reports);
            return new Result(definition, (int) reports, Prf.of(tpAll, fpAll, fnAll),
                    Prf.mean(per.stream().map(ObservationScore::prf).toList()), examples, List.copyOf(per));
        }
    }

    /** Observations of the five-observation variant, exposed for reports. */
    public static Set<Observation> competitionFive() {
        return Observation.COMPETITION_FIVE;
    }
}
