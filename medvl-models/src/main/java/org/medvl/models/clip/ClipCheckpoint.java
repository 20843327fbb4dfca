package org.medvl.models.clip;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.train.AugmentConfig;

/**
 * A CLIP checkpoint directory read back: the rebuilt model with its weights, the tokenizer, the image preprocessing
 * and the training state.
 */
public record ClipCheckpoint(Path dir, ClipModel model, WordPieceTokenizer tokenizer, JsonNode preprocess,
                             TrainingState state) {

    /** The image pipeline the model was trained with, rebuilt from preprocess.json. */
    public org.medvl.models.train.PipelineImages images() {
        return org.medvl.models.train.PipelineImages.fromJson(preprocess, dir.resolve(Checkpoints.PREPROCESS).toString());
    }

    /** The template the training texts were built from, or null for a checkpoint without a training state. */
    public String textTemplate() {
        return state == null || state.options() == null ? null : state.options().textTemplate();
    }

    /** The augmentation the model was trained with, or null for a checkpoint without a training state. */
    public AugmentConfig augment() {
        return state == null || state.options() == null ? null : state.options().augment();
    }

    public static ClipCheckpoint read(Path dir, NDManager manager) {
        if (ClipEnsemble.isEnsemble(dir)) {
            throw new MedvlException(dir + " is an ensemble of CLIP models, not one checkpoint; "
                    + "use one of its member directories here");
        }
        Checkpoints.require(dir, Checkpoints.CONFIG, Checkpoints.WEIGHTS, Checkpoints.TOKENIZER,
                Checkpoints.PREPROCESS);
        ClipConfig config = Checkpoints.json(dir, Checkpoints.CONFIG, ClipConfig.class);
        WordPieceTokenizer tokenizer = Checkpoints.tokenizer(dir);
        if (tokenizer.vocabSize() != config.text().vocabSize()) {
            throw new MedvlException(dir.resolve(Checkpoints.TOKENIZER) + ": vocabulary has "
                    + tokenizer.vocabSize() + " tokens, config.json says " + config.text().vocabSize());
        }
        ClipModel model = new ClipModel(config);
        model.initialize(manager);
        Checkpoints.loadWeights(dir, model, manager);
        TrainingState state = java.nio.file.Files.exists(dir.resolve(Checkpoints.TRAINING))
                ? Checkpoints.json(dir, Checkpoints.TRAINING, TrainingState.class) : null;
        return new ClipCheckpoint(dir, model, tokenizer, Checkpoints.tree(dir, Checkpoints.PREPROCESS), state);
    }
}
