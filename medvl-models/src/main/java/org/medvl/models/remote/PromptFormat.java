package org.medvl.models.remote;

import org.medvl.models.api.VisualQuestion;

/** How a question is put to a chat model: the question, then lettered options for multiple choice. */
final class PromptFormat {
    private PromptFormat() {
    }

    static String question(VisualQuestion q) {
        if (q.options().isEmpty()) {
            return q.question();
        }
        StringBuilder sb = new StringBuilder(q.question()).append("\nOptions:");
        var letters = OpenAiChatClient.optionLetters(q.options().size());
        for (int i = 0; i < q.options().size(); i++) {
            sb.append('\n').append(letters.get(i)).append(". ").append(q.options().get(i));
        }
        return sb.append("\nAnswer with the option's text.").toString();
    }
}
