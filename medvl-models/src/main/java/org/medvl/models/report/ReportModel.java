package org.medvl.models.report;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.report.decode.DecodeOptions;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.PipelineImages;

/**
 * A trained report-generation model read from its directory: writes a report for the images of one study, or for
 * many studies in batches, with any {@link DecodeOptions}. Thread-safe (calls are serialised: one model, one engine
 * context). Open it through {@code MedvlModels.openReportWriter} unless you need the batch or decoding entry points.
 */
public final class ReportModel implements ReportWriter {
    /** What {@link #writeReport} uses unless told otherwise: beam 3, length penalty 1, no repeated trigrams. */
    public static DecodeOptions defaultDecoding(int maxLength) {
        return DecodeOptions.beam(3, maxLength).withNoRepeatNgram(3);
    }

    private final Path dir;
    private final NDManager manager;
    private final ReportNetwork network;
    private final WordVocabulary vocabulary;
    private final ImageTensors images;
    private final DecodeOptions defaults;
    private final ReportGenerator generator;
    private final int batchSize;

    private ReportModel(Path dir, NDManager manager, ReportNetwork network, WordVocabulary vocabulary,
                        ImageTensors images, DecodeOptions defaults, int batchSize) {
        this.dir = dir;
        this.manager = manager;
        this.network = network;
        this.vocabulary = vocabulary;
        this.images = images;
        this.defaults = defaults;
        this.generator = new ReportGenerator(network, manager);
        this.batchSize = batchSize;
    }

    /** Opens a model directory with the default decoding. */
    public static ReportModel open(Path dir) {
        return open(dir, null);
    }

    /** Opens a model directory; {@code decoding} null for {@link #defaultDecoding}. */
    public static ReportModel open(Path dir, DecodeOptions decoding) {
        Checkpoints.require(dir, Checkpoints.CONFIG, Checkpoints.WEIGHTS, ReportTrainer.VOCABULARY,
                Checkpoints.PREPROCESS);
        ReportConfig config = Checkpoints.json(dir, Checkpoints.CONFIG, ReportConfig.class);
        WordVocabulary vocabulary = WordVocabulary.load(dir.resolve(ReportTrainer.VOCABULARY));
        if (vocabulary.size() != config.vocabSize()) {
            throw new MedvlException(dir.resolve(ReportTrainer.VOCABULARY) + ": vocabulary has " + vocabulary.size()
                    + " words, config.json says " + config.vocabSize());
        }
        ImageTensors images = PipelineImages.fromJson(Checkpoints.tree(dir, Checkpoints.PREPROCESS),
                dir.resolve(Checkpoints.PREPROCESS).toString());
        NDManager manager = NDManager.newBaseManager();
        try {
            ReportNetwork network = new ReportNetwork(config);
            network.initialize(manager);
            Checkpoints.loadWeights(dir, network, manager);
            return new ReportModel(dir, manager, network, vocabulary, images,
                    decoding == null ? defaultDecoding(config.maxLength()) : decoding, 16);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "report:" + dir.getFileName();
    }

    public ReportConfig config() {
        return network.config();
    }

    public DecodeOptions decoding() {
        return defaults;
    }

    /** The image preprocessing the model was trained with. */
    public ImageTensors images() {
        return images;
    }

    @Override
    public String writeReport(List<Path> studyImages) {
        return writeReports(List.of(studyImages), defaults).get(0);
    }

    /** One report per study, decoded in batches. */
    public List<String> writeReports(List<List<Path>> studies, DecodeOptions options) {
        List<List<float[]>> tensors = new ArrayList<>(studies.size());
        int max = network.config().maxImages();
        for (List<Path> study : studies) {
            if (study.isEmpty()) {
                throw new MedvlException("a study needs at least one image");
            }
            List<float[]> t = new ArrayList<>();
            for (Path p : study.subList(0, Math.min(max, study.size()))) {
                if (!Files.isRegularFile(p)) {
                    throw new MedvlException("image " + p + " does not exist");
                }
                t.add(images.load(p));
            }
            tensors.add(t);
        }
        return generate(tensors, options);
    }

    /** One report per study from pre-decoded image tensors (as {@link #images()} makes them). */
    public synchronized List<String> generate(List<List<float[]>> studies, DecodeOptions options) {
        return generator.generate(studies, options, batchSize).stream().map(vocabulary::decode).toList();
    }

    /** Like {@link #generate} with an explicit decoding batch size (benchmarks compare batch and single). */
    public synchronized List<String> generate(List<List<float[]>> studies, DecodeOptions options, int batch) {
        return generator.generate(studies, options, batch).stream().map(vocabulary::decode).toList();
    }

    @Override
    public synchronized void close() {
        manager.close();
    }
}
