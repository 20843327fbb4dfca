package org.medvl.models.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
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
import org.medvl.models.train.PipelineImages;

/** Vocabulary, network shapes and causality, and initialisation from a CLIP checkpoint. */
class ReportPartsTest {
    @TempDir
    Path tmp;

    @Test
    void vocabularyKeepsFrequentWordsAndRoundTrips() {
        WordVocabulary v = WordVocabulary.build(List.of("Mass in the left lung.", "No mass, no effusion.",
                "Mass in the T2-weighted image, 1.5 cm."), 2);
        assertEquals(List.of("mass", "in", "the", "left", "lung", ".", "t2-weighted", "1.5", "cm"),
                WordVocabulary.words("Mass in the left lung. T2-weighted 1.5 cm"));
        int[] ids = v.encode("Mass in the left lung, no effusion.", 20);
        assertEquals(WordVocabulary.UNK, ids[3], "'left' is seen once, below the minimum count");
        assertEquals("Mass in the, no.", v.decode(v.encode("mass in the lung , no .", 20)), "unknown words are dropped");
        v.save(tmp.resolve("v.json"));
        WordVocabulary back = WordVocabulary.load(tmp.resolve("v.json"));
        assertArrayEquals(ids, back.encode("Mass in the left lung, no effusion.", 20));
        assertEquals(3, v.encode("mass mass mass mass", 3).length);
    }

    @Test
    void decoderIsCausalAndStudiesAreMasked() {
        for (String decoder : List.of("transformer", "r2gen")) {
            ReportConfig c = SyntheticStudies.config(decoder).withVocabSize(20);
            try (NDManager m = NDManager.newBaseManager()) {
                ReportNetwork net = new ReportNetwork(c);
                net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
                net.initialize(m);
                ParameterStore ps = new ParameterStore(m, false);
                NDArray images = m.randomNormal(new Shape(4, 1, 32, 32));
                NDList memory = net.encode(ps, images, m.create(new float[] {1, 1, 1, 0}, new Shape(2, 2)), false);
                assertEquals(new Shape(2, 2 * c.gridTokens(), c.width()), memory.get(0).getShape());
                NDArray a = m.create(new long[] {1, 5, 6, 7}, new Shape(1, 4));
                NDArray b = m.create(new long[] {1, 5, 9, 9}, new Shape(1, 4));
                NDArray mem = memory.get(0).get("0:1");
                NDArray mask = memory.get(1).get("0:1");
                float[] la = net.logits(ps, a, mem, mask, false).get(":, 0:2, :").toFloatArray();
                float[] lb = net.logits(ps, b, mem, mask, false).get(":, 0:2, :").toFloatArray();
                assertArrayEquals(la, lb, 1e-5f, decoder + ": positions 0-1 must not see later tokens");
                // The masked second image of study 2 must not change its memory's effect.
                NDArray other = images.duplicate();
                other.set(new ai.djl.ndarray.index.NDIndex("3"), m.randomNormal(new Shape(1, 32, 32)));
                NDList memory2 = net.encode(ps, other, m.create(new float[] {1, 1, 1, 0}, new Shape(2, 2)), false);
                float[] s1 = net.logits(ps, a, memory.get(0).get("1:2"), memory.get(1).get("1:2"), false)
                        .toFloatArray();
                float[] s2 = net.logits(ps, a, memory2.get(0).get("1:2"), memory2.get(1).get("1:2"), false)
                        .toFloatArray();
                assertArrayEquals(s1, s2, 1e-5f, decoder + ": a padded image slot must be ignored");
            }
        }
    }

    @Test
    void imageEncoderStartsFromAClipCheckpoint() throws Exception {
        ReportConfig c = SyntheticStudies.config("transformer").withVocabSize(20);
        PipelineImages images = PipelineImages.grey(c.imageSize());
        var tokenizer = new org.medvl.models.tokenizer.WordPieceTrainer(40, 1)
                .train(List.of("mass in the lung", "no effusion seen"));
        ClipConfig clip = new ClipConfig(c.image(), new TextEncoderConfig(tokenizer.vocabSize(), 8, 16, 1, 2, 0f),
                c.imageSize(), 1, 16, 0.07f);
        Path clipDir = tmp.resolve("clip");
        float[] want;
        try (NDManager m = NDManager.newBaseManager()) {
            ClipModel model = new ClipModel(clip);
            model.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            model.initialize(m);
            new CheckpointWriter().weights(model).tokenizer(tokenizer).json(Checkpoints.CONFIG, clip)
                    .json(Checkpoints.PREPROCESS, images.describe()).commit(clipDir);
            want = model.imageEncoder().getParameters().get(0).getValue().getArray().toFloatArray();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ReportNetwork net = new ReportNetwork(c);
            net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            net.initialize(m);
            ClipEncoderTransfer.copy(clipDir, net.imageEncoder(), net.config().image(), net.config().imageSize(), net.config().channels(), images, m, "report model");
            assertArrayEquals(want, net.imageEncoder().getParameters().get(0).getValue().getArray().toFloatArray());
            ReportConfig wider = new ReportConfig(c.task(), ImageEncoderConfig.resnet(16, 1), c.imageSize(), 1,
                    c.decoder(), c.width(), c.layers(), c.heads(), 0f, c.maxLength(), 20, c.maxImages(), 2);
            ReportNetwork other = new ReportNetwork(wider);
            other.initialize(m);
            MedvlException e = assertThrows(MedvlException.class, () -> ClipEncoderTransfer.copy(clipDir, other.imageEncoder(), other.config().image(), other.config().imageSize(), other.config().channels(), images, m, "report model"));
            assertEquals(true, e.getMessage().contains("--image-width"), e.getMessage());
        }
    }
}
