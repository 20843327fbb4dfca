package org.medvl.cli.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.index.SearchHit;
import org.medvl.index.SimilarCaseIndex;
import org.medvl.index.SimilarCaseQuery;
import org.medvl.models.api.ImageEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvl index search}: similar cases for an image, a text, or both (fused by reciprocal rank fusion). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Find similar cases by image (PNG/JPEG/DICOM), text, or both (reciprocal rank fusion, k=60).")
public final class IndexSearchCommand implements Callable<Integer> {
    @Option(names = {"-i", "--index"}, required = true, paramLabel = "DIR", description = "Index directory.")
    Path index;

    @Option(names = "--image", paramLabel = "FILE", description = "Query image; needs the index's --model.")
    Path image;

    @Option(names = {"-t", "--text"}, paramLabel = "TEXT", description = "Query text (findings, diagnosis, keywords).")
    String text;

    @Option(names = "--text-mode", defaultValue = "BM25", paramLabel = "MODE",
            description = "How text is matched: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); embedding and both "
                    + "need a CLIP model with a text encoder.")
    SimilarCaseQuery.TextMode textMode;

    @Option(names = {"-k", "--top"}, defaultValue = "10", description = "Number of hits (default 10).")
    int k;

    @Option(names = "--exclude", paramLabel = "ID", split = ",", description = "Case ids never to return.")
    List<String> exclude = new java.util.ArrayList<>();

    @Option(names = "--json", description = "Print the hits as JSON instead of a table.")
    boolean json;

    @Mixin
    ModelOption model;

    @Mixin
    FilterOptions filters;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (image == null && (text == null || text.isBlank())) {
            throw new MedvlException("give --image FILE, --text TEXT or both");
        }
        SimilarCaseQuery.Builder b = SimilarCaseQuery.builder().image(image).text(text).textMode(textMode).k(k)
                .exclude(exclude.toArray(String[]::new));
        filters.applyTo(b);
        SimilarCaseQuery query;
        try {
            query = b.build();
        } catch (IllegalArgumentException e) {
            throw new MedvlException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ImageEmbedder embedder = model.openOrNull();
             SimilarCaseIndex idx = SimilarCaseIndex.open(index, embedder)) {
            List<SearchHit> hits = idx.search(query);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(hits));
            } else {
                IndexReports.printHits(out, hits);
            }
        }
        return 0;
    }
}
