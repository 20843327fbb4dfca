package org.medvl.eval.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.remote.OpenAiChatClient;
import org.medvl.models.remote.RemoteModelConfig;

/**
 * Names an answering model on the command line. {@code openai:BASE_URL#MODEL} is an OpenAI-compatible server, e.g.
 * {@code openai:http://127.0.0.1:8000/v1#llava-med-7b}; settings (timeouts, retries, key) come from a config.
 * {@code medvl:DIR} is a medvl VQA model directory (e.g. {@code medvl:runs/vqa-rad/model}), opened through
 * {@link MedvlModels}; it travels through the benchmark options as a {@code file:} URL with the model name
 * {@value #LOCAL_MODEL}, so every benchmark command accepts it unchanged.
 */
public final class ModelSpec {
    /** The model name that marks a config as a local medvl model directory. */
    public static final String LOCAL_MODEL = "medvl-local";

    private ModelSpec() {
    }

    /** Parses the URL and model name of an {@code openai:} spec, or the directory of a {@code medvl:} spec. */
    public static RemoteModelConfig remote(String spec) {
        if (spec.startsWith("medvl:")) {
            String dir = spec.substring("medvl:".length());
            if (dir.isBlank()) {
                throw new MedvlException("model '" + spec + "' needs a directory, e.g. medvl:runs/vqa-rad/model");
            }
            return RemoteModelConfig.defaults(Path.of(dir).toAbsolutePath().normalize().toUri(), LOCAL_MODEL);
        }
        if (!spec.startsWith("openai:")) {
            throw new MedvlException("unknown model '" + spec + "': expected openai:BASE_URL#MODEL"
                    + " (an OpenAI-compatible chat-completions server) or medvl:DIR (a medvl VQA model)");
        }
        String rest = spec.substring("openai:".length());
        int hash = rest.lastIndexOf('#');
        if (hash <= 0 || hash == rest.length() - 1) {
            throw new MedvlException("model '" + spec + "' needs a model name after '#', e.g."
                    + " openai:http://127.0.0.1:8000/v1#llava-med-7b");
        }
        try {
            URI base = new URI(rest.substring(0, hash));
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
                throw new MedvlException("model URL must be http or https: " + base);
            }
            return RemoteModelConfig.defaults(base, rest.substring(hash + 1));
        } catch (URISyntaxException e) {
            throw new MedvlException("bad model URL in '" + spec + "': " + e.getMessage());
        }
    }

    /** Whether a config names a local medvl model directory (a {@code medvl:} spec). */
    public static boolean isLocal(RemoteModelConfig config) {
        return "file".equals(config.baseUrl().getScheme()) && LOCAL_MODEL.equals(config.model());
    }

    public static QuestionAnswerer open(RemoteModelConfig config) {
        if (isLocal(config)) {
            return MedvlModels.openQuestionAnswerer(Path.of(config.baseUrl()));
        }
        return new OpenAiChatClient(config);
    }
}
