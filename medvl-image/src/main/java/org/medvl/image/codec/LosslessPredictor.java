package org.medvl.image.codec;

/** The seven lossless JPEG predictors of ITU-T T.81 Table H.1, shared by {@link JpegDecoder} and the encoder. */
final class LosslessPredictor {
    private LosslessPredictor() {
    }

    /** Prediction from the left (ra), above (rb) and above-left (rc) samples with selection value 1..7. */
    static int predict(int selection, int ra, int rb, int rc) {
        switch (selection) {
            case 1: return ra;
            case 2: return rb;
            case 3: return rc;
            case 4: return ra + rb - rc;
            case 5: return ra + ((rb - rc) >> 1);
            case 6: return rb + ((ra - rc) >> 1);
            default: return (ra + rb) >> 1;
        }
    }
}
