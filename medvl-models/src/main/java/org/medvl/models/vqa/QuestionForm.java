package org.medvl.models.vqa;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a question reads as closed (yes/no or a choice): it starts with an auxiliary or modal verb. The majority
 * baseline needs the answer type at prediction time, where only the question is known; datasets label it
 * themselves, and medvl reports how often this rule agrees with their labels (docs/notes/issue-9.md).
 */
public final class QuestionForm {
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "do", "does", "did", "can",
            "could", "has", "have", "had", "will", "would", "should", "shall", "may", "might", "must", "isn't",
            "aren't", "doesn't", "don't", "wasn't");

    private QuestionForm() {
    }

    public static boolean looksClosed(String question) {
        String q = question.trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < q.length() && (Character.isLetter(q.charAt(end)) || q.charAt(end) == '\'')) {
            end++;
        }
        return AUXILIARIES.contains(q.substring(0, end));
    }
}
