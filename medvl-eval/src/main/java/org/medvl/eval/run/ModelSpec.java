package org.medvl.eval.run;

import java.net.URI;
import java.net.URISyntaxException;
import org.medvl.core.MedvlException;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.remote.OpenAiChatClient;
import org.medvl.models.remote.RemoteModelConfig;

/**
 * Names an answering model on the command line. {@code openai:BASE_URL#MODEL} is an OpenAI-compatible server, e.g.
 * {@code openai:http://127.0.0.1:8000/v1#llava-med-7b}; settings (timeouts, retries, key) come from a config.
 */
public final class ModelSpec {
    private ModelSpec() {
    }

    /** Parses the URL and model name of an {@code openai:} spec. */
    public static RemoteModelConfig remote(String spec) {
        if (!spec.startsWith("openai:")) {
            throw new MedvlException("unknown model '" + spec + "': expected openai:BASE_URL#MODEL"
                    + " (an OpenAI-compatible chat-completions server)");
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

    public static QuestionAnswerer open(RemoteModelConfig config) {
        return new OpenAiChatClient(config);
    }
}
