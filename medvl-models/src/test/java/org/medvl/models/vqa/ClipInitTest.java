package org.medvl.models.vqa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.models.clip.ClipEncoderTransfer;
import org.medvl.core.MedvlException;
import org.medvl.models.checkpoint.CheckpointWriter;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.clip.ClipConfig;
import org.medvl.models.clip.ClipModel;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.tokenizer.WordPieceTrainer;

class ClipInitTest {
    @TempDir
    Path tmp;

    @Test
    void copiesTheClipImageEncoderAndRefusesAnotherArchitecture() {
        VqaTrainOptions options = SyntheticVqa.tiny("network", 1, 0, 1);
        WordPieceTokenizer tok = new WordPieceTrainer(30, 1).train(List.of("a chest film", "a head scan"));
        ClipConfig clip = new ClipConfig(ImageEncoderConfig.resnet(options.imageWidth(), options.imageDepth()),
                new TextEncoderConfig(tok.vocabSize(), 8, 16, 1, 2, 0f), options.imageSize(), 1, 16, 0.07f);
        var images = VqaTrainer.pipeline(options);
        try (NDManager m = NDManager.newBaseManager()) {
            ClipModel model = new ClipModel(clip);
            model.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            model.initialize(m);
            Path dir = tmp.resolve("clip");
            new CheckpointWriter().weights(model).tokenizer(tok).json(Checkpoints.CONFIG, clip)
                    .json(Checkpoints.PREPROCESS, images.describe()).commit(dir);

            VqaConfig config = options.architecture().withSizes(tok.vocabSize(), 3);
            VqaNetwork network = new VqaNetwork(config);
            network.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            network.initialize(m);
            ClipEncoderTransfer.copy(dir, network.imageEncoder(), network.config().image(), network.config().imageSize(), network.config().channels(), images, m, "VQA model");
            var expected = model.imageEncoder().getParameters();
            var actual = network.imageEncoder().getParameters();
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).getValue().getArray().toFloatArray(),
                        actual.get(i).getValue().getArray().toFloatArray(), expected.get(i).getKey());
            }

            VqaNetwork wider = new VqaNetwork(options.withImage(options.imageSize() * 2, 1).architecture()
                    .withSizes(tok.vocabSize(), 3));
            wider.initialize(m);
            MedvlException e = assertThrows(MedvlException.class,
                    () -> ClipEncoderTransfer.copy(dir, wider.imageEncoder(), wider.config().image(), wider.config().imageSize(), wider.config().channels(), images, m, "VQA model"));
            assertTrue(e.getMessage().contains("differs"), e.getMessage());
        }
    }
}
