package org.medvl.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.medvl.core.MedvlException;

/**
 * Holds out whole cases of a training set as validation data for choosing the best epoch, so that the split whose
 * numbers are reported (e.g. MedPix dev) plays no part in training decisions. Images of one case are near copies
 * (adjacent slices, one report), so a case must never straddle the split: the case is the id's part before the
 * first '_' (MedPix "MPX1106_synpic45737" -> "MPX1106"), or the whole id when there is none (a case-level example's
 * id is its case). Used by CLIP and report training alike.
 */
public final class CaseHoldout {
    private CaseHoldout() {
    }

    public record Split<T>(List<T> train, List<T> validation) {
    }

    /** The case an example id belongs to: the part before the first '_', or the whole id. */
    public static String caseOf(String id) {
        int cut = id.indexOf('_');
        return cut > 0 ? id.substring(0, cut) : id;
    }

    /**
     * A seeded choice of about {@code fraction} of the cases; example order is kept within each side.
     *
     * @param id the example's id, whose {@link #caseOf case} decides its side
     */
    public static <T> Split<T> split(List<T> examples, Function<? super T, String> id, double fraction, long seed) {
        List<T> train = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        long threshold = (long) (fraction * (1L << 53));
        for (T e : examples) {
            long h = Seeds.derive(seed, caseOf(id.apply(e)).hashCode(), 0x5EEDL) >>> 11; // uniform in [0, 2^53)
            (h < threshold ? validation : train).add(e);
        }
        if (validation.isEmpty() || train.isEmpty()) {
            throw new MedvlException("holding out " + fraction + " of the cases leaves " + train.size()
                    + " training and " + validation.size() + " validation examples: choose another fraction");
        }
        return new Split<>(List.copyOf(train), List.copyOf(validation));
    }
}
