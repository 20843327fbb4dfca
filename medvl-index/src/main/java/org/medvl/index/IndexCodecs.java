package org.medvl.index;

import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * Lucene's default codec with chosen HNSW graph parameters. Only writing needs it: segments record the vectors
 * format by name, so any reader opens them with the default codec.
 */
public final class IndexCodecs {
    private IndexCodecs() {
    }

    /**
     * @param maxConn      M, neighbours kept per node (Lucene default 16)
     * @param beamWidth    efConstruction, candidates considered when inserting (Lucene default 100)
     * @param mergeWorkers threads that build the graph during merges; 1 means the merging thread alone
     * @param executor     pool for those workers, or null when mergeWorkers is 1
     */
    public static Codec hnsw(int maxConn, int beamWidth, int mergeWorkers, ExecutorService executor) {
        KnnVectorsFormat format = mergeWorkers > 1
                ? new Lucene99HnswVectorsFormat(maxConn, beamWidth, mergeWorkers, executor)
                : new Lucene99HnswVectorsFormat(maxConn, beamWidth);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }
}
