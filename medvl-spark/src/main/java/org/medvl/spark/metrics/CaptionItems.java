package org.medvl.spark.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.medvl.core.MedvlException;
import org.medvl.spark.session.TextLines;
import scala.Tuple2;

/**
 * Reads scored items in the format of {@code medvl metrics caption --pairs}: JSON Lines
 * {@code {"refs": ["..."], "hyp": "...", "id": "optional"}}, or Parquet with columns refs (array of strings), hyp and
 * optionally id. Corpus order is file order, which the COCO tokenization needs.
 */
public final class CaptionItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaptionItems() {
    }

    public static JavaRDD<CaptionItem> read(SparkSession spark, String path) {
        boolean parquet = path.toLowerCase(Locale.ROOT).endsWith(".parquet") || Files.isDirectory(Path.of(path));
        if (!parquet && !path.contains("://") && !Files.isRegularFile(Path.of(path))) {
            throw new MedvlException("pairs file " + path + " does not exist");
        }
        JavaRDD<String> lines = parquet ? spark.read().parquet(path).toJSON().javaRDD() : TextLines.of(spark, path);
        // the line number orders the items (blank lines leave gaps, which order does not mind)
        return lines.zipWithIndex().map((Tuple2<String, Long> t) -> parse(path, t._2 + 1, t._1))
                .filter(x -> x != null);
    }

    /** Items already in memory, in order, spread over {@code partitions} slices. */
    public static JavaRDD<CaptionItem> of(SparkSession spark, List<List<String>> refs, List<String> hyps,
            int partitions) {
        if (refs.size() != hyps.size()) {
            throw new IllegalArgumentException("misaligned inputs: " + refs.size() + " reference items but "
                    + hyps.size() + " hypotheses");
        }
        List<CaptionItem> items = new ArrayList<>(hyps.size());
        for (int i = 0; i < hyps.size(); i++) {
            items.add(new CaptionItem(i, null, refs.get(i), hyps.get(i)));
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(items, partitions);
    }

    static CaptionItem parse(String file, long line, String text) {
        if (text.isBlank()) {
            return null;
        }
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (Exception e) {
            throw new MedvlException(file + ":" + line + ": not valid JSON");
        }
        JsonNode refs = o.get("refs");
        if (refs == null || !refs.isArray() || refs.isEmpty()) {
            throw new MedvlException(file + ":" + line + ": field \"refs\" must be a non-empty array of strings");
        }
        List<String> r = new ArrayList<>();
        for (JsonNode n : refs) {
            if (!n.isTextual()) {
                throw new MedvlException(file + ":" + line + ": field \"refs\" must be an array of strings");
            }
            r.add(n.asText());
        }
        JsonNode hyp = o.get("hyp");
        if (hyp == null || !hyp.isTextual()) {
            throw new MedvlException(file + ":" + line + ": field \"hyp\" must be a string");
        }
        JsonNode id = o.get("id");
        return new CaptionItem(line - 1, id == null || id.isNull() ? null : id.asText(), r, hyp.asText());
    }
}
