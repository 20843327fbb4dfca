package org.medvl.cli.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.medvl.core.MedvlException;
import org.medvl.server.Workbench;
import org.medvl.server.WorkbenchConfig;
import org.medvl.server.batch.BatchPolicy;
import org.medvl.server.images.UploadLimits;
import org.medvl.server.models.ModelDirectory;
import org.medvl.server.models.ModelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medvl serve --models DIR}: the workbench web page and REST API over the models a directory holds, until
 * interrupted (Ctrl-C stops it cleanly: waiting requests fail with 503, uploads are deleted).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve models: web page, REST API and FHIR R4 DiagnosticReports (binds 127.0.0.1 by default).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--models", required = true, paramLabel = "DIR",
            description = "Directory holding model checkpoints (itself or its subdirectories).")
    Path models;

    @Option(names = "--index", paramLabel = "DIR",
            description = "A similar-case index (medvl index build) to search with the served CLIP model.")
    Path index;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0: any free one; default 8080).")
    int port;

    @Option(names = "--host", defaultValue = WorkbenchConfig.LOOPBACK,
            description = "Address to bind (default 127.0.0.1: this machine only).")
    String host;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding a bearer token that /api/* and /metrics then require.")
    Path tokenFile;

    @Option(names = "--max-upload-mb", defaultValue = "64", description = "Largest upload in MiB (default 64).")
    long maxUploadMb;

    @Option(names = "--max-pixels", defaultValue = "50000000",
            description = "Largest image in pixels, against decompression bombs (default 50,000,000).")
    long maxPixels;

    @Option(names = "--batch-size", defaultValue = "8", description = "Most requests one model batch holds (default 8).")
    int batchSize;

    @Option(names = "--batch-wait-ms", defaultValue = "10",
            description = "Longest a request waits for others to join its batch (default 10 ms).")
    long batchWaitMs;

    @Option(names = "--queue", defaultValue = "64",
            description = "Requests that may wait per model; beyond it the server answers 503 (default 64).")
    int queue;

    @Override
    public Integer call() throws Exception {
        WorkbenchConfig config = new WorkbenchConfig(host, port, readToken(tokenFile),
                new UploadLimits(maxUploadMb << 20, maxPixels, UploadLimits.DEFAULT.maxStored()),
                new BatchPolicy(batchSize, batchWaitMs, queue), null, Duration.ofSeconds(120));
        ModelSet set = ModelDirectory.load(models, System.err::println);
        if (index != null) {
            if (set.embedder() == null) {
                set.close();
                throw new MedvlException("--index needs a CLIP model in " + models + " to embed query images");
            }
            set = set.withSimilar(new IndexSimilarCases(index, set.embedder()));
        }
        Workbench server = Workbench.start(config, set);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "medvl-serve-shutdown"));
        for (ModelSet.Panel p : set.panels()) {
            System.out.println("  " + p.panel() + ": " + (p.enabled() ? p.model() : "off (" + p.note() + ")"));
        }
        System.out.println("medvl workbench at " + server.url() + "/  (API: " + server.url() + "/openapi.json;"
                + " Ctrl-C stops)");
        stopped.await();
        return 0;
    }

    /** The token in a file, trimmed; warns when others may read the file. */
    static String readToken(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new MedvlException("token file " + file + " does not exist");
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (token.isEmpty() || token.lines().count() > 1) {
            throw new MedvlException("token file " + file + " must hold one non-empty line");
        }
        if (token.length() < 16) {
            System.err.println("warning: the token in " + file + " is shorter than 16 characters");
        }
        try {
            if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
                System.err.println("warning: " + file + " is readable by other users; chmod 600 it");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
        return token;
    }
}
