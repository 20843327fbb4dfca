package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;

/** Each VQA dataset's published layout, written small, loads into typed items. */
class VqaLayoutsTest {
    @TempDir
    Path dir;

    private List<VqaItem> load(String spec, Dataset[] out) {
        Dataset ds = Datasets.open(spec);
        out[0] = ds;
        return ds.vqaItems().toList();
    }

    @Test
    void slakeTrainValidateTestWithBothLanguages() {
        Fixture f = new Fixture(dir);
        f.image("imgs/xmlab102/source.jpg");
        String rec = "{\"img_id\": 102, \"img_name\": \"xmlab102/source.jpg\", \"question\": \"%s\", \"answer\": \"%s\","
                + " \"q_lang\": \"%s\", \"location\": \"Lung\", \"modality\": \"CT\", \"answer_type\": \"%s\","
                + " \"base_type\": \"vqa\", \"content_type\": \"Organ\", \"triple\": [\"vhead\", \"_\", \"_\"], \"qid\": %d}";
        f.text("train.json", "[" + String.format(rec, "Is the lung healthy?", "No", "en", "CLOSED", 1) + ","
                + String.format(rec, "肺部健康吗?", "不健康", "zh", "CLOSED", 2) + "]");
        f.text("validate.json", "[" + String.format(rec, "What modality is used?", "CT", "en", "OPEN", 3) + "]");
        f.text("test.json", "[" + String.format(rec, "Which organ is shown?", "Lung", "en", "OPEN", 4) + "]");
        Dataset[] ds = new Dataset[1];
        List<VqaItem> items = load("slake:" + dir, ds);
        assertEquals(4, items.size(), ds[0].problems().toString());
        assertEquals(List.of(), ds[0].problems());
        assertEquals("zh", items.get(1).language());
        assertEquals(Split.VALIDATION, items.get(2).split());
        assertEquals("Organ", items.get(0).questionType());
        assertEquals("CT", items.get(0).image().modality());
        assertTrue(Files.exists(Path.of(items.get(0).image().path())));
        assertEquals(1, Datasets.open("slake:" + dir + "#test").vqaItems().count());
    }

    @Test
    void omniMedVqaMultipleChoice() {
        Fixture f = new Fixture(dir);
        f.image("Images/ACRIMA/Im001.png");
        f.text("QA_information/Open-access/ACRIMA.json", "[{\"dataset\": \"ACRIMA\", \"question_id\": \"ACRIMA_0000\","
                + " \"question_type\": \"Disease Diagnosis\", \"question\": \"What is the diagnosis?\","
                + " \"gt_answer\": \"Glaucoma\", \"image_path\": \"Images/ACRIMA/Im001.png\", \"option_A\": \"Normal\","
                + " \"option_B\": \"Glaucoma\", \"option_C\": \"Cataract\", \"option_D\": \"AMD\","
                + " \"modality_type\": \"Fundus Photography\"}]");
        f.text("QA_information/Restricted-access/Other.json", "[]");
        Dataset[] ds = new Dataset[1];
        List<VqaItem> items = load("omnimedvqa:" + dir, ds);
        assertEquals(1, items.size(), ds[0].problems().toString());
        VqaItem v = items.get(0);
        assertEquals(List.of("Normal", "Glaucoma", "Cataract", "AMD"), v.options());
        assertEquals(AnswerType.CLOSED, v.answerType());
        assertEquals(Split.TEST, v.split());
        assertEquals("Fundus Photography", v.image().modality());
        assertEquals("ACRIMA/ACRIMA_0000", v.id());
    }

    @Test
    void probMedAdversarialPairs() {
        Fixture f = new Fixture(dir);
        f.text("probmed.json", "[{\"id\": \"img_1\", \"image\": \"mri/brain/img_1.png\", \"question\": "
                + "\"Is this an MRI?\", \"answer\": \"yes\", \"qa_type\": \"modality\", \"image_type\": \"mri_brain\"},"
                + "{\"id\": \"img_1\", \"image\": \"mri/brain/img_1.png\", \"question\": \"Is this a CT scan?\","
                + " \"answer\": \"no\", \"qa_type\": \"modality_hallu\", \"image_type\": \"mri_brain\"}]");
        Dataset[] ds = new Dataset[1];
        List<VqaItem> items = load("probmed:" + dir, ds);
        assertEquals(2, items.size());
        assertEquals("modality_hallu", items.get(1).questionType());
        assertEquals(AnswerType.CLOSED, items.get(1).answerType());
        assertEquals("img_1", items.get(1).image().id());
        assertTrue(items.get(0).image().path().endsWith("mri/brain/img_1.png"));
    }

    @Test
    void pmcVqaChoicesAndLabels() {
        Fixture f = new Fixture(dir);
        f.text("train_2.csv", Fixture.lines("index,Figure_path,Caption,Question,Answer,Choice A,Choice B,Choice C,"
                        + "Choice D,Answer_label,split",
                "0,PMC1_F1.jpg,cap,What is shown? ,\"B:Chest X-ray \",A:CT scan ,\"B:Chest X-ray \",C:MRI ,D:PET ,B,train"));
        f.text("test_2.csv", Fixture.lines("Figure_path,Question,Answer,Choice A,Choice B,Choice C,Choice D,Answer_label",
                "PMC2_F3.jpg,Which organ?,A:Liver,A:Liver,B:Kidney,C:Lung,D:Heart,A"));
        Dataset[] ds = new Dataset[1];
        List<VqaItem> items = load("pmc-vqa:" + dir, ds);
        assertEquals(2, items.size(), ds[0].problems().toString());
        assertEquals("Chest X-ray", items.get(0).answer());
        assertEquals(List.of("CT scan", "Chest X-ray", "MRI", "PET"), items.get(0).options());
        assertEquals("What is shown?", items.get(0).question());
        assertEquals(Split.TEST, items.get(1).split());
        assertTrue(items.get(1).image().path().endsWith("images/PMC2_F3.jpg"));
    }

    @Test
    void vqaMed2019WithCategoriesAndTestReferences() {
        Fixture f = new Fixture(dir);
        f.image("ImageClef-2019-VQA-Med-Training/Train_images/synpic41148.jpg");
        f.text("ImageClef-2019-VQA-Med-Training/All_QA_Pairs_train.txt", Fixture.lines(
                "synpic41148|which plane is the image shown in?|axial",
                "synpic41148|is this a ct scan?|yes"));
        f.text("ImageClef-2019-VQA-Med-Training/QAPairsByCategory/C2_Plane_train.txt",
                Fixture.lines("synpic41148|which plane is the image shown in?|axial"));
        f.text("ImageClef-2019-VQA-Med-Validation/All_QA_Pairs_val.txt",
                Fixture.lines("synpic100|what organ system is shown?|lung, mediastinum, pleura"));
        f.text("VQAMed2019Test/VQAMed2019_Test_Questions_w_Ref_Answers.txt",
                Fixture.lines("synpic54082|modality|what modality is shown?|cta - ct angiography"));
        f.text("VQAMed2019Test/VQAMed2019_Test_Questions.txt", Fixture.lines("synpic54082|what modality is shown?"));
        Dataset[] ds = new Dataset[1];
        List<VqaItem> items = load("vqa-med-2019:" + dir, ds);
        assertEquals(4, items.size(), items + " " + ds[0].problems());
        VqaItem plane = items.stream().filter(v -> v.answer().equals("axial")).findFirst().orElseThrow();
        assertEquals("plane", plane.questionType());
        assertEquals(Split.TRAIN, plane.split());
        assertTrue(Files.exists(Path.of(plane.image().path())), plane.image().path());
        VqaItem test = items.stream().filter(v -> v.split() == Split.TEST).findFirst().orElseThrow();
        assertEquals("modality", test.questionType());
        assertEquals(1, items.stream().filter(v -> v.split() == Split.VALIDATION).count());
    }

    @Test
    void vqaMed2020And2021TestQuestionsJoinReferenceAnswers() {
        Fixture f = new Fixture(dir);
        f.text("VQAMed2020-VQAnswering-TrainingSet/VQAnswering_2020_Train_QA_pairs.txt",
                Fixture.lines("synpic100176|what abnormality is seen in the image?|ovarian dermoid"));
        f.image("VQAMed2020-VQAnswering-TrainingSet/VQAnswering_2020_Train_images/synpic100176.jpg");
        f.text("VQAMed2020-Task1-VQAnswering-Test-Questions.txt", Fixture.lines(
                "synpic26840|are there abnormalities in this mri?", "synpic30247|what abnormality is seen in the image?"));
        f.text("VQAMed2020-Task1-VQAnswering-Test-ReferenceAnswers.txt", Fixture.lines(
                "synpic26840|no", "synpic30247|aberrant right subclavian artery (arsa)|arsa"));
        Dataset[] ds = new Dataset[1];
        List<VqaItem> items = load("vqa-med-2020:" + dir, ds);
        assertEquals(3, items.size(), ds[0].problems().toString());
        assertEquals(List.of(), ds[0].problems());
        VqaItem t = items.stream().filter(v -> v.image().id().equals("synpic30247")).findFirst().orElseThrow();
        assertEquals("what abnormality is seen in the image?", t.question());
        assertEquals("aberrant right subclavian artery (arsa)", t.answer(), "first reference is the answer");
        assertEquals(AnswerType.CLOSED, items.stream().filter(v -> v.answer().equals("no")).findFirst().orElseThrow()
                .answerType());
        VqaItem train = items.stream().filter(v -> v.split() == Split.TRAIN).findFirst().orElseThrow();
        assertTrue(Files.exists(Path.of(train.image().path())), train.image().path());
    }

    @Test
    void pathVqaPerSplitJsonExport() {
        Fixture f = new Fixture(dir);
        f.text("train.json", "[{\"question\": \"is this normal?\", \"answer\": \"no\", \"image\": \"images/a.jpg\"},"
                + "{\"question\": \"what is present?\", \"answer\": \"necrosis\", \"image\": \"images/a.jpg\"}]");
        f.text("val.json", "[{\"question\": \"what is shown?\", \"answer\": \"liver\", \"image\": \"images/b.jpg\"}]");
        f.text("test.json", "[]");
        Dataset[] ds = new Dataset[1];
        List<VqaItem> items = load("pathvqa:" + dir, ds);
        assertEquals(3, items.size());
        assertEquals(AnswerType.CLOSED, items.get(0).answerType());
        assertEquals(AnswerType.OPEN, items.get(1).answerType());
        assertEquals(Split.VALIDATION, items.get(2).split());
    }
}
