package org.medvl.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.medvl.eval.run.ModelSpec;
import org.medvl.models.remote.RemoteModelConfig;
import picocli.CommandLine.Option;

/** Options shared by commands that question a model served over an OpenAI-compatible API. */
public final class RemoteModelOptions {
    @Option(names = "--model", required = true, paramLabel = "SPEC",
            description = "Model to question: openai:BASE_URL#MODEL, e.g. openai:http://127.0.0.1:8000/v1#llava-med-7b")
    String model;

    @Option(names = "--system-prompt", description = "System message sent with every question.")
    String systemPrompt;

    @Option(names = "--temperature", defaultValue = "0", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--max-tokens", defaultValue = "256", description = "Answer length limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Per-request timeout (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Option(names = "--retries", defaultValue = "3",
            description = "Retries for time-outs, 429, 5xx and malformed answers (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}).")
    String apiKeyEnv;

    @Option(names = "--api-key-file", description = "File holding the API key (used when the variable is unset).")
    Path apiKeyFile;

    public RemoteModelConfig config() {
        RemoteModelConfig base = ModelSpec.remote(model);
        return new RemoteModelConfig(base.baseUrl(), base.model(), systemPrompt, temperature, maxTokens,
                Duration.ofSeconds(timeoutSeconds), retries, Duration.ofMillis(500), concurrency, apiKeyEnv,
                apiKeyFile);
    }
}
