package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.data.inspect.DatasetInspector;
import org.medvl.data.inspect.ImageCheck;
import org.medvl.data.synth.PmcOaStyleGenerator;

/**
 * Bounded memory, checked for real: {@code data inspect} over 150,000 PMC-OA-style records runs in a child JVM whose
 * heap (-Xmx40m) is far smaller than the records would need if they were held (~100 MB). The full 1.6M-record run
 * with -Xmx512m is {@code medvl bench data}.
 */
class StreamingScaleTest {
    private static final long RECORDS = 150_000;

    @TempDir
    Path dir;

    @Test
    void inspectStreamsInASmallHeap() throws Exception {
        PmcOaStyleGenerator.write(dir.resolve("train.jsonl"), RECORDS, 7);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx40m", "-Dmedvl.quiet=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("records_read=" + RECORDS), out);
        assertTrue(out.contains("problems=0"), out);
    }

    /** The child: inspect pmc-oa:DIR without image checks and print the counts. */
    public static final class Main {
        public static void main(String[] args) {
            Dataset ds = Datasets.open("pmc-oa:" + args[0]);
            Map<String, Object> r = new DatasetInspector(ImageCheck.NONE, false).inspect(ds);
            System.out.println("records_read=" + r.get("records_read") + " problems=" + ds.problemCount()
                    + " heap_max_mb=" + (Runtime.getRuntime().maxMemory() >> 20));
        }
    }
}
