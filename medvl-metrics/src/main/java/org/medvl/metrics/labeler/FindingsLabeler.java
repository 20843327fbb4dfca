package org.medvl.metrics.labeler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medvl.core.record.ReportSections;
import org.medvl.core.text.ReportSectionParser;
import org.medvl.metrics.labeler.PatternIndex.Match;
import org.medvl.metrics.labeler.Vocabulary.CueRule;
import org.medvl.metrics.labeler.Vocabulary.Kind;
import org.medvl.metrics.labeler.Vocabulary.MentionRule;

/**
 * Rule-based labeler for the 14 CheXpert observations, following the CheXpert labeler's three stages (Irvin et al.,
 * AAAI 2019): mention extraction from phrase lists, classification of each mention as negative / uncertain /
 * positive, and aggregation per report. CheXpert classifies mentions with rules over dependency parses (NegBio); this
 * labeler uses token-window scopes instead (in the spirit of NegEx), which needs no parser model and labels tens of
 * thousands of reports per second on one core:
 * <ul>
 *   <li>a forward cue ("no", "without", "possible", "no evidence of") governs the mentions after it up to
 *       {@value #PRE_WINDOW} tokens, across list commas ("no A, B or C"), until a stop cue ("but", "however"),
 *       a ';' or the sentence end; the nearest cue before a mention wins;</li>
 *   <li>a backward cue ("is not seen", "has resolved", "is not excluded") governs the mentions of its own clause
 *       ending at most {@value #POST_WINDOW} tokens before it, not across commas;</li>
 *   <li>a cue inside a gapped mention ("heart is not enlarged") governs that mention;</li>
 *   <li>a pseudo-negation ("no change in", "no increase in") before a mention keeps it positive;</li>
 *   <li>uncertainty beats negation beats positive for one mention; across mentions positive beats uncertain beats
 *       negative; No Finding is positive when no observation other than Support Devices is positive or uncertain,
 *       otherwise blank (CheXpert's rule).</li>
 * </ul>
 * Thread-safe: immutable after construction.
 */
public final class FindingsLabeler {
    static final int PRE_WINDOW = 15;
    static final int POST_WINDOW = 6;

    private static volatile FindingsLabeler standard;

    private final PatternIndex<MentionRule> mentionIndex;
    private final PatternIndex<CueRule> cueIndex;
    private final Vocabulary vocabulary;

    /** A mention found in a report, with the state its cues gave it (for explanations and debugging). */
    public record Mention(Observation observation, FindingState state, String phrase, String cue, String sentence) {
    }

    public FindingsLabeler(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.mentionIndex = new PatternIndex<>(vocabulary.mentions(), MentionRule::pattern);
        this.cueIndex = new PatternIndex<>(vocabulary.cues(), CueRule::pattern);
    }

    /** The labeler with the bundled vocabulary (shared instance). */
    public static FindingsLabeler standard() {
        FindingsLabeler s = standard;
        if (s == null) {
            synchronized (FindingsLabeler.class) {
                s = standard;
                if (s == null) {
                    s = new FindingsLabeler(Vocabulary.builtIn());
                    standard = s;
                }
            }
        }
        return s;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Labels a report (any sections; pass findings + impression for CheXpert-style use). */
    public ReportLabels label(String reportText) {
        FindingState[] states = new FindingState[Observation.all().size()];
        Arrays.fill(states, FindingState.NOT_MENTIONED);
        for (String[] sentence : ReportTokenizer.sentences(reportText == null ? "" : reportText)) {
            for (Mention m : classify(sentence)) {
                int i = m.observation().ordinal();
                states[i] = states[i].merge(m.state());
            }
        }
        states[Observation.NO_FINDING.ordinal()] = noFinding(states);
        return ReportLabels.wrap(states);
    }

    /** Labels findings and impression together, as CheXpert-based CE evaluation does. */
    public ReportLabels label(String findings, String impression) {
        return label((findings == null ? "" : findings) + " .\n" + (impression == null ? "" : impression));
    }

    /**
     * Labels a whole report with section headers (MIMIC-CXR style): only FINDINGS and IMPRESSION are labelled, so an
     * indication such as "r/o pneumonia" does not count; a text without those headers is labelled whole.
     */
    public ReportLabels labelReport(String fullReport) {
        ReportSections sections = ReportSectionParser.parse(fullReport);
        if (sections.findings().isEmpty() && sections.impression().isEmpty()) {
            return label(fullReport);
        }
        return label(sections.findings(), sections.impression());
    }

    /** Every mention in a report with its state and the cue that decided it. */
    public List<Mention> explain(String reportText) {
        List<Mention> out = new ArrayList<>();
        for (String[] sentence : ReportTokenizer.sentences(reportText == null ? "" : reportText)) {
            out.addAll(classify(sentence));
        }
        return out;
    }

    private static FindingState noFinding(FindingState[] s) {
        for (Observation o : Observation.all()) {
            if (o == Observation.NO_FINDING || o == Observation.SUPPORT_DEVICES) {
                continue;
            }
            FindingState v = s[o.ordinal()];
            if (v == FindingState.POSITIVE || v == FindingState.UNCERTAIN) {
                return FindingState.NOT_MENTIONED;
            }
        }
        return FindingState.POSITIVE;
    }

    private List<Mention> classify(String[] tokens) {
        List<Match<CueRule>> cues = findCues(tokens);
        List<Match<MentionRule>> found = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            mentionIndex.matchesAt(tokens, i, found);
        }
        List<Mention> out = new ArrayList<>();
        if (found.isEmpty()) {
            return out;
        }
        String sentence = null;
        for (Match<MentionRule> m : found) {
            if (m.rule().kind() == Kind.IGNORE || ignored(m, found)) {
                continue;
            }
            Match<CueRule> cue = decidingCue(m, cues, tokens);
            FindingState state = stateOf(m.rule().kind(), cue == null ? null : cue.rule().type());
            if (sentence == null) {
                sentence = String.join(" ", tokens);
            }
            out.add(new Mention(m.rule().observation(), state, span(tokens, m.start(), m.end()),
                    cue == null ? null : span(tokens, cue.start(), cue.end()), sentence));
        }
        return out;
    }

    private static FindingState stateOf(Kind kind, CueType cue) {
        if (cue != null && cue.uncertain()) {
            return FindingState.UNCERTAIN; // also "heart size upper limits of normal"
        }
        if (kind == Kind.NEGATIVE) {
            return FindingState.NEGATIVE;
        }
        if (cue != null && cue.negation()) {
            return FindingState.NEGATIVE;
        }
        return kind == Kind.UNCERTAIN ? FindingState.UNCERTAIN : FindingState.POSITIVE;
    }

    /** A mention inside a span an "ignore" rule of the same observation matched ("pericardial effusion"). */
    private static boolean ignored(Match<MentionRule> m, List<Match<MentionRule>> all) {
        for (Match<MentionRule> o : all) {
            if (o.rule().kind() == Kind.IGNORE && o.rule().observation() == m.rule().observation()
                    && o.start() <= m.start() && o.end() >= m.end()) {
                return true;
            }
        }
        return false;
    }

    /** Greedy left-to-right longest-match cue spans; cues never overlap. */
    private List<Match<CueRule>> findCues(String[] tokens) {
        List<Match<CueRule>> cues = new ArrayList<>();
        List<Match<CueRule>> here = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            here.clear();
            cueIndex.matchesAt(tokens, i, here);
            if (here.isEmpty()) {
                i++;
                continue;
            }
            Match<CueRule> best = here.get(0);
            for (Match<CueRule> c : here) {
                if (c.end() > best.end()) {
                    best = c;
                }
            }
            cues.add(best);
            i = best.end();
        }
        return cues;
    }

    /**
     * The cue that decides a mention's state, or null: an uncertainty cue wins over a negation cue when both reach the
     * mention (inside it, before it, or after it).
     */
    private static Match<CueRule> decidingCue(Match<MentionRule> m, List<Match<CueRule>> cues, String[] tokens) {
        Match<CueRule> before = forwardCueBefore(m, cues, tokens);
        Match<CueRule> after = null;
        Match<CueRule> inside = null;
        for (Match<CueRule> c : cues) {
            CueType t = c.rule().type();
            if (c.start() >= m.end()) {
                after = after == null ? c : after;
            } else if (c.start() > m.start() && c.end() > m.start() && (t.forward || t.backward)
                    && t != CueType.PSEUDO) {
                inside = inside == null ? c : inside;
            }
        }
        if (after != null && !(after.rule().type().backward
                && after.start() - m.end() <= POST_WINDOW && clear(tokens, m.end(), after.start(), ",", ";"))) {
            after = null;
        }
        if (before != null && before.rule().type() == CueType.PSEUDO) {
            return null; // "no change in X": X stays positive
        }
        Match<CueRule> decided = null;
        for (Match<CueRule> c : java.util.Arrays.asList(inside, before, after)) {
            if (c != null && (decided == null || (c.rule().type().uncertain() && !decided.rule().type().uncertain()))) {
                decided = c;
            }
        }
        return decided;
    }

    /**
     * The nearest forward cue whose scope reaches the mention: within the window, no ';' between, no stop cue
     * between (a negation-only stop lets an earlier uncertainty cue through).
     */
    private static Match<CueRule> forwardCueBefore(Match<MentionRule> m, List<Match<CueRule>> cues, String[] tokens) {
        boolean negationStopped = false;
        for (int i = cues.size() - 1; i >= 0; i--) {
            Match<CueRule> c = cues.get(i);
            if (c.end() > m.start()) {
                continue;
            }
            if (m.start() - c.end() > PRE_WINDOW || !clear(tokens, c.end(), m.start(), ";")) {
                return null;
            }
            CueType t = c.rule().type();
            if (t == CueType.STOP_NEGATION) {
                negationStopped = true;
            } else if (t == CueType.STOP || !t.forward) {
                return null;
            } else if (negationStopped && (t.negation() || t == CueType.PSEUDO)) {
                return null;
            } else {
                return c;
            }
        }
        return null;
    }

    private static boolean clear(String[] tokens, int from, int to, String... barriers) {
        for (int i = from; i < to; i++) {
            for (String b : barriers) {
                if (tokens[i].equals(b)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String span(String[] tokens, int from, int to) {
        return String.join(" ", Arrays.asList(tokens).subList(from, to));
    }
}
