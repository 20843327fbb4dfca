package org.medvl.index;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene fields of a similar-case document and the mapping between {@link IndexedCase} and {@link Document}.
 * Filter fields hold lower-cased keywords so filters are case-insensitive; the original spelling is stored apart.
 */
final class IndexSchema {
    static final String ID = "id";
    static final String IMAGE_PATH = "image_path";
    static final String CAPTION = "caption";
    static final String REPORT = "report";
    static final String DIAGNOSIS = "diagnosis";
    /** The diagnosis normalised for exact matching (case, spacing, trailing period), not stored. */
    static final String DIAGNOSIS_KEY = "diagnosis_key";
    static final String MODALITY = "modality";
    static final String MODALITY_KEY = "modality_key";
    static final String BODY_PART = "body_part";
    static final String BODY_PART_KEY = "body_part_key";
    static final String SPLIT = "split";
    static final String CASE_ID = "case_id";
    static final String DATASET = "dataset";
    /** Caption, diagnosis and report together: the BM25 field. */
    static final String TEXT = "text";
    /** The image embedding; dot product equals cosine because vectors are L2-normalised before indexing. */
    static final String IMAGE_VECTOR = "image_vector";
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private IndexSchema() {
    }

    /** English analysis (standard tokenizer, stop words, Porter stemming) for both indexing and queries. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    static Document toDocument(IndexedCase c, float[] imageVector) {
        Document d = new Document();
        d.add(new StringField(ID, c.id(), Field.Store.YES));
        if (c.imagePath() != null) {
            d.add(new StoredField(IMAGE_PATH, c.imagePath()));
        }
        d.add(new StoredField(CAPTION, c.caption()));
        d.add(new StoredField(REPORT, c.report()));
        d.add(new StoredField(DIAGNOSIS, c.diagnosis()));
        if (!c.diagnosis().isBlank()) {
            d.add(new StringField(DIAGNOSIS_KEY, diagnosisKey(c.diagnosis()), Field.Store.NO));
        }
        keyword(d, MODALITY, MODALITY_KEY, c.modality());
        keyword(d, BODY_PART, BODY_PART_KEY, c.bodyPart());
        d.add(new StringField(SPLIT, c.split(), Field.Store.YES));
        if (c.caseId() != null) {
            d.add(new StringField(CASE_ID, c.caseId(), Field.Store.YES));
        }
        d.add(new StoredField(DATASET, c.dataset()));
        d.add(new TextField(TEXT, String.join("\n", c.caption(), c.diagnosis(), c.report()), Field.Store.NO));
        if (imageVector != null) {
            d.add(new KnnFloatVectorField(IMAGE_VECTOR, imageVector, SIMILARITY));
        }
        return d;
    }

    static IndexedCase fromDocument(Document d) {
        return new IndexedCase(d.get(ID), d.get(IMAGE_PATH), d.get(CAPTION), d.get(REPORT), d.get(DIAGNOSIS),
                d.get(MODALITY), d.get(BODY_PART), d.get(SPLIT), d.get(CASE_ID), d.get(DATASET));
    }

    static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** Lower case, single spaces, no trailing period: "Meningioma." and "meningioma" are the same diagnosis. */
    static String diagnosisKey(String diagnosis) {
        String k = key(diagnosis).replaceAll("\\s+", " ");
        return k.endsWith(".") ? k.substring(0, k.length() - 1).trim() : k;
    }

    private static void keyword(Document d, String stored, String indexed, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new StoredField(stored, value));
            d.add(new StringField(indexed, key(value), Field.Store.NO));
        }
    }
}
