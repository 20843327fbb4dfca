package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;

/** Report datasets (MIMIC-CXR, FFA-IR, IU X-ray) in their published layouts. */
class ReportLayoutsTest {
    @TempDir
    Path dir;

    private List<ReportStudy> studies(String spec) {
        Dataset ds = Datasets.open(spec);
        List<ReportStudy> out = ds.studies().toList();
        assertEquals(List.of(), ds.problems(), spec);
        return out;
    }

    @Test
    void mimicCxrCsvsReportsAndDemographics() {
        Fixture f = new Fixture(dir);
        f.gzip("mimic-cxr-2.0.0-split.csv.gz", Fixture.lines("dicom_id,study_id,subject_id,split",
                "d1,50414267,10000032,train", "d2,50414267,10000032,train", "d3,53189527,10000032,test"));
        f.gzip("mimic-cxr-2.0.0-metadata.csv.gz", Fixture.lines("dicom_id,subject_id,study_id,ViewPosition",
                "d1,10000032,50414267,PA", "d2,10000032,50414267,LATERAL", "d3,10000032,53189527,AP"));
        f.gzip("mimic-cxr-2.0.0-chexpert.csv.gz", Fixture.lines("subject_id,study_id,Atelectasis,Cardiomegaly,"
                + "Consolidation,Edema,Enlarged Cardiomediastinum,Fracture,Lung Lesion,Lung Opacity,No Finding,"
                + "Pleural Effusion,Pleural Other,Pneumonia,Pneumothorax,Support Devices",
                "10000032,50414267,,,,,,,,,1.0,,,,,", "10000032,53189527,,1.0,,-1.0,,,,,,1.0,,,0.0,"));
        f.text("patients.csv", Fixture.lines("subject_id,gender,anchor_age,anchor_year", "10000032,F,52,2180"));
        f.text("files/p10/p10000032/s50414267.txt", "FINAL REPORT\n EXAMINATION: CHEST (PA AND LAT)\n\n"
                + " INDICATION: ___F with new onset ascites\n\n FINDINGS: There is no focal consolidation.\n\n"
                + " IMPRESSION: No acute cardiopulmonary process.\n");
        f.text("files/p10/p10000032/s53189527.txt", " FINDINGS: Enlarged heart.\n IMPRESSION: Cardiomegaly.\n");
        f.image("files/p10/p10000032/s50414267/d1.jpg");
        List<ReportStudy> s = studies("mimic-cxr:" + dir);
        assertEquals(2, s.size());
        ReportStudy a = s.get(0);
        assertEquals("s50414267", a.id());
        assertEquals("There is no focal consolidation.", a.sections().findings());
        assertEquals("No acute cardiopulmonary process.", a.sections().impression());
        assertEquals(2, a.images().size());
        assertEquals("LATERAL", a.images().get(1).view());
        assertEquals(List.of("No Finding"), a.tags());
        assertEquals(52, a.demographics().age());
        assertEquals("F", a.demographics().sex());
        assertEquals(List.of("Cardiomegaly", "Pleural Effusion"), s.get(1).tags());
        assertEquals(Split.TEST, s.get(1).split());
        assertEquals(1, Datasets.open("mimic-cxr:" + dir + "#test").studies().count());
    }

    @Test
    void mimicCxrR2GenAnnotation() {
        Fixture f = new Fixture(dir);
        f.text("annotation.json", "{\"train\": [{\"id\": \"02aa804e-bde0afdd-112c0b34-7bc16630-4e384014\","
                + " \"study_id\": 50414267, \"subject_id\": 10000032, \"report\": \"There is no focal consolidation.\","
                + " \"image_path\": [\"p10/p10000032/s50414267/02aa804e-bde0afdd-112c0b34-7bc16630-4e384014.jpg\"],"
                + " \"split\": \"train\"}], \"val\": [], \"test\": []}");
        List<ReportStudy> s = studies("mimic-cxr:" + dir);
        assertEquals(1, s.size());
        assertEquals("There is no focal consolidation.", s.get(0).sections().findings());
        assertTrue(s.get(0).images().get(0).path().endsWith("images/p10/p10000032/s50414267/"
                + "02aa804e-bde0afdd-112c0b34-7bc16630-4e384014.jpg"), s.get(0).images().toString());
    }

    @Test
    void ffaIrBilingualReports() {
        Fixture f = new Fixture(dir);
        f.text("ffair_annotation.json", "{\"train\": {\"case_1\": {\"Image_path\": \"['1/a.jpg', '1/b.jpg']\","
                + " \"En_Report\": \"Retinal hemorrhage in the posterior pole.\", \"Ch_Report\": \"后极部视网膜出血。\"}},"
                + " \"val\": {}, \"test\": {\"case_2\": {\"Image_path\": [\"2/a.jpg\"], \"En_Report\": \"Normal.\"}}}");
        List<ReportStudy> s = studies("ffa-ir:" + dir);
        assertEquals(3, s.size());
        assertEquals(2, s.get(0).images().size());
        assertTrue(s.get(0).images().get(0).path().endsWith("FFAIR/1/a.jpg"));
        assertEquals("zh", s.get(1).language());
        assertEquals("case_1-zh", s.get(1).id());
        assertEquals(Split.TEST, s.get(2).split());
    }

    @Test
    void iuXrayR2GenAnnotationWithImages() {
        Fixture f = new Fixture(dir);
        f.text("annotation.json", "{\"train\": [{\"id\": \"CXR2384_IM-0942\", \"report\": \"The heart is normal.\","
                + " \"image_path\": [\"CXR2384_IM-0942/0.png\", \"CXR2384_IM-0942/1.png\"], \"split\": \"train\"}],"
                + " \"val\": [], \"test\": []}");
        f.image("images/CXR2384_IM-0942/0.png");
        f.image("images/CXR2384_IM-0942/1.png");
        f.text("indiana_reports.csv", Fixture.lines("uid,MeSH,Problems,image,indication,comparison,findings,impression",
                "2384,\"Hernia, Hiatal;Spine/degenerative\",\"Hernia, Hiatal;Spine\",Xray Chest,,,The heart is normal.,None."));
        List<ReportStudy> s = studies("iu-xray:" + dir);
        assertEquals(1, s.size());
        assertEquals("The heart is normal.", s.get(0).sections().findings());
        assertEquals(List.of("Hernia, Hiatal", "Spine/degenerative", "Spine"), s.get(0).tags());
    }
}
