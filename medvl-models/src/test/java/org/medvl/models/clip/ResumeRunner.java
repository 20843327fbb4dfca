package org.medvl.models.clip;

import java.nio.file.Path;
import java.util.List;

/**
 * A tiny training run in its own JVM, for the kill -9 / --resume test: {@code ResumeRunner RUN_DIR resume|fresh
 * STEP_DELAY_MS}. The delay slows each step so the test can kill the process mid-run.
 */
public final class ResumeRunner {
    private ResumeRunner() {
    }

    static final int EPOCHS = 4;
    static final int CHECKPOINT_EVERY = 3;

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        boolean resume = args[1].equals("resume");
        long delay = Long.parseLong(args[2]);
        SyntheticPairs train = new SyntheticPairs(64, 1);
        SyntheticPairs val = new SyntheticPairs(16, 2);
        ClipTrainer trainer = new ClipTrainer(SyntheticPairs.tinyConfig(),
                SyntheticPairs.options(EPOCHS, CHECKPOINT_EVERY, 11), train.images);
        trainer.train(train.examples, val.examples, run, resume, (step, loss) -> {
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("DONE " + List.of(run));
    }
}
