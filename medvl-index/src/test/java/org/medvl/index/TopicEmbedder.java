package org.medvl.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.medvl.models.api.ImageEmbedder;

/**
 * A deterministic stand-in for a CLIP model. "Images" are small text files {@code topic=brain seed=3}: the embedding
 * is the topic's centre plus a little seeded noise, so images of one topic are each other's nearest neighbours. A
 * text embeds to the centre of the first topic word it contains. Files that say {@code fail} throw, to simulate an
 * unreadable image.
 */
final class TopicEmbedder implements ImageEmbedder {
    static final List<String> TOPICS = List.of("brain", "chest", "liver", "knee", "spine");
    private final int dim;
    private final String name;
    final AtomicInteger imagesEmbedded = new AtomicInteger();

    TopicEmbedder() {
        this("topic-test", 16);
    }

    TopicEmbedder(String name, int dim) {
        this.name = name;
        this.dim = dim;
    }

    /** Writes an image file for {@code topic} with noise seed {@code seed}. */
    static Path image(Path dir, String id, String topic, int seed) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(id + ".img"), "topic=" + topic + " seed=" + seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public float[] embedImage(Path image) {
        String s;
        try {
            s = Files.readString(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (s.contains("fail")) {
            throw new org.medvl.core.MedvlException("cannot decode " + image);
        }
        imagesEmbedded.incrementAndGet();
        String topic = s.replaceAll(".*topic=(\\w+).*", "$1");
        int seed = Integer.parseInt(s.replaceAll(".*seed=(\\d+).*", "$1"));
        float[] v = centre(topic);
        SplittableRandom r = new SplittableRandom(seed * 31L + topic.hashCode());
        for (int i = 0; i < dim; i++) {
            v[i] += (float) (0.15 * r.nextGaussian());
        }
        return unit(v);
    }

    @Override
    public float[] embedText(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String topic : TOPICS) {
            if (t.contains(topic)) {
                return unit(centre(topic));
            }
        }
        SplittableRandom r = new SplittableRandom(t.hashCode());
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return unit(v);
    }

    private float[] centre(String topic) {
        SplittableRandom r = new SplittableRandom(topic.hashCode());
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return unit(v);
    }

    private static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        if (s == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(s);
        }
        return v;
    }
}
