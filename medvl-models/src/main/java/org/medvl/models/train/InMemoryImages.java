package org.medvl.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medvl.core.MedvlException;

/**
 * Pre-decoded tensors held in memory: the loader-free reference the training benchmark compares the real pipeline
 * with, and the source tests use for images they synthesise. {@link #cache} decodes every image once up front.
 */
public final class InMemoryImages implements ImageTensors {
    private final Map<Path, float[]> tensors;
    private final int channels;
    private final int size;
    private final JsonNode description;

    public InMemoryImages(Map<Path, float[]> tensors, int channels, int size, JsonNode description) {
        this.tensors = Map.copyOf(tensors);
        this.channels = channels;
        this.size = size;
        this.description = description;
        for (Map.Entry<Path, float[]> e : this.tensors.entrySet()) {
            if (e.getValue().length != channels * size * size) {
                throw new IllegalArgumentException("tensor of " + e.getKey() + " has " + e.getValue().length
                        + " values, expected " + channels * size * size);
            }
        }
    }

    /** Decodes every image once with {@code source}, in parallel. */
    public static InMemoryImages cache(ImageTensors source, java.util.Collection<Path> images) {
        Map<Path, float[]> map = new ConcurrentHashMap<>();
        images.parallelStream().distinct().forEach(p -> map.put(p, source.load(p)));
        return new InMemoryImages(map, source.channels(), source.size(), source.describe());
    }

    @Override
    public float[] load(Path image) {
        float[] t = tensors.get(image);
        if (t == null) {
            throw new MedvlException("image " + image + " was not pre-decoded");
        }
        return t.clone();
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public JsonNode describe() {
        return description;
    }
}
