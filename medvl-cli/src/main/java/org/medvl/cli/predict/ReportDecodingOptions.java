package org.medvl.cli.predict;

import org.medvl.core.MedvlException;
import org.medvl.models.report.decode.DecodeOptions;
import picocli.CommandLine.Option;

/** Decoding options of report generation, shared by {@code predict report} and {@code bench generate}. */
public final class ReportDecodingOptions {
    @Option(names = "--decode", defaultValue = "beam", description = "greedy, beam or sample (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--beam", defaultValue = "3", description = "Beam width (default ${DEFAULT-VALUE})")
    int beam;

    @Option(names = "--length-penalty", defaultValue = "1.0",
            description = "Beam: score = log p / length^penalty (default ${DEFAULT-VALUE})")
    float lengthPenalty;

    @Option(names = "--no-repeat-ngram", defaultValue = "3",
            description = "Never repeat an n-gram of this size, 0 to allow (default ${DEFAULT-VALUE})")
    int noRepeatNgram;

    @Option(names = "--min-length", defaultValue = "0", description = "Minimum tokens (default ${DEFAULT-VALUE})")
    int minLength;

    @Option(names = "--max-length", defaultValue = "0",
            description = "Maximum tokens (default: the model's limit)")
    int maxLength;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sample: temperature (default ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Sample: keep the k most likely tokens, 0 for all")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Sample: nucleus probability (default ${DEFAULT-VALUE})")
    float topP;

    @Option(names = "--seed", defaultValue = "0", description = "Sample: random seed (default ${DEFAULT-VALUE})")
    long seed;

    /** The options for a model whose reports are at most {@code modelMaxLength} tokens. */
    public DecodeOptions options(int modelMaxLength) {
        try {
            DecodeOptions.Method m = DecodeOptions.Method.parse(method);
            int max = maxLength > 0 ? Math.min(maxLength, modelMaxLength) : modelMaxLength;
            return new DecodeOptions(m, m == DecodeOptions.Method.BEAM ? beam : 1, lengthPenalty, noRepeatNgram,
                    minLength, max, temperature, topK, topP, seed);
        } catch (IllegalArgumentException e) {
            throw new MedvlException("decoding options: " + e.getMessage());
        }
    }
}
