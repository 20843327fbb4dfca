package org.medvl.index;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.medvl.core.record.Split;

/**
 * A similar-case query: an image (a file the index's embedder reads, PNG/JPEG/DICOM as it supports, or a ready
 * embedding), a text, or both, with optional filters. Build one with {@link #builder()}.
 *
 * <p>Text is matched by BM25 over captions and reports, by the embedder's text encoder against image embeddings
 * (CLIP-style), or by both ({@link TextMode}). When more than one ranked list takes part, the lists are fused by
 * reciprocal rank fusion (see {@link RankFusion}).
 *
 * @param image       query image file, or null
 * @param imageVector query image embedding (L2-normalised by the index), or null; used instead of {@code image}
 * @param text        query text, or null
 * @param textMode    how text is matched
 * @param modalities  allowed modalities (case-insensitive), empty for all
 * @param bodyParts   allowed body parts (case-insensitive), empty for all
 * @param splits      allowed split ids ("train", "validation", "test", "unsplit"), empty for all
 * @param excludeIds  case ids never returned (e.g. the query image itself)
 * @param k           how many hits to return
 */
public record SimilarCaseQuery(Path image, float[] imageVector, String text, TextMode textMode,
                               Set<String> modalities, Set<String> bodyParts, Set<String> splits,
                               Set<String> excludeIds, int k) {
    /** How the text of a query is matched. */
    public enum TextMode {
        /** BM25 over caption, report and diagnosis text; needs no model. */
        BM25,
        /** The embedder's text encoder, matched against image embeddings by cosine (CLIP text-to-image). */
        EMBEDDING,
        /** Both, fused by reciprocal rank fusion. */
        BOTH
    }

    public SimilarCaseQuery {
        modalities = lower(modalities);
        bodyParts = lower(bodyParts);
        splits = normaliseSplits(splits);
        excludeIds = excludeIds == null ? Set.of() : Set.copyOf(excludeIds);
        textMode = textMode == null ? TextMode.BM25 : textMode;
        text = text == null || text.isBlank() ? null : text;
        if (k < 1 || k > 10_000) {
            throw new IllegalArgumentException("k must be between 1 and 10000, got " + k);
        }
        if (image == null && imageVector == null && text == null) {
            throw new IllegalArgumentException("a similar-case query needs an image, a text or both");
        }
    }

    public boolean hasImage() {
        return image != null || imageVector != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    static Set<String> lower(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> normaliseSplits(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                out.add(Split.parse(v).id());
            }
        }
        return Set.copyOf(out);
    }

    /** Builds a {@link SimilarCaseQuery}; every setter is optional except one of image, vector or text. */
    public static final class Builder {
        private Path image;
        private float[] imageVector;
        private String text;
        private TextMode textMode = TextMode.BM25;
        private final Set<String> modalities = new LinkedHashSet<>();
        private final Set<String> bodyParts = new LinkedHashSet<>();
        private final Set<String> splits = new LinkedHashSet<>();
        private final Set<String> excludeIds = new LinkedHashSet<>();
        private int k = 10;

        public Builder image(Path file) {
            this.image = file;
            return this;
        }

        public Builder imageVector(float[] vector) {
            this.imageVector = vector == null ? null : vector.clone();
            return this;
        }

        public Builder text(String query) {
            this.text = query;
            return this;
        }

        public Builder textMode(TextMode mode) {
            this.textMode = mode;
            return this;
        }

        public Builder modality(String... values) {
            modalities.addAll(java.util.Arrays.asList(values));
            return this;
        }

        public Builder bodyPart(String... values) {
            bodyParts.addAll(java.util.Arrays.asList(values));
            return this;
        }

        public Builder split(String... values) {
            splits.addAll(java.util.Arrays.asList(values));
            return this;
        }

        public Builder exclude(String... ids) {
            excludeIds.addAll(java.util.Arrays.asList(ids));
            return this;
        }

        public Builder k(int k) {
            this.k = k;
            return this;
        }

        public SimilarCaseQuery build() {
            return new SimilarCaseQuery(image, imageVector, text, textMode, modalities, bodyParts, splits, excludeIds,
                    k);
        }
    }
}
