package org.medvl.cli.train;

import java.util.List;
import java.util.function.Function;
import org.medvl.core.MedvlException;
import org.medvl.models.train.CaseHoldout;
import picocli.CommandLine.Option;

/**
 * Best-epoch selection options shared by {@code medvl train clip} and {@code medvl train report}: validation data
 * held out from the training cases ({@code --val-fraction}, so that the split whose numbers are reported plays no
 * part in choosing the model) and early stopping ({@code --patience}).
 */
public final class HoldoutOptions {
    @Option(names = "--val-fraction", defaultValue = "0", paramLabel = "F",
            description = "Hold out this fraction of the training cases (ids grouped by the part before '_', e.g. "
                    + "MPX1106; a case-level example is its case) as the validation set that picks the best epoch "
                    + "(OUT/best), instead of --val, so the evaluation split stays unseen (default ${DEFAULT-VALUE})")
    double valFraction;

    @Option(names = "--val-seed", paramLabel = "SEED",
            description = "Seed of the --val-fraction split (default: --seed), so runs of different seeds, such as "
                    + "the members of an ensemble, can hold out the same cases")
    Long valSeed;

    @Option(names = "--patience", defaultValue = "0", paramLabel = "EPOCHS",
            description = "Stop once this many epochs have passed since the best validation score (0: train all "
                    + "epochs). With validation data the best epoch's model is always kept in OUT/best")
    int patience;

    /** Refuses out-of-range values, and {@code --val-fraction} together with a {@code --val} ({@code val} non-null). */
    void check(String val) {
        if (valFraction < 0 || valFraction >= 1) {
            throw new MedvlException("--val-fraction must be in [0, 1), got " + valFraction);
        }
        if (valFraction > 0 && val != null) {
            throw new MedvlException("--val-fraction and --val both choose the validation set: pass one");
        }
        if (patience < 0) {
            throw new MedvlException("--patience must be >= 0, got " + patience);
        }
    }

    /**
     * With {@code --val-fraction}, the training examples split by case into training and validation, the count of
     * cases reported on {@code log}; without it, {@code train} and {@code validation} as given.
     */
    <T> CaseHoldout.Split<T> split(List<T> train, List<T> validation, Function<? super T, String> id, long seed,
                                   java.io.PrintWriter log) {
        if (valFraction <= 0) {
            return new CaseHoldout.Split<>(train, validation);
        }
        CaseHoldout.Split<T> split = CaseHoldout.split(train, id, valFraction, valSeed == null ? seed : valSeed);
        long held = cases(split.validation(), id);
        log.printf("holding out %d of %d training cases (%,d examples) for validation%n", held,
                held + cases(split.train(), id), split.validation().size());
        log.flush();
        return split;
    }

    private static <T> long cases(List<T> examples, Function<? super T, String> id) {
        return examples.stream().map(e -> CaseHoldout.caseOf(id.apply(e))).distinct().count();
    }
}
