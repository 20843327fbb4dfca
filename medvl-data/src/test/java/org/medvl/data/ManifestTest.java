package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.VqaItem;
import org.medvl.data.manifest.ManifestWriter;

/** Any dataset converts to a manifest that reads back as the same records. */
class ManifestTest {
    @TempDir
    Path dir;

    @Test
    void vqaRoundTripKeepsEveryField() throws Exception {
        Fixture f = new Fixture(dir.resolve("slake"));
        f.image("imgs/xmlab1/source.jpg");
        f.text("train.json", "[{\"img_id\": 1, \"img_name\": \"xmlab1/source.jpg\", \"question\": \"Is it CT?\","
                + " \"answer\": \"Yes\", \"q_lang\": \"en\", \"location\": \"Chest\", \"modality\": \"CT\","
                + " \"answer_type\": \"CLOSED\", \"content_type\": \"Modality\", \"qid\": 7}]");
        Dataset src = Datasets.open("slake:" + dir.resolve("slake"));
        Path out = dir.resolve("out/manifest.jsonl");
        ManifestWriter.Counts n = ManifestWriter.write(src, out, null);
        assertEquals(1, n.vqa());
        Dataset back = Datasets.open("manifest:" + out);
        assertEquals(Set.of(RecordKind.VQA), back.kinds());
        List<VqaItem> a = src.vqaItems().toList();
        List<VqaItem> b = back.vqaItems().toList();
        assertEquals(a, b);
        assertTrue(Files.readAllLines(out).get(1).contains("\"path\":\"" + dir.resolve("slake/imgs/xmlab1/source.jpg")
                + "\""), "images outside the manifest folder are stored absolute");
        Path inside = dir.resolve("slake/manifest.jsonl");
        ManifestWriter.write(src, inside, null);
        assertTrue(Files.readAllLines(inside).get(1).contains("\"path\":\"imgs/xmlab1/source.jpg\""),
                "images inside the manifest folder are stored relative");
        assertEquals(a, Datasets.open("manifest:" + inside).vqaItems().toList());
    }

    @Test
    void pairsAndStudiesRoundTripWithDemographicsAndSections() {
        Fixture f = new Fixture(dir.resolve("mimic"));
        f.text("mimic-cxr-2.0.0-split.csv", Fixture.lines("dicom_id,study_id,subject_id,split", "d1,5,10000032,validate"));
        f.text("patients.csv", Fixture.lines("subject_id,gender,anchor_age", "10000032,M,70"));
        f.text("files/p10/p10000032/s5.txt", "INDICATION: cough.\nFINDINGS: Clear lungs.\nIMPRESSION: Normal.\n");
        Dataset src = Datasets.open("mimic-cxr:" + dir.resolve("mimic"));
        Path out = dir.resolve("m.jsonl");
        ManifestWriter.write(src, out, ReportCleaning.byName("r2gen-mimic"));
        List<ReportStudy> back = Datasets.open("manifest:" + out + "#validation").studies().toList();
        assertEquals(1, back.size());
        assertEquals("clear lungs .", back.get(0).sections().findings());
        assertEquals("cough.", back.get(0).sections().indication(), "only findings and impression are cleaned");
        assertEquals(70, back.get(0).demographics().age());
        assertEquals(src.studies().toList().get(0).images(), back.get(0).images());

        Fixture g = new Fixture(dir.resolve("pmc"));
        g.text("pmc_oa.jsonl", Fixture.lines("{\"image\": \"x.jpg\", \"caption\": \"A caption.\"}"));
        Path out2 = dir.resolve("p.jsonl");
        ManifestWriter.write(Datasets.open("pmc-oa:" + dir.resolve("pmc")), out2, null);
        List<ImageTextPair> pairs = Datasets.open("manifest:" + out2).pairs().toList();
        assertEquals(Datasets.open("pmc-oa:" + dir.resolve("pmc")).pairs().toList(), pairs);
    }

    @Test
    void handWrittenManifestWithPlainPathsAndFreeTextReports() {
        Path m = new Fixture(dir).text("hand.jsonl", Fixture.lines(
                "{\"kind\": \"pair\", \"id\": \"1\", \"image\": \"img/1.png\", \"text\": \"a caption\", \"split\": \"train\"}",
                "{\"kind\": \"study\", \"id\": \"s\", \"report\": \"FINDINGS: ok. IMPRESSION: fine.\"}",
                "{\"kind\": \"vqa\", \"id\": \"q\", \"image\": \"img/1.png\", \"question\": \"q?\", \"answer\": \"no\"}",
                "{\"kind\": \"mystery\", \"id\": \"z\"}"));
        Dataset ds = Datasets.open("manifest:" + m);
        assertEquals(dir.resolve("img/1.png").toString(), ds.pairs().toList().get(0).image().path());
        assertEquals("fine.", ds.studies().toList().get(0).sections().impression());
        assertEquals("closed", ds.vqaItems().toList().get(0).answerType().name().toLowerCase());
        assertTrue(ds.problems().toString().contains("hand.jsonl:4: record 4: unknown kind \"mystery\""),
                ds.problems().toString());
    }
}
