package org.medvl.metrics.vqa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Medical VQA scores as papers define them (docs METRICS.md):
 * <ul>
 *   <li>closed accuracy: normalised answer equality on closed items (VQA-RAD / SLAKE papers);</li>
 *   <li>open exact match: normalised equality on open items; open token recall (LLaVA-Med): per item, the fraction
 *       of the distinct reference tokens present among the prediction tokens, averaged over open items;</li>
 *   <li>overall: accuracy over all items (closed: equality; open: exact match);</li>
 *   <li>multiple choice (OmniMedVQA): the prediction is replaced by the option with the highest difflib ratio (first
 *       option on ties; exact normalised equality with an option wins outright), then compared with the answer;</li>
 *   <li>adversarial pairs (ProbMed): a pair counts only when every item sharing its pair id is correct.</li>
 * </ul>
 * Normalisation: lower case; punctuation becomes a space; the articles a, an, the are removed; spaces collapse.
 * Empty groups score 0 and report n = 0.
 */
public final class VqaMetrics {
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private VqaMetrics() {
    }

    /** An accuracy with its denominator. */
    public record Score(double value, int n) {
    }

    /** Scores of one question type. */
    public record TypeScores(Score accuracy, Score openExactMatch, Score openTokenRecall, Score closedAccuracy) {
    }

    /** All VQA scores of a run. */
    public record Result(Score overall, Score closedAccuracy, Score openExactMatch, Score openTokenRecall,
            Score multipleChoiceAccuracy, Score adversarialPairAccuracy, Map<String, TypeScores> perQuestionType) {
    }

    public static String normalize(String s) {
        String lower = PUNCT.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
        StringBuilder out = new StringBuilder();
        for (String t : lower.trim().split("\\s+")) {
            if (!t.isEmpty() && !ARTICLES.contains(t)) {
                out.append(out.length() == 0 ? "" : " ").append(t);
            }
        }
        return out.toString();
    }

    /** The option most similar to a free-text prediction (difflib ratio on normalised text; first on ties). */
    public static String matchOption(String prediction, List<String> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to match against");
        }
        String p = normalize(prediction);
        String best = options.get(0);
        double bestRatio = -1;
        for (String o : options) {
            String n = normalize(o);
            if (n.equals(p)) {
                return o;
            }
            double r = SequenceMatcher.ratio(p, n);
            if (r > bestRatio) {
                bestRatio = r;
                best = o;
            }
        }
        return best;
    }

    /** Whether an item is answered correctly (closed/open equality, after option mapping for multiple choice). */
    public static boolean correct(VqaItem item) {
        String pred = item.options().isEmpty() ? item.prediction() : matchOption(item.prediction(), item.options());
        return normalize(pred).equals(normalize(item.answer()));
    }

    /** LLaVA-Med-style recall of reference tokens in the prediction. */
    public static double tokenRecall(String answer, String prediction) {
        Set<String> ref = tokens(answer);
        Set<String> pred = tokens(prediction);
        if (ref.isEmpty()) {
            return pred.isEmpty() ? 1.0 : 0.0;
        }
        int hit = 0;
        for (String t : ref) {
            hit += pred.contains(t) ? 1 : 0;
        }
        return (double) hit / ref.size();
    }

    public static Result evaluate(List<VqaItem> items) {
        Acc overall = new Acc();
        Acc closed = new Acc();
        Acc openEm = new Acc();
        Acc openRecall = new Acc();
        Acc mc = new Acc();
        Map<String, Acc[]> perType = new LinkedHashMap<>();
        Map<String, Boolean> pairs = new LinkedHashMap<>();
        for (VqaItem it : items) {
            boolean ok = correct(it);
            Acc[] t = perType.computeIfAbsent(it.questionType(), k -> new Acc[] {new Acc(), new Acc(), new Acc(),
                new Acc()});
            overall.add(ok ? 1 : 0);
            t[0].add(ok ? 1 : 0);
            if (it.closed()) {
                closed.add(ok ? 1 : 0);
                t[3].add(ok ? 1 : 0);
            } else {
                double r = tokenRecall(it.answer(), it.prediction());
                openEm.add(ok ? 1 : 0);
                openRecall.add(r);
                t[1].add(ok ? 1 : 0);
                t[2].add(r);
            }
            if (!it.options().isEmpty()) {
                mc.add(ok ? 1 : 0);
            }
            if (it.pairId() != null && !it.pairId().isBlank()) {
                pairs.merge(it.pairId(), ok, Boolean::logicalAnd);
            }
        }
        Acc pairAcc = new Acc();
        pairs.values().forEach(ok -> pairAcc.add(ok ? 1 : 0));
        Map<String, TypeScores> types = new LinkedHashMap<>();
        perType.forEach((k, a) -> types.put(k, new TypeScores(a[0].score(), a[1].score(), a[2].score(),
                a[3].score())));
        return new Result(overall.score(), closed.score(), openEm.score(), openRecall.score(), mc.score(),
                pairAcc.score(), types);
    }

    private static Set<String> tokens(String s) {
        Set<String> out = new HashSet<>();
        for (String t : normalize(s).split(" ")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** A running mean. */
    private static final class Acc {
        private double sum;
        private int n;

        void add(double v) {
            sum += v;
            n++;
        }

        Score score() {
            return new Score(n == 0 ? 0.0 : sum / n, n);
        }
    }

    /** Items of a result list that were wrong, for error analysis. */
    public static List<VqaItem> wrong(List<VqaItem> items) {
        List<VqaItem> out = new ArrayList<>();
        for (VqaItem it : items) {
            if (!correct(it)) {
                out.add(it);
            }
        }
        return out;
    }
}
