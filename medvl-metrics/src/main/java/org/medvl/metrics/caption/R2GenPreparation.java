package org.medvl.metrics.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.medvl.core.text.R2GenCleaner;

/**
 * The text preparation of R2Gen's evaluation (and the papers that reuse it): R2Gen's report cleaning on both sides
 * ({@link R2GenCleaner});
 * optionally, references mapped through the training vocabulary (words seen fewer than {@code threshold} times in
 * the training reports become {@code <unk>}) and cut to the model's maximum sequence length, which counts the BOS
 * token (so {@code maxLength} 60 keeps 59 words), as R2Gen's decoded ground truths are.
 */
public final class R2GenPreparation {
    /** Which of R2Gen's two cleaning functions. */
    public enum Dataset {
        IU(R2GenCleaner::cleanIu, 3, 60), MIMIC(R2GenCleaner::cleanMimic, 10, 100);

        final UnaryOperator<String> cleaning;
        /** R2Gen's published vocabulary threshold and maximum sequence length for this dataset. */
        public final int threshold;
        public final int maxLength;

        Dataset(UnaryOperator<String> cleaning, int threshold, int maxLength) {
            this.cleaning = cleaning;
            this.threshold = threshold;
            this.maxLength = maxLength;
        }
    }

    private final Dataset dataset;
    private final UnaryOperator<String> cleaner;
    private final Set<String> vocabulary;
    private final int threshold;
    private final int maxLength;

    private R2GenPreparation(Dataset dataset, UnaryOperator<String> cleaner, Set<String> vocabulary, int threshold,
            int maxLength) {
        this.dataset = dataset;
        this.cleaner = cleaner;
        this.vocabulary = vocabulary;
        this.threshold = threshold;
        this.maxLength = maxLength;
    }

    /** IU X-ray cleaning, no vocabulary mapping, no truncation. */
    public static R2GenPreparation iu() {
        return of(Dataset.IU);
    }

    public static R2GenPreparation of(Dataset dataset) {
        return new R2GenPreparation(dataset, null, null, 0, 0);
    }

    /** The same with a custom cleaner (tests, or a dataset R2Gen never covered). */
    public R2GenPreparation withCleaner(UnaryOperator<String> custom) {
        return new R2GenPreparation(dataset, custom, vocabulary, threshold, maxLength);
    }

    /** Builds the vocabulary from training reports as R2Gen does: cleaned, split on whitespace, count >= threshold. */
    public R2GenPreparation withVocabulary(List<String> trainingReports, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("vocabulary threshold must be at least 1, got " + minCount);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String report : trainingReports) {
            for (String w : PyStrings.splitWhitespace(clean(report))) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        Set<String> vocab = new java.util.HashSet<>();
        counts.forEach((w, c) -> {
            if (c >= minCount) {
                vocab.add(w);
            }
        });
        return new R2GenPreparation(dataset, cleaner, Set.copyOf(vocab), minCount, maxLength);
    }

    /** Cuts references to {@code length - 1} words (the length counts R2Gen's BOS token); 0 means no cut. */
    public R2GenPreparation withMaxLength(int length) {
        if (length < 0 || length == 1) {
            throw new IllegalArgumentException("max length must be 0 (none) or at least 2, got " + length);
        }
        return new R2GenPreparation(dataset, cleaner, vocabulary, threshold, length);
    }

    String describe() {
        return "R2Gen " + dataset.name().toLowerCase(java.util.Locale.ROOT) + " cleaning, no PTB"
                + (vocabulary == null ? ", no vocabulary mapping"
                        : ", references mapped to <unk> outside a " + vocabulary.size() + "-word vocabulary (count >= "
                                + threshold + ")")
                + (maxLength == 0 ? ", no truncation" : ", references cut to " + (maxLength - 1) + " words");
    }

    List<String> hypotheses(List<String> hyps) {
        List<String> out = new ArrayList<>(hyps.size());
        hyps.forEach(h -> out.add(clean(h)));
        return out;
    }

    List<List<String>> references(List<List<String>> refs) {
        List<List<String>> out = new ArrayList<>(refs.size());
        for (List<String> item : refs) {
            List<String> one = new ArrayList<>(item.size());
            item.forEach(r -> one.add(reference(r)));
            out.add(one);
        }
        return out;
    }

    private String reference(String text) {
        String cleaned = clean(text);
        if (vocabulary == null && maxLength == 0) {
            return cleaned;
        }
        String[] words = PyStrings.splitWhitespace(cleaned);
        if (maxLength > 0 && words.length > maxLength - 1) {
            words = Arrays.copyOf(words, maxLength - 1);
        }
        if (vocabulary != null) {
            for (int i = 0; i < words.length; i++) {
                if (!vocabulary.contains(words[i])) {
                    words[i] = "<unk>";
                }
            }
        }
        return String.join(" ", words);
    }

    private String clean(String text) {
        return (cleaner != null ? cleaner : dataset.cleaning).apply(text);
    }
}
