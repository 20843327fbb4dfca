package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.Split;

/** Each image-caption dataset's published layout, written small, loads into typed pairs. */
class CaptionLayoutsTest {
    @TempDir
    Path dir;

    private List<ImageTextPair> pairs(String spec) {
        Dataset ds = Datasets.open(spec);
        List<ImageTextPair> out = ds.pairs().toList();
        assertEquals(List.of(), ds.problems(), spec);
        return out;
    }

    @Test
    void rocoCaptionsAndDownloadLinks() {
        Fixture f = new Fixture(dir);
        f.text("data/train/radiology/captions.txt", Fixture.lines("ROCO_00002\t Computed tomography scan in axial view.",
                "ROCO_00003\t Chest radiograph\twith a tab."));
        f.text("data/train/radiology/dlinks.txt", Fixture.lines(
                "ROCO_00002\twget -r ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/1e/ed/PMC3970251.tar.gz -P /path/to/Dir"
                        + "\tCRIONM2014-931546.003.jpg"));
        f.image("data/train/radiology/images/PMC3970251_CRIONM2014-931546.003.jpg");
        f.text("data/test/radiology/captions.txt", Fixture.lines("ROCO_00001\t Axial MRI (coronal view)."));
        List<ImageTextPair> p = pairs("roco:" + dir);
        assertEquals(3, p.size());
        assertEquals("Computed tomography scan in axial view.", p.get(0).text());
        assertTrue(Files.exists(Path.of(p.get(0).image().path())), p.get(0).image().path());
        assertEquals("Chest radiograph\twith a tab.", p.get(1).text());
        assertTrue(p.get(1).image().path().endsWith("images/ROCO_00003.jpg"));
        assertEquals(Split.TEST, p.get(2).split());
    }

    @Test
    void medicatJsonlWithFigures() {
        Fixture f = new Fixture(dir);
        f.text("release/s2_full_figures_oa_nonroco_combined_medical_top4_public.jsonl", Fixture.lines(
                "{\"pdf_hash\": \"26491ab7\", \"fig_key\": \"Figure4\", \"fig_uri\": \"3-Figure4-1.png\", \"s2_caption\":"
                        + " \"Figure 4. MR scan of the lesion.\", \"s2orc_caption\": null, \"s2orc_references\": null,"
                        + " \"radiology\": true, \"scope\": false, \"predicted_type\": \"Medical images\"}"));
        f.image("release/figures/26491ab7_3-Figure4-1.png");
        List<ImageTextPair> p = pairs("medicat:" + dir);
        assertEquals(1, p.size());
        assertEquals("radiology", p.get(0).image().modality());
        assertTrue(Files.exists(Path.of(p.get(0).image().path())));
    }

    @Test
    void pmcOaSplitsAndUnsplitFile() {
        Fixture f = new Fixture(dir);
        String line = "{\"image\": \"PMC212319_Fig3_4.jpg\", \"caption\": \"A. Real time image.\", \"pmcid\": "
                + "\"PMC212319\", \"url_name\": \"1471-2121-4-13-3.jpg\"}";
        f.text("train.jsonl", Fixture.lines(line, line.replace("Fig3_4", "Fig3_5")));
        f.text("valid.jsonl", Fixture.lines(line.replace("Fig3_4", "Fig1_1")));
        f.text("test.jsonl", "");
        List<ImageTextPair> p = pairs("pmc-oa:" + dir);
        assertEquals(3, p.size());
        assertEquals(Split.VALIDATION, p.get(2).split());
        assertTrue(p.get(0).image().path().endsWith("images/PMC212319_Fig3_4.jpg"));
        Path other = dir.resolve("whole");
        new Fixture(other).text("pmc_oa.jsonl", Fixture.lines(line));
        assertEquals(Split.UNSPLIT, pairs("pmc-oa:" + other).get(0).split());
    }

    @Test
    void chiMedVlConversations() {
        Fixture f = new Fixture(dir);
        f.text("ChiMed-VL-Alignment/alignment.json", "[{\"id\": \"PMC8253873_Fig6_46\", \"image\": "
                + "\"PMC8253873_Fig6_46.jpg\", \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\n描述这张图片\"},"
                + " {\"from\": \"gpt\", \"value\": \"胸部CT显示右肺结节。\"}]}]");
        List<ImageTextPair> p = pairs("chimed-vl:" + dir);
        assertEquals(1, p.size());
        assertEquals("zh", p.get(0).language());
        assertEquals("胸部CT显示右肺结节。", p.get(0).text());
    }

    @Test
    void quiltLookupCsv() {
        Fixture f = new Fixture(dir);
        f.text("quilt_1M_lookup.csv", Fixture.lines(",caption,image_path,subset,split,pathology,roi_text,noisy_text,"
                        + "corrected_text,med_umls_ids,magnification,height,width",
                "0,\"H&E stain, high power\",abc_1.jpg,quilt,train,\"['Dermatopathology']\",,,,,20,512,512",
                "1,lymph node,abc_2.jpg,openpath,val,,,,,,,,"));
        List<ImageTextPair> p = pairs("quilt-1m:" + dir);
        assertEquals(2, p.size());
        assertEquals("H&E stain, high power", p.get(0).text());
        assertEquals(Split.VALIDATION, p.get(1).split());
        assertTrue(p.get(0).image().path().endsWith("quilt_1m/abc_1.jpg"));
    }

    @Test
    void openPathTable() {
        Fixture f = new Fixture(dir);
        f.text("openpath.csv", Fixture.lines("image,text", "t1.jpg,#pathology H&E of a nevus"));
        assertEquals("#pathology H&E of a nevus", pairs("openpath:" + dir).get(0).text());
    }

    @Test
    void padChestReportsInSpanishWithAge() {
        Fixture f = new Fixture(dir);
        f.gzip("PADCHEST_chest_x_ray_images_labels_160K_01.02.19.csv.gz", Fixture.lines(
                ",ImageID,ImageDir,StudyDate_DICOM,StudyID,PatientID,PatientBirth,PatientSex_DICOM,ViewPosition_DICOM,"
                        + "Projection,Modality_DICOM,Report,Labels",
                "0,img1.png,0,20150812,st1,pt1,1950.0,M,POSTEROANTERIOR,PA,CR,\" sin hallazgos radiologicos .\","
                        + "\"['normal']\""));
        f.image("0/img1.png");
        List<ImageTextPair> p = pairs("padchest:" + dir);
        assertEquals(1, p.size());
        ImageTextPair x = p.get(0);
        assertEquals("es", x.language());
        assertEquals(65, x.demographics().age());
        assertEquals("M", x.demographics().sex());
        assertEquals("sin hallazgos radiologicos .", x.text());
        assertTrue(Files.exists(Path.of(x.image().path())));
        assertTrue(!x.id().contains("pt1") && !x.id().contains("st1"), "no patient or study id in records");
    }

    @Test
    void fairVlmedNpzWithDemographics() {
        Fixture f = new Fixture(dir);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("note", "55 yo female with glaucoma suspect, cup to disc 0.6.");
        s.put("age", 55.4);
        s.put("gender", 0L);
        s.put("race", 1L);
        s.put("ethnicity", 0L);
        s.put("glaucoma", 1L);
        f.npz("Training/data_00001.npz", s);
        Map<String, Object> t = new LinkedHashMap<>(s);
        t.put("race", -1L);
        t.put("gender", 1L);
        f.npz("Testing/data_09001.npz", t);
        List<ImageTextPair> p = pairs("fairvlmed:" + dir);
        assertEquals(2, p.size());
        assertEquals(55, p.get(0).demographics().age());
        assertEquals("F", p.get(0).demographics().sex());
        assertEquals("Black", p.get(0).demographics().race());
        assertNull(p.get(1).demographics().race());
        assertEquals(Split.TEST, p.get(1).split());
        assertTrue(p.get(0).image().path().endsWith("data_00001.npz"));
    }
}
