package org.medvl.models.clip;

import java.util.ArrayList;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.models.train.Seeds;

/**
 * Holds out whole cases of a training set as validation data for choosing the best epoch, so that the split whose
 * numbers are reported (e.g. MedPix dev) plays no part in training decisions. Images of one case are near copies
 * (adjacent slices, one report), so a case must never straddle the split: the case is the id's part before the
 * first '_' (MedPix "MPX1106_synpic45737" -> "MPX1106"), or the whole id when there is none.
 */
public final class CaseHoldout {
    private CaseHoldout() {
    }

    public record Split(List<ClipExample> train, List<ClipExample> validation) {
    }

    /** A seeded choice of about {@code fraction} of the cases; example order is kept within each side. */
    public static Split split(List<ClipExample> examples, double fraction, long seed) {
        List<ClipExample> train = new ArrayList<>();
        List<ClipExample> validation = new ArrayList<>();
        long threshold = (long) (fraction * (1L << 53));
        for (ClipExample e : examples) {
            String id = e.id();
            int cut = id.indexOf('_');
            String caseId = cut > 0 ? id.substring(0, cut) : id;
            long h = Seeds.derive(seed, caseId.hashCode(), 0x5EEDL) >>> 11; // uniform in [0, 2^53)
            (h < threshold ? validation : train).add(e);
        }
        if (validation.isEmpty() || train.isEmpty()) {
            throw new MedvlException("holding out " + fraction + " of the cases leaves " + train.size()
                    + " training and " + validation.size() + " validation pairs: choose another fraction");
        }
        return new Split(List.copyOf(train), List.copyOf(validation));
    }
}
