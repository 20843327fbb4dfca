package org.medvl.models.vqa;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.core.record.VqaItem;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;

/**
 * The majority baseline: the most frequent training answer of each answer type (closed, open). The type of a new
 * question is read from its form ({@link QuestionForm}); the image is never looked at. Stored as majority.json.
 *
 * @param closed      the most frequent answer of closed training questions ("" when there were none)
 * @param closedShare its share of the closed training questions
 * @param open        the most frequent answer of open training questions ("" when there were none)
 * @param openShare   its share of the open training questions
 */
public record MajorityBaseline(String closed, double closedShare, String open, double openShare) {
    public static final String FILE = "majority.json";

    @JsonCreator
    public MajorityBaseline(@JsonProperty("closed") String closed, @JsonProperty("closedShare") double closedShare,
                            @JsonProperty("open") String open, @JsonProperty("openShare") double openShare) {
        this.closed = closed == null ? "" : closed;
        this.closedShare = closedShare;
        this.open = open == null ? "" : open;
        this.openShare = openShare;
    }

    public static MajorityBaseline fit(List<VqaItem> items) {
        Map<String, Integer> closedCounts = new HashMap<>();
        Map<String, Integer> openCounts = new HashMap<>();
        for (VqaItem it : items) {
            String a = AnswerVocabulary.key(it.answer());
            if (!a.isEmpty()) {
                (it.isClosed() ? closedCounts : openCounts).merge(a, 1, Integer::sum);
            }
        }
        if (closedCounts.isEmpty() && openCounts.isEmpty()) {
            throw new MedvlException("no training question has a non-empty answer");
        }
        Map.Entry<String, Integer> c = top(closedCounts);
        Map.Entry<String, Integer> o = top(openCounts);
        return new MajorityBaseline(c == null ? "" : c.getKey(), share(c, closedCounts), o == null ? "" : o.getKey(),
                share(o, openCounts));
    }

    private static Map.Entry<String, Integer> top(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElse(null);
    }

    private static double share(Map.Entry<String, Integer> top, Map<String, Integer> counts) {
        return top == null ? 0 : (double) top.getValue() / counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The answer for a question of the given form; falls back to the other type when one type had no data. */
    public ModelAnswer answer(boolean closedForm) {
        boolean useClosed = closedForm ? !closed.isEmpty() : open.isEmpty();
        String text = useClosed ? closed : open;
        double p = useClosed ? closedShare : openShare;
        return new ModelAnswer(text, p, List.of(new ModelAnswer.Alternative(text, p)));
    }

    /** This baseline as a question answerer. */
    public QuestionAnswerer answerer(Path dir) {
        String name = "medvl-majority:" + VqaModel.displayName(dir);
        return new QuestionAnswerer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ModelAnswer answer(VisualQuestion q) {
                if (q.question() == null || q.question().isBlank()) {
                    throw new MedvlException("the question is empty");
                }
                return MajorityBaseline.this.answer(QuestionForm.looksClosed(q.question()));
            }
        };
    }
}
