package org.medvl.models.report.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medvl.core.vector.UnitVectors;
import org.medvl.models.api.ImageEmbedder;

class RetrievalReportWriterTest {
    /** Embeds an image by a fixed vector per file name, and records which images it was asked for. */
    static final class TableEmbedder implements ImageEmbedder {
        final Map<String, float[]> table;
        final List<String> asked = new ArrayList<>();
        boolean closed;

        TableEmbedder(Map<String, float[]> table) {
            this.table = table;
        }

        @Override
        public String name() {
            return "table";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embedImage(Path image) {
            asked.add(image.toString());
            return UnitVectors.normalised(table.get(image.toString()));
        }

        @Override
        public float[] embedText(String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Path p(String s) {
        return Path.of(s);
    }

    @Test
    void returnsTheReportOfTheNearestTrainingStudyWithMeanPooledViews() {
        TableEmbedder e = new TableEmbedder(Map.of(
                "x1", new float[] {1, 0}, "y1", new float[] {0, 1},
                "d1", new float[] {1, 0.2f}, "d2", new float[] {0, 1},   // mean points to 45 degrees
                "q1", new float[] {0.9f, 0.1f}, "q2", new float[] {0.2f, 1}, "q3", new float[] {1, 1}));
        int[] steps = {0};
        RetrievalReportWriter w = RetrievalReportWriter.fit(e, List.of(
                new TrainingReport("x", List.of(p("x1")), "right-leaning report"),
                new TrainingReport("y", List.of(p("y1")), "upward report"),
                new TrainingReport("diag", List.of(p("d1"), p("d2")), "diagonal two-view report"),
                new TrainingReport("no-images", List.of(), "never returned"),
                new TrainingReport("no-text", List.of(p("x1")), " ")), n -> steps[0] += n);
        assertEquals(5, steps[0]);
        assertEquals(3, w.size(), "studies without images or text are not candidates");
        assertEquals("right-leaning report", w.writeReport(List.of(p("q1"))));
        assertEquals("upward report", w.writeReport(List.of(p("q2"))));
        assertEquals("diagonal two-view report", w.writeReport(List.of(p("q3"))));
        // a two-view query is pooled too: x + y views average to the diagonal
        assertEquals("diag", w.nearest(List.of(p("x1"), p("y1"))).id());
        assertEquals("retrieval:table", w.name());
        w.close();
        assertTrue(e.closed);
    }

    @Test
    void tiesGoToTheEarlierTrainingStudy() {
        TableEmbedder e = new TableEmbedder(Map.of("a", new float[] {1, 0}, "b", new float[] {1, 0},
                "q", new float[] {1, 0}));
        RetrievalReportWriter w = RetrievalReportWriter.fit("r", e, List.of(
                new TrainingReport("first", List.of(p("a")), "first report"),
                new TrainingReport("second", List.of(p("b")), "second report")), null);
        assertEquals("first report", w.writeReport(List.of(p("q"))));
        assertEquals("r", w.name());
    }
}
