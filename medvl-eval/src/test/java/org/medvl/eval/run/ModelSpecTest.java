package org.medvl.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.VqaItem;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.remote.RemoteModelConfig;
import org.medvl.models.vqa.VqaTrainOptions;
import org.medvl.models.vqa.VqaTrainer;

class ModelSpecTest {
    @TempDir
    Path tmp;

    @Test
    void medvlSpecOpensALocalVqaModelThroughMedvlModels() {
        List<VqaItem> items = List.of(item("1", "Is it normal?", "no", AnswerType.CLOSED),
                item("2", "Is there a mass?", "no", AnswerType.CLOSED),
                item("3", "Which organ?", "liver", AnswerType.OPEN));
        Path model = VqaTrainer.train(items, List.of(), VqaTrainOptions.defaults().withKind("majority"),
                tmp.resolve("run")).model();
        RemoteModelConfig config = ModelSpec.remote("medvl:" + model);
        assertTrue(ModelSpec.isLocal(config));
        try (QuestionAnswerer qa = ModelSpec.open(config)) {
            assertTrue(qa.name().startsWith("medvl-majority:"), qa.name());
            assertEquals("no", qa.answer(VisualQuestion.of("q", null, "Is the heart enlarged?")).text());
            assertEquals("liver", qa.answer(VisualQuestion.of("q", null, "What is shown?")).text());
        }
        MedvlException missing = assertThrows(MedvlException.class,
                () -> ModelSpec.open(ModelSpec.remote("medvl:" + tmp.resolve("nothing"))));
        assertTrue(missing.getMessage().contains("nothing"), missing.getMessage());
        assertThrows(MedvlException.class, () -> ModelSpec.remote("medvl:"));
    }

    @Test
    void openaiSpecIsUnchanged() {
        RemoteModelConfig c = ModelSpec.remote("openai:http://127.0.0.1:8000/v1#llava-med-7b");
        assertEquals(URI.create("http://127.0.0.1:8000/v1"), c.baseUrl());
        assertEquals("llava-med-7b", c.model());
        assertFalse(ModelSpec.isLocal(c));
        MedvlException e = assertThrows(MedvlException.class, () -> ModelSpec.remote("llava"));
        assertTrue(e.getMessage().contains("medvl:DIR"), e.getMessage());
    }

    private static VqaItem item(String id, String q, String a, AnswerType t) {
        return new VqaItem(id, ImageRef.of("img", "/data/img.png"), q, a, t, null, null, null, null, null);
    }
}
