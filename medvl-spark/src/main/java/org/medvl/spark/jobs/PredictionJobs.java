package org.medvl.spark.jobs;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.medvl.core.MedvlException;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.models.api.ImageEmbedder;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.api.ZeroShotClassifier;
import org.medvl.models.api.ZeroShotClassifier.LabelScore;

/**
 * The per-item jobs over manifest rows ({@link org.medvl.spark.manifest.ManifestItems#SCHEMA}): each partition gets
 * the executor's model once and calls it item by item, exactly as a single process would, so the outputs equal the
 * single-process ones. Every output row starts with the input's index and id.
 */
public final class PredictionJobs {
    private PredictionJobs() {
    }

    /** What one item becomes, given the model. */
    @FunctionalInterface
    interface ItemFunction<T> extends Serializable {
        Object[] apply(T model, Row item);
    }

    public static final StructType EMBEDDING_SCHEMA = keys()
            .add("image", DataTypes.StringType, false)
            .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    public static final StructType ZERO_SHOT_SCHEMA = keys()
            .add("image", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, false)
            .add("probability", DataTypes.DoubleType, false)
            .add("labels", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    public static final StructType REPORT_SCHEMA = keys()
            .add("report", DataTypes.StringType, false);

    public static final StructType VQA_SCHEMA = keys()
            .add("question", DataTypes.StringType, false)
            .add("answer", DataTypes.StringType, false)
            .add("probability", DataTypes.DoubleType, false);

    /** One column per CheXpert observation, holding the CheXpert code: "1", "0", "-1" or "" (not mentioned). */
    public static final StructType LABEL_SCHEMA = labelSchema();

    /** The L2-normalised embedding of each item's first image. */
    public static Dataset<Row> embed(Dataset<Row> items, ModelSource<? extends ImageEmbedder> model) {
        return run(items, model, EMBEDDING_SCHEMA, (m, r) -> {
            String image = firstImage(r);
            return new Object[] {image, m.embedImage(Path.of(image))};
        });
    }

    /** Zero-shot labels of each item's first image, best first. */
    public static Dataset<Row> zeroShot(Dataset<Row> items, ModelSource<? extends ZeroShotClassifier> model,
            List<String> labels) {
        List<String> fixed = List.copyOf(labels);
        return run(items, model, ZERO_SHOT_SCHEMA, (m, r) -> {
            String image = firstImage(r);
            List<LabelScore> scores = m.classify(Path.of(image), fixed);
            String[] names = new String[scores.size()];
            double[] probs = new double[scores.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = scores.get(i).label();
                probs[i] = scores.get(i).probability();
            }
            return new Object[] {image, names[0], probs[0], names, probs};
        });
    }

    /** A generated report for each item's images. */
    public static Dataset<Row> report(Dataset<Row> items, ModelSource<? extends ReportWriter> model) {
        return run(items, model, REPORT_SCHEMA, (m, r) -> {
            List<Path> images = new ArrayList<>();
            for (String s : r.<String>getList(r.fieldIndex("images"))) {
                images.add(Path.of(s));
            }
            if (images.isEmpty()) {
                throw new MedvlException("manifest item " + r.getString(1) + " has no image");
            }
            return new Object[] {m.writeReport(images)};
        });
    }

    /** The answer to each VQA item's question about its first image. */
    public static Dataset<Row> vqa(Dataset<Row> items, ModelSource<? extends QuestionAnswerer> model) {
        return run(items, model, VQA_SCHEMA, (m, r) -> {
            String question = r.getString(r.fieldIndex("question"));
            if (question == null) {
                throw new MedvlException("manifest item " + r.getString(1) + " has no question");
            }
            ModelAnswer a = m.answer(new VisualQuestion(r.getString(1), Path.of(firstImage(r)), question,
                    r.<String>getList(r.fieldIndex("options"))));
            return new Object[] {question, a.text(), a.probability()};
        });
    }

    /** Findings labels of each item's text (a pair's caption or a study's findings + impression); no model. */
    public static Dataset<Row> label(Dataset<Row> items) {
        ModelSource<NoModel> none = ModelSource.of("none", NoModel::new);
        return run(items, none, LABEL_SCHEMA, (m, r) -> {
            String text = r.getString(r.fieldIndex("text"));
            ReportLabels labels = FindingsLabeler.standard().label(text == null ? "" : text);
            List<FindingState> states = labels.inOrder();
            Object[] out = new Object[states.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = states.get(i).chexpertCode();
            }
            return out;
        });
    }

    static <T extends AutoCloseable> Dataset<Row> run(Dataset<Row> items, ModelSource<? extends T> model,
            StructType schema, ItemFunction<T> fn) {
        JavaRDD<Row> out = items.javaRDD().mapPartitions((Iterator<Row> it) -> {
            if (!it.hasNext()) {
                return it;
            }
            T m = SharedModels.get(model);
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    Row r = it.next();
                    Object[] values = fn.apply(m, r);
                    Object[] row = new Object[values.length + 2];
                    row[0] = r.getLong(0);
                    row[1] = r.getString(1);
                    System.arraycopy(values, 0, row, 2, values.length);
                    return RowFactory.create(row);
                }
            };
        });
        return items.sparkSession().createDataFrame(out, schema);
    }

    private static String firstImage(Row r) {
        List<String> images = r.getList(r.fieldIndex("images"));
        if (images.isEmpty()) {
            throw new MedvlException("manifest item " + r.getString(1) + " has no image");
        }
        return images.get(0);
    }

    private static StructType keys() {
        return new StructType().add("index", DataTypes.LongType, false).add("id", DataTypes.StringType, false);
    }

    private static StructType labelSchema() {
        StructType s = keys();
        for (Observation o : Observation.all()) {
            s = s.add(o.displayName(), DataTypes.StringType, false);
        }
        return s;
    }

    /** The labeler needs no model; this stands in for one. */
    static final class NoModel implements AutoCloseable {
        @Override
        public void close() {
        }
    }
}
