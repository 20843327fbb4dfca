package org.medvl.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small synthetic case collection: 5 topics x 3 cases x 2 images, with captions, reports and metadata. */
final class Fixtures {
    private Fixtures() {
    }

    static final String[] MODALITY = {"CT", "MR"};
    static final String[] BODY = {"Brain and Neuro", "Chest, Pulmonary", "Gastrointestinal", "Musculoskeletal",
            "Spine and Muscles"};

    static List<IndexedCase> cases(Path imageDir) {
        List<IndexedCase> out = new ArrayList<>();
        int seed = 0;
        for (int t = 0; t < TopicEmbedder.TOPICS.size(); t++) {
            String topic = TopicEmbedder.TOPICS.get(t);
            for (int c = 0; c < 3; c++) {
                String caseId = topic + "-case" + c;
                String split = c == 2 ? "validation" : "train";
                for (int i = 0; i < 2; i++) {
                    String id = caseId + "-img" + i;
                    Path img = TopicEmbedder.image(imageDir, id, topic, seed++);
                    out.add(new IndexedCase(id, img.toString(), caption(topic, c, i),
                            "Findings: abnormality of the " + topic + " in case " + c + ".",
                            diagnosis(topic, c), MODALITY[(c + i) % 2], BODY[t], split, caseId, "fixture"));
                }
            }
        }
        return out;
    }

    static String caption(String topic, int c, int i) {
        return switch (topic) {
            case "brain" -> c == 0 ? "Ring-enhancing lesion in the left frontal lobe" : "Meningioma along the falx";
            case "chest" -> "Right middle lobe nodule, view " + i;
            case "liver" -> "Hypodense hepatic lesion with peripheral enhancement";
            case "knee" -> "Torn anterior cruciate ligament";
            default -> "Compression fracture of a lumbar vertebral body";
        };
    }

    static String diagnosis(String topic, int c) {
        return switch (topic) {
            case "brain" -> c == 0 ? "Glioblastoma." : "Meningioma";
            case "chest" -> "Carcinoid tumour";
            default -> topic + " diagnosis " + c;
        };
    }
}
