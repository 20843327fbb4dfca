package org.medvl.models.clip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medvl.core.vector.UnitVectors;
import org.medvl.models.api.ImageEmbedder;
import org.medvl.models.api.ZeroShotClassifier;
import org.medvl.models.api.Softmax;

/**
 * Presents a CLIP-style {@link ClipEncoder} as the api's {@link ImageEmbedder} and {@link ZeroShotClassifier}, with a
 * batch entry point the server's micro-batcher uses: the images of a batch go through the image encoder together.
 * A label is scored by the mean embedding of a few prompt templates (a prompt ensemble, Radford et al. 2021); label
 * embeddings are cached because the page asks about the same findings again and again.
 */
public final class ClipAdapter implements ImageEmbedder, ZeroShotClassifier {
    /** Prompt templates; "{}" is the label. */
    static final List<String> TEMPLATES = List.of("{}", "a radiograph showing {}", "findings consistent with {}");
    private static final int CACHE_LIMIT = 4096;
    private final String name;
    private final ClipEncoder encoder;
    private final int dimension;
    private final Map<String, float[]> labelCache = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public ClipAdapter(String name, ClipEncoder encoder) {
        this.name = name;
        this.encoder = encoder;
        this.dimension = encoder.embedTexts(List.of("dimension probe"))[0].length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embedImage(Path image) {
        return encoder.embedImages(List.of(image))[0];
    }

    @Override
    public float[] embedText(String text) {
        return encoder.embedTexts(List.of(text))[0];
    }

    @Override
    public List<LabelScore> classify(Path image, List<String> labels) {
        return classifyAll(List.of(image), List.of(labels)).get(0);
    }

    /** Classifies several images at once, each against its own labels; one image-encoder pass for all. */
    public List<List<LabelScore>> classifyAll(List<Path> images, List<List<String>> labels) {
        float[][] emb = encoder.embedImages(images);
        float scale = encoder.logitScale();
        List<List<LabelScore>> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            List<String> ls = labels.get(i);
            double[] logits = new double[ls.size()];
            for (int c = 0; c < ls.size(); c++) {
                logits[c] = scale * dot(emb[i], labelEmbedding(ls.get(c)));
            }
            out.add(Softmax.ranked(ls, logits));
        }
        return out;
    }

    private float[] labelEmbedding(String label) {
        float[] cached = labelCache.get(label);
        if (cached != null) {
            return cached;
        }
        float[][] e = encoder.embedTexts(TEMPLATES.stream().map(t -> t.replace("{}", label)).toList());
        float[] mean = UnitVectors.meanDirection(e);
        if (labelCache.size() >= CACHE_LIMIT) {
            labelCache.clear(); // labels are free text: keep the cache bounded
        }
        labelCache.put(label, mean);
        return mean;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            encoder.close();
        }
    }
}
