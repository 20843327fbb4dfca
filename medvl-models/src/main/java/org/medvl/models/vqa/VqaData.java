package org.medvl.models.vqa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.core.record.VqaItem;
import org.medvl.data.Dataset;
import org.medvl.data.Datasets;
import org.medvl.models.train.Seeds;

/** Loads the VQA items of a dataset spec ({@code NAME:PATH#split}) and splits off image-disjoint held-out parts. */
public final class VqaData {
    private VqaData() {
    }

    /** Which part of an image-disjoint split to keep. */
    public enum Part { REST, HELD_OUT }

    /** @param limit at most this many items (in dataset order), 0 for all */
    public static List<VqaItem> load(String spec, int limit) {
        Dataset ds = Datasets.open(spec);
        List<VqaItem> out;
        try (Stream<VqaItem> items = ds.vqaItems()) {
            Stream<VqaItem> s = items.filter(i -> !i.question().isBlank());
            out = (limit > 0 ? s.limit(limit) : s).toList();
        }
        if (out.isEmpty()) {
            throw new MedvlException("dataset " + spec + " has no VQA questions"
                    + (ds.problemCount() > 0 ? " (" + ds.problemCount() + " problems, first: " + ds.problems().get(0)
                    + ")" : ""));
        }
        return out;
    }

    /**
     * An image-disjoint split: the images are ordered by a hash of (seed, image file name) and the first
     * {@code fraction} of them (rounded, at least one) are held out with all their questions. Depends only on the
     * seed and the set of images, not on item order.
     */
    public static List<VqaItem> imageDisjoint(List<VqaItem> items, double fraction, long seed, Part part) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new MedvlException("held-out fraction must be between 0 and 1, got " + fraction);
        }
        List<String> images = new ArrayList<>(new HashSet<>(items.stream().map(i -> i.image().path()).toList()));
        if (images.size() < 2) {
            throw new MedvlException("an image-disjoint split needs at least 2 images, the data has " + images.size());
        }
        images.sort(Comparator.comparingLong((String p) -> Seeds.derive(seed, java.nio.file.Path.of(p).getFileName().toString().hashCode()))
                .thenComparing(Comparator.naturalOrder()));
        int held = (int) Math.max(1, Math.min(images.size() - 1, Math.round(images.size() * fraction)));
        Set<String> heldOut = new HashSet<>(images.subList(0, held));
        return items.stream().filter(i -> heldOut.contains(i.image().path()) == (part == Part.HELD_OUT)).toList();
    }
}
