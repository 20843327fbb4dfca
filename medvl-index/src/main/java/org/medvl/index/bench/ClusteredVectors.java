package org.medvl.index.bench;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.medvl.core.vector.UnitVectors;

/**
 * Seeded unit vectors that look like embeddings rather than uniform noise: they fall into clusters, and within a
 * cluster vary mainly along a few directions of their own (a low-dimensional subspace) plus a little isotropic
 * noise. Uniform random vectors in 512 dimensions are all nearly equidistant, which makes "nearest" meaningless and
 * recall figures uninformative; real image embeddings have low intrinsic dimension and cluster by content.
 */
public final class ClusteredVectors {
    private final int dim;
    private final long seed;
    private final float[][] centres;
    private final float[][][] bases;
    private final float spread;
    private final float noise;

    /**
     * @param dim       dimension
     * @param clusters  number of clusters
     * @param subspace  directions of variation per cluster
     * @param spread    standard deviation along those directions, relative to the unit-length centre
     * @param noise     standard deviation of the isotropic noise (whole vector), relative to the centre
     * @param seed      the same seed gives the same vectors
     */
    public ClusteredVectors(int dim, int clusters, int subspace, float spread, float noise, long seed) {
        if (dim < 2 || clusters < 1 || subspace < 1) {
            throw new IllegalArgumentException("need dim >= 2, clusters >= 1 and subspace >= 1");
        }
        this.dim = dim;
        this.seed = seed;
        this.spread = spread;
        this.noise = noise;
        SplittableRandom r = new SplittableRandom(seed);
        centres = new float[clusters][];
        bases = new float[clusters][subspace][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = gaussian(r, 1.0 / Math.sqrt(dim));
            for (int b = 0; b < subspace; b++) {
                bases[c][b] = gaussian(r, 1.0 / Math.sqrt(dim));
            }
        }
    }

    /** The default shape used by {@code medvl bench index}: about 1,000 vectors per cluster, 16-d subspaces. */
    public static ClusteredVectors standard(int dim, long count, long seed) {
        int clusters = (int) Math.max(1, Math.min(10_000, count / 1000));
        return new ClusteredVectors(dim, clusters, 16, 0.35f, 0.15f, seed);
    }

    public int dimension() {
        return dim;
    }

    /** Vector number {@code i} of the stream identified by {@code stream} (0 for data, 1 for queries, ...). */
    public float[] vector(int stream, long i) {
        SplittableRandom r = new SplittableRandom(mix(seed, stream, i));
        int c = r.nextInt(centres.length);
        float[] v = centres[c].clone();
        double perDirection = spread / Math.sqrt(bases[c].length);
        for (float[] b : bases[c]) {
            double z = r.nextGaussian() * perDirection;
            for (int d = 0; d < dim; d++) {
                v[d] += (float) (z * b[d]);
            }
        }
        double n = noise / Math.sqrt(dim);
        for (int d = 0; d < dim; d++) {
            v[d] += (float) (r.nextGaussian() * n);
        }
        return UnitVectors.normaliseInPlace(v);
    }

    /** {@code count} vectors of one stream, generated in parallel. */
    public float[][] generate(int stream, int count) {
        float[][] out = new float[count][];
        IntStream.range(0, count).parallel().forEach(i -> out[i] = vector(stream, i));
        return out;
    }

    private float[] gaussian(SplittableRandom r, double sd) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) (r.nextGaussian() * sd);
        }
        return v;
    }

    private static long mix(long seed, int stream, long i) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (i + 1)) ^ ((long) stream << 56);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
