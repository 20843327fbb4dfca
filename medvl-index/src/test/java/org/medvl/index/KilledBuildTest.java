package org.medvl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL (no cleanup runs) in another JVM must leave the previous index intact and searchable.
 */
class KilledBuildTest {
    @TempDir
    Path tmp;

    @Test
    void killedBuildLeavesThePreviousIndexUsable() throws Exception {
        TopicEmbedder embedder = new TopicEmbedder();
        List<IndexedCase> cases = Fixtures.cases(tmp.resolve("images"));
        Path dir = tmp.resolve("index");
        IndexBuilder.build(dir, cases.stream(), embedder, IndexBuilder.Options.DEFAULT);
        Path marker = tmp.resolve("started");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlowBuild.class.getName(), dir.toString(), tmp.resolve("images").toString(), marker.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(marker) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(marker), "the child build never started: " + Files.readString(
                    tmp.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix: no finally blocks, no shutdown hooks
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(child.isAlive());
        assertFalse(IndexBuilder.leftovers(dir).isEmpty(), "the killed build's temporary folder is still there");
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            assertEquals(30, index.size());
            assertEquals(cases.get(7).id(), index.search(SimilarCaseQuery.builder()
                    .image(Path.of(cases.get(7).imagePath())).k(1).build()).get(0).id());
        }
        // The next build succeeds and replaces the index as usual.
        IndexBuilder.build(dir, cases.subList(0, 4).stream(), embedder, IndexBuilder.Options.DEFAULT);
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            assertEquals(4, index.size());
        }
    }

    /** The child: rebuilds the index with an embedder that signals, then stalls, mid-way. */
    public static final class SlowBuild {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Path marker = Path.of(args[2]);
            TopicEmbedder inner = new TopicEmbedder();
            org.medvl.models.api.ImageEmbedder slow = new org.medvl.models.api.ImageEmbedder() {
                int n;

                @Override
                public String name() {
                    return inner.name();
                }

                @Override
                public int dimension() {
                    return inner.dimension();
                }

                @Override
                public synchronized float[] embedImage(Path image) {
                    if (++n == 10) {
                        try {
                            Files.writeString(marker, "embedding");
                            Thread.sleep(120_000);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return inner.embedImage(image);
                }

                @Override
                public float[] embedText(String text) {
                    return inner.embedText(text);
                }
            };
            IndexBuilder.build(dir, Fixtures.cases(Path.of(args[1])).stream(), slow, IndexBuilder.Options.DEFAULT);
        }
    }
}
