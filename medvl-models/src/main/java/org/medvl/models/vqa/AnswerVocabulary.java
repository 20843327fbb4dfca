package org.medvl.models.vqa;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medvl.core.record.VqaItem;
import org.medvl.metrics.vqa.VqaMetrics;

/**
 * The answers a classification VQA model can give: every training answer seen at least {@code minCount} times (the
 * standard protocol for VQA-RAD, SLAKE and PathVQA). Answers are matched after the same normalisation the VQA
 * metrics use, so "Yes" and "yes." are one class; each class keeps its most frequent spelling for display.
 * Stored as answers.json: the class labels in class-index order (most frequent first, ties by text) and their
 * training frequencies.
 */
public final class AnswerVocabulary {
    public static final String FILE = "answers.json";
    private final List<String> answers;
    private final List<Integer> counts;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    @JsonCreator
    public AnswerVocabulary(@JsonProperty("answers") List<String> answers,
                            @JsonProperty("counts") List<Integer> counts) {
        if (answers == null || counts == null || answers.size() != counts.size() || answers.isEmpty()) {
            throw new IllegalArgumentException("answer vocabulary needs one count per answer and at least one answer");
        }
        this.answers = List.copyOf(answers);
        this.counts = List.copyOf(counts);
        for (int i = 0; i < this.answers.size(); i++) {
            index.putIfAbsent(key(this.answers.get(i)), i);
        }
    }

    @JsonProperty("answers")
    public List<String> answers() {
        return answers;
    }

    @JsonProperty("counts")
    public List<Integer> counts() {
        return counts;
    }

    public static AnswerVocabulary build(List<VqaItem> items, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (VqaItem it : items) {
            String key = key(it.answer());
            if (key.isEmpty()) {
                continue;
            }
            counts.merge(key, 1, Integer::sum);
            spellings.computeIfAbsent(key, k -> new HashMap<>())
                    .merge(it.answer().trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>(counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount).toList());
        kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> labels = new ArrayList<>();
        List<Integer> freq = new ArrayList<>();
        for (Map.Entry<String, Integer> e : kept) {
            labels.add(spellings.get(e.getKey()).entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey());
            freq.add(e.getValue());
        }
        if (labels.isEmpty()) {
            throw new org.medvl.core.MedvlException("no training answer occurs at least " + minCount
                    + " times: nothing to learn (lower --min-answer-count)");
        }
        return new AnswerVocabulary(labels, freq);
    }

    /** The normalised form answers are matched by. */
    public static String key(String answer) {
        return VqaMetrics.normalize(answer);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public int size() {
        return answers.size();
    }

    /** Class index of an answer, or -1 when it is outside the vocabulary. */
    public int indexOf(String answer) {
        return index.getOrDefault(key(answer), -1);
    }

    public String answer(int index) {
        return answers.get(index);
    }
}
