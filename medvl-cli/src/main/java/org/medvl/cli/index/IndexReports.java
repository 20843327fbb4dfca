package org.medvl.cli.index;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.medvl.data.Dataset;
import org.medvl.index.IndexBuilder;
import org.medvl.index.SearchHit;

/** Console output shared by the index commands. */
final class IndexReports {
    private IndexReports() {
    }

    static void printSkips(PrintWriter out, IndexBuilder.Result r) {
        if (r.skipped() > 0) {
            out.printf("skipped %,d cases whose image could not be embedded (--strict stops instead), e.g.:%n",
                    r.skipped());
            r.problems().forEach(p -> out.println("  " + p));
        }
    }

    static void printDataProblems(PrintWriter out, Dataset ds) {
        if (ds.problemCount() > 0) {
            out.printf("the dataset had %,d unreadable records (skipped), e.g.:%n", ds.problemCount());
            ds.problems().stream().limit(5).forEach(p -> out.println("  " + p));
        }
    }

    /** Hidden build folders left by killed builds: harmless to the index, but they take disk space. */
    static void warnLeftovers(PrintWriter out, Path index) {
        List<Path> left = org.medvl.index.IndexBuilder.leftovers(index);
        if (!left.isEmpty()) {
            out.println("note: folders left by interrupted builds (safe to delete when no build is running):");
            left.forEach(p -> out.println("  " + p));
        }
    }

    static void printHits(PrintWriter out, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            out.println("no matching cases");
            return;
        }
        out.printf("%4s %8s %-24s %-6s %-22s %-10s %-10s %s%n", "rank", "score", "id", "mod", "body part", "split",
                "case", "image / caption");
        int rank = 1;
        for (SearchHit h : hits) {
            var c = h.item();
            out.printf("%4d %8.4f %-24s %-6s %-22s %-10s %-10s %s%n", rank++, h.score(), cut(c.id(), 24),
                    cut(c.modality(), 6), cut(c.bodyPart(), 22), c.split(), cut(c.caseId(), 10),
                    c.imagePath() == null ? "(no image)" : c.imagePath());
            if (!c.caption().isBlank()) {
                out.println("     " + cut(c.caption().replaceAll("\\s+", " "), 110));
            }
        }
    }

    private static String cut(String s, int n) {
        if (s == null) {
            return "-";
        }
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
