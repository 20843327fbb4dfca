package org.medvl.models.clip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.medvl.core.MedvlException;

/**
 * Embeds with every member of a {@link ClipEnsemble} and concatenates the members' unit vectors, each scaled by
 * 1/sqrt(n): the result is again a unit vector, and the dot product of two of them is the mean of the members'
 * cosine similarities, so retrieval and zero-shot code need no ensemble-specific path.
 */
public final class EnsembleClipEncoder implements ClipEncoder {
    private final List<ClipEncoder> members;
    private final String textTemplate;

    /** Takes ownership of {@code members}; they must share a training text template (or all have none). */
    public EnsembleClipEncoder(List<ClipEncoder> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        String template = members.get(0).textTemplate();
        for (ClipEncoder m : members) {
            if (!Objects.equals(template, m.textTemplate())) {
                members.forEach(ClipEncoder::close);
                throw new MedvlException("ensemble members were trained with different text templates ('" + template
                        + "' and '" + m.textTemplate() + "'); one query format cannot serve them all");
            }
        }
        this.members = List.copyOf(members);
        this.textTemplate = template;
    }

    /** Opens every member directory of the ensemble in {@code dir}, each embedding images over {@code imageViews}. */
    public static EnsembleClipEncoder open(Path dir, int imageViews) {
        List<ClipEncoder> opened = new ArrayList<>();
        try {
            for (Path member : ClipEnsemble.members(dir)) {
                opened.add(ClipEncoders.open(member, imageViews));
            }
        } catch (RuntimeException e) {
            opened.forEach(ClipEncoder::close);
            throw e;
        }
        return new EnsembleClipEncoder(opened);
    }

    public int size() {
        return members.size();
    }

    @Override
    public float[][] embedImages(List<Path> images) {
        return concat(images.size(), m -> m.embedImages(images));
    }

    @Override
    public float[][] embedTexts(List<String> texts) {
        return concat(texts.size(), m -> m.embedTexts(texts));
    }

    private float[][] concat(int rows, Function<ClipEncoder, float[][]> embed) {
        float scale = (float) (1 / Math.sqrt(members.size()));
        List<float[][]> parts = new ArrayList<>();
        int width = 0;
        for (ClipEncoder m : members) {
            float[][] e = embed.apply(m);
            parts.add(e);
            width += rows == 0 ? 0 : e[0].length;
        }
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            int at = 0;
            for (float[][] p : parts) {
                for (float v : p[r]) {
                    out[r][at++] = v * scale;
                }
            }
        }
        return out;
    }

    /** The mean of the members' logit scales, for softmax probabilities over mean similarities. */
    @Override
    public float logitScale() {
        double sum = 0;
        for (ClipEncoder m : members) {
            sum += m.logitScale();
        }
        return (float) (sum / members.size());
    }

    @Override
    public String textTemplate() {
        return textTemplate;
    }

    @Override
    public void close() {
        members.forEach(ClipEncoder::close);
    }
}
