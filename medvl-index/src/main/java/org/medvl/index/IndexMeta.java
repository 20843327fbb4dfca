package org.medvl.index;

import java.util.HashMap;
import java.util.Map;
import org.medvl.core.MedvlException;

/**
 * What an index was built with, stored in the Lucene commit's user data so it changes atomically with the documents
 * it describes (a separate JSON file could disagree with the segments after a crash).
 *
 * @param formatVersion medvl's index layout version; readers refuse layouts they do not know
 * @param embedder      the {@code ImageEmbedder.name()} whose vectors the index holds; "" for a text-only index
 * @param dimension     vector dimension, 0 for a text-only index
 * @param maxConn       HNSW M (neighbours per node)
 * @param beamWidth     HNSW construction beam width (efConstruction)
 * @param buildId       random id of the build; a reader reopens from scratch when it changes (rebuild swapped in)
 * @param source        free text: the dataset spec(s) the index was built from
 */
public record IndexMeta(int formatVersion, String embedder, int dimension, int maxConn, int beamWidth, String buildId,
                        String source) {
    public static final int FORMAT_VERSION = 1;

    public boolean hasVectors() {
        return dimension > 0;
    }

    Map<String, String> toUserData() {
        Map<String, String> m = new HashMap<>();
        m.put("medvl.format", Integer.toString(formatVersion));
        m.put("medvl.embedder", embedder);
        m.put("medvl.dimension", Integer.toString(dimension));
        m.put("medvl.hnsw.maxConn", Integer.toString(maxConn));
        m.put("medvl.hnsw.beamWidth", Integer.toString(beamWidth));
        m.put("medvl.buildId", buildId);
        m.put("medvl.source", source);
        return m;
    }

    static IndexMeta fromUserData(Map<String, String> m, String where) {
        String format = m.get("medvl.format");
        if (format == null) {
            throw new MedvlException(where + " is a Lucene index but not a medvl similar-case index (no medvl.format "
                    + "in its commit data)");
        }
        try {
            IndexMeta meta = new IndexMeta(Integer.parseInt(format), m.getOrDefault("medvl.embedder", ""),
                    Integer.parseInt(m.getOrDefault("medvl.dimension", "0")),
                    Integer.parseInt(m.getOrDefault("medvl.hnsw.maxConn", "16")),
                    Integer.parseInt(m.getOrDefault("medvl.hnsw.beamWidth", "100")),
                    m.getOrDefault("medvl.buildId", ""), m.getOrDefault("medvl.source", ""));
            if (meta.formatVersion != FORMAT_VERSION) {
                throw new MedvlException(where + " has medvl index format " + meta.formatVersion + "; this medvl reads "
                        + "format " + FORMAT_VERSION + ": rebuild it with 'medvl index build'");
            }
            return meta;
        } catch (NumberFormatException e) {
            throw new MedvlException(where + ": corrupt medvl commit data: " + e.getMessage(), e);
        }
    }
}
