package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.data.inspect.DatasetInspector;
import org.medvl.data.inspect.ImageCheck;
import org.medvl.data.inspect.LengthHistogram;

class InspectorTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void countsImagesTypesLengthsAndDemographics() {
        Fixture f = new Fixture(dir);
        f.image("imgs/xmlab1/source.jpg");
        f.bytes("imgs/xmlab2/source.jpg", new byte[] {1, 2, 3, 4});
        f.bytes("imgs/xmlab3/source.dcm", new byte[200]);
        String rec = "{\"img_name\": \"%s\", \"question\": \"%s\", \"answer\": \"%s\", \"q_lang\": \"%s\","
                + " \"content_type\": \"%s\"}";
        f.text("train.json", "[" + String.join(",", List.of(
                String.format(rec, "xmlab1/source.jpg", "Is this a CT scan?", "Yes", "en", "Modality"),
                String.format(rec, "xmlab1/source.jpg", "Which organ is abnormal?", "Left lung", "en", "Organ"),
                String.format(rec, "xmlab2/source.jpg", "肺部健康吗?", "no", "zh", "Abnormal"),
                String.format(rec, "xmlab3/source.dcm", "What is shown?", "yes", "en", "Organ"),
                String.format(rec, "xmlab4/source.jpg", "Where?", "left", "en", "Position"))) + "]");
        Map<String, Object> r = new DatasetInspector(ImageCheck.DECODE, false).inspect(Datasets.open("slake:" + dir));
        assertEquals(Map.of("train", 5L), ((Map<String, Object>) r.get("records")).get("vqa"));
        Map<String, Object> img = (Map<String, Object>) r.get("images");
        assertEquals(5L, img.get("references"));
        assertEquals(4, img.get("distinct"));
        assertEquals(1L, img.get("missing"));
        assertEquals(2L, img.get("undecodable"), "a truncated JPEG and a .dcm without the DICM magic");
        Map<String, Object> vqa = (Map<String, Object>) r.get("vqa");
        assertEquals(Map.of("closed", 3L, "open", 2L), vqa.get("answer_types"));
        assertEquals(2L, ((Map<String, Long>) vqa.get("question_types")).get("Organ"));
        assertEquals(4, vqa.get("answer_vocabulary"), "yes/Yes fold together: yes, left lung, no, left");
        assertEquals(Map.of("en", 4L, "zh", 1L), r.get("languages"));
        String text = DatasetInspector.toText(r);
        assertTrue(text.contains("answer_types: closed 3, open 2"), text);
    }

    @Test
    void percentilesAreNearestRank() {
        LengthHistogram h = new LengthHistogram();
        for (int i = 1; i <= 100; i++) {
            h.add(i);
        }
        assertEquals(50, h.percentile(50));
        assertEquals(95, h.percentile(95));
        assertEquals(1, h.percentile(0));
        h.add(100_000);
        assertEquals(100_000, h.summary().get("max"));
        assertEquals(3, LengthHistogram.tokens("  three  small\twords "));
    }
}
