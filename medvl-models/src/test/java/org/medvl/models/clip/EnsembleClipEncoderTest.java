package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.models.api.MedvlModels;

class EnsembleClipEncoderTest {
    @TempDir
    Path tmp;

    /** Maps each text to a fixed unit vector of its own; counts closes. */
    static final class TableEncoder implements ClipEncoder {
        final float[][] rows;
        final float scale;
        final String template;
        int closed;

        TableEncoder(float scale, String template, float[]... rows) {
            this.rows = rows;
            this.scale = scale;
            this.template = template;
        }

        @Override
        public float[][] embedImages(List<Path> images) {
            return embedTexts(images.stream().map(Path::toString).toList());
        }

        @Override
        public float[][] embedTexts(List<String> texts) {
            return texts.stream().map(t -> rows[Integer.parseInt(t)]).toArray(float[][]::new);
        }

        @Override
        public float logitScale() {
            return scale;
        }

        @Override
        public String textTemplate() {
            return template;
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void similarityIsTheMeanOfTheMembersCosines() {
        TableEncoder a = new TableEncoder(10, "t", new float[] {1, 0}, new float[] {0.6f, 0.8f});
        TableEncoder b = new TableEncoder(30, "t", new float[] {0, 1, 0}, new float[] {0, 0, 1});
        try (EnsembleClipEncoder e = new EnsembleClipEncoder(new ArrayList<>(List.of(a, b)))) {
            float[][] v = e.embedTexts(List.of("0", "1"));
            assertEquals(5, v[0].length);
            assertEquals(1.0, dot(v[0], v[0]), 1e-6);
            assertEquals(1.0, dot(v[1], v[1]), 1e-6);
            // member cosines of texts 0 and 1: 0.6 and 0.0
            assertEquals((0.6 + 0.0) / 2, dot(v[0], v[1]), 1e-6);
            assertEquals(20f, e.logitScale(), 1e-6);
            assertEquals("t", e.textTemplate());
            assertEquals(2, e.size());
        }
        assertEquals(1, a.closed);
        assertEquals(1, b.closed);
    }

    @Test
    void refusesMembersTrainedOnDifferentTextFormats() {
        TableEncoder a = new TableEncoder(1, "{caption}", new float[] {1});
        TableEncoder b = new TableEncoder(1, "{modality}. {caption}", new float[] {1});
        MedvlException ex = assertThrows(MedvlException.class,
                () -> new EnsembleClipEncoder(new ArrayList<>(List.of(a, b))));
        assertTrue(ex.getMessage().contains("different text templates"), ex.getMessage());
        assertEquals(1, a.closed, "members are closed when the ensemble cannot be built");
    }

    @Test
    void ensembleDirectoryOpensAsOneClipModelOfCopiedMembers() throws Exception {
        SyntheticPairs train = new SyntheticPairs(32, 1);
        List<Path> members = new ArrayList<>();
        for (long seed : new long[] {5, 6}) {
            ClipTrainer trainer = new ClipTrainer(SyntheticPairs.tinyConfig(), SyntheticPairs.options(1, 0, seed),
                    train.images);
            Path model = trainer.train(train.examples, List.of(), tmp.resolve("run-" + seed), false, null).model();
            // the synthetic images live in memory; a file pipeline lets the checkpoint open from disk (texts only here)
            Files.writeString(model.resolve("preprocess.json"),
                    org.medvl.models.train.PipelineImages.grey(SyntheticPairs.SIZE).describe().toString());
            members.add(model);
        }
        Path ens = tmp.resolve("ensemble");
        ClipEnsemble.write(ens, members);
        assertTrue(Files.isRegularFile(ens.resolve("member-2/model.params")));
        assertEquals(Optional.of(MedvlModels.Task.CLIP), MedvlModels.taskOf(ens));
        List<String> texts = List.of("lesion upper left", "lesion lower right");
        float[][] expected0;
        float[][] expected1;
        try (ClipEncoder m0 = ClipEncoders.open(members.get(0)); ClipEncoder m1 = ClipEncoders.open(members.get(1))) {
            expected0 = m0.embedTexts(texts);
            expected1 = m1.embedTexts(texts);
        }
        // the run directories may go: the ensemble holds its own copies
        org.medvl.core.io.AtomicFiles.deleteTree(tmp.resolve("run-5"));
        try (ClipEncoder e = ClipEncoders.open(ens)) {
            assertInstanceOf(EnsembleClipEncoder.class, e);
            float[][] got = e.embedTexts(texts);
            float s = (float) (1 / Math.sqrt(2));
            for (int r = 0; r < texts.size(); r++) {
                int d = expected0[r].length;
                float[] want = new float[2 * d];
                for (int i = 0; i < d; i++) {
                    want[i] = expected0[r][i] * s;
                    want[d + i] = expected1[r][i] * s;
                }
                assertArrayEquals(want, got[r], 1e-6f);
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            MedvlException ex = assertThrows(MedvlException.class, () -> ClipCheckpoint.read(ens, m));
            assertTrue(ex.getMessage().contains("ensemble"), ex.getMessage());
        }
    }

    @Test
    void missingMemberIsNamedWithItsField() throws Exception {
        Path ens = tmp.resolve("broken");
        Files.createDirectories(ens.resolve("member-1"));
        Files.writeString(ens.resolve("config.json"), "{\"task\": \"clip\", \"ensemble\": [\"member-1\", \"member-2\"]}");
        MedvlException ex = assertThrows(MedvlException.class, () -> ClipEnsemble.members(ens));
        assertTrue(ex.getMessage().contains("ensemble[1]") && ex.getMessage().contains("member-2"), ex.getMessage());
        Files.writeString(ens.resolve("config.json"), "{\"task\": \"clip\", \"ensemble\": []}");
        ex = assertThrows(MedvlException.class, () -> ClipEncoders.open(ens));
        assertTrue(ex.getMessage().contains("config.json") && ex.getMessage().contains("'ensemble'"), ex.getMessage());
    }
}
