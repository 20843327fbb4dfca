package org.medvl.models.train;

/**
 * Linear warm-up followed by cosine decay (Goyal et al. 2017 for warm-up; Loshchilov and Hutter 2017, SGDR, for
 * the cosine), the schedule CLIP trains with.
 *
 * @param peak        the rate reached at the end of warm-up
 * @param minimum     the rate at the last step
 * @param warmupSteps steps of linear warm-up from 0
 * @param totalSteps  all steps of the run
 */
public record LearningRateSchedule(float peak, float minimum, long warmupSteps, long totalSteps) {
    public LearningRateSchedule {
        if (!(peak > 0) || minimum < 0 || warmupSteps < 0 || totalSteps <= 0) {
            throw new IllegalArgumentException("learning rate schedule needs a positive rate and step count");
        }
    }

    /** The rate for 0-based {@code step}. */
    public float at(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        long span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
        return (float) (minimum + 0.5 * (peak - minimum) * (1 + Math.cos(Math.PI * progress)));
    }
}
