package org.medvl.index.bench;

import java.util.PriorityQueue;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact k-nearest-neighbour search by scanning every vector: the ground truth for recall and the baseline that HNSW
 * is compared with. Written by hand because it is the reference itself (a library's exact mode would hide what is
 * measured); the dot product is Lucene's {@link VectorUtil}, the same kernel the HNSW search uses.
 */
public final class ExactSearch {
    private ExactSearch() {
    }

    /** Indices of the {@code k} vectors with the largest dot product with {@code query}, best first. */
    public static int[] topK(float[][] data, float[] query, int k) {
        PriorityQueue<long[]> heap = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(
                Float.intBitsToFloat((int) a[0]), Float.intBitsToFloat((int) b[0])));
        float worst = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < data.length; i++) {
            float s = VectorUtil.dotProduct(data[i], query);
            if (heap.size() < k || s > worst) {
                heap.add(new long[] {Float.floatToIntBits(s) & 0xFFFFFFFFL, i});
                if (heap.size() > k) {
                    heap.poll();
                }
                worst = Float.intBitsToFloat((int) heap.peek()[0]);
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (int) heap.poll()[1];
        }
        return out;
    }
}
