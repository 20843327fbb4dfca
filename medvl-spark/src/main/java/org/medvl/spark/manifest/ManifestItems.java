package org.medvl.spark.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.medvl.core.MedvlException;
import scala.Tuple2;

/**
 * Reads a medvl manifest (JSON Lines as medvl-data's ManifestWriter writes it, or Parquet) into one row per record,
 * in the columns the jobs need. Relative image paths are resolved against the manifest's folder, as medvl-data does;
 * on a cluster that folder (or the absolute paths inside) must be visible to every executor.
 */
public final class ManifestItems {
    /** Row order of the manifest (0-based, records only), id, kind, image paths, text, question, options, answer. */
    public static final StructType SCHEMA = new StructType()
            .add("index", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("images", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("text", DataTypes.StringType, true)
            .add("question", DataTypes.StringType, true)
            .add("options", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("answer", DataTypes.StringType, true);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestItems() {
    }

    /** JSONL unless the path ends in .parquet or is a folder (Spark's Parquet output). */
    public static Dataset<Row> read(SparkSession spark, String path, int partitions) {
        Path p = Path.of(path);
        boolean parquet = path.toLowerCase(Locale.ROOT).endsWith(".parquet") || Files.isDirectory(p);
        if (!parquet && !Files.isRegularFile(p) && !path.contains("://")) {
            throw new MedvlException("manifest " + path + " does not exist");
        }
        String base = parent(path);
        JavaRDD<Row> rows;
        if (parquet) {
            Dataset<Row> in = spark.read().parquet(path);
            rows = in.toJSON().javaRDD().zipWithIndex().map(t -> parse(path, t._2 + 1, t._1, base))
                    .filter(r -> r != null);
        } else {
            rows = org.medvl.spark.session.TextLines.of(spark, path).zipWithIndex()
                    .map((Tuple2<String, Long> t) -> parse(path, t._2 + 1, t._1, base)).filter(r -> r != null);
        }
        JavaRDD<Row> numbered = rows.zipWithIndex().map(t -> withIndex(t._1, t._2));
        if (partitions > 0) {
            numbered = numbered.repartition(partitions);
        }
        return spark.createDataFrame(numbered, SCHEMA);
    }

    /** One manifest line as a row (index filled in later), or null for blank and header lines. */
    static Row parse(String file, long line, String text, String base) {
        if (text.isBlank()) {
            return null;
        }
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (Exception e) {
            throw new MedvlException(file + ":" + line + ": not valid JSON");
        }
        if (!o.isObject()) {
            throw new MedvlException(file + ":" + line + ": a record must be a JSON object");
        }
        String kind = o.path("kind").asText("");
        if (kind.equals("header")) {
            return null;
        }
        String id = o.path("id").asText("");
        if (id.isEmpty()) {
            throw new MedvlException(file + ":" + line + ": missing field \"id\"");
        }
        List<String> images = new ArrayList<>();
        if (o.hasNonNull("image")) {
            images.add(image(o.get("image"), file, line, base));
        }
        if (o.path("images").isArray()) {
            for (JsonNode n : o.get("images")) {
                images.add(image(n, file, line, base));
            }
        }
        List<String> options = new ArrayList<>();
        o.path("options").forEach(n -> options.add(n.asText()));
        return RowFactory.create(0L, id, kind.isEmpty() ? "pair" : kind, images.toArray(new String[0]),
                text(o), opt(o, "question"), options.toArray(new String[0]), opt(o, "answer"));
    }

    /** A pair's text, or a study's report (findings then impression, or its free-text "report"). */
    private static String text(JsonNode o) {
        if (o.hasNonNull("text")) {
            return o.get("text").asText();
        }
        JsonNode s = o.get("sections");
        if (s != null && s.isObject()) {
            String findings = s.path("findings").asText("").trim();
            String impression = s.path("impression").asText("").trim();
            return (findings + " " + impression).trim();
        }
        return opt(o, "report");
    }

    private static String image(JsonNode n, String file, long line, String base) {
        JsonNode p = n.isTextual() ? n : n.get("path");
        if (p == null || !p.isTextual() || p.asText().isEmpty()) {
            throw new MedvlException(file + ":" + line + ": an image must be a path or an object with \"path\"");
        }
        String s = p.asText();
        if (s.startsWith("/") || s.contains("://") || base == null) {
            return s;
        }
        return base + "/" + s;
    }

    private static String opt(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Row withIndex(Row r, long index) {
        Object[] v = new Object[r.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        v[0] = index;
        return RowFactory.create(v);
    }

    private static String parent(String path) {
        if (path.contains("://")) {
            int slash = path.lastIndexOf('/');
            return slash > 0 ? path.substring(0, slash) : null;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        return parent == null ? null : parent.toString();
    }
}
