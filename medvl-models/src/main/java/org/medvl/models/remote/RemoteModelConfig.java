package org.medvl.models.remote;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions server (vLLM, Ollama, llama.cpp server, hosted APIs).
 *
 * @param baseUrl        e.g. http://127.0.0.1:8000/v1 (the client appends /chat/completions)
 * @param model          the served model name
 * @param systemPrompt   system message, or null for none
 * @param temperature    sampling temperature; 0 for deterministic answers
 * @param maxTokens      completion length limit
 * @param timeout        per-request timeout
 * @param maxRetries     retries after the first attempt for timeouts, 429, 5xx and malformed responses
 * @param initialBackoff first retry delay; doubles each retry (a Retry-After header takes precedence)
 * @param concurrency    requests in flight at once
 * @param apiKeyEnv      environment variable holding the API key, or null
 * @param apiKeyFile     file holding the API key, or null (used when the variable is unset)
 */
public record RemoteModelConfig(URI baseUrl, String model, String systemPrompt, double temperature, int maxTokens,
                                Duration timeout, int maxRetries, Duration initialBackoff, int concurrency,
                                String apiKeyEnv, Path apiKeyFile) {
    public RemoteModelConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        if (maxTokens <= 0 || maxRetries < 0 || concurrency <= 0) {
            throw new IllegalArgumentException("maxTokens and concurrency must be positive, maxRetries >= 0");
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
    }

    /** Defaults suited to a local server: temperature 0, 256 tokens, 60 s timeout, 3 retries, 4 in flight. */
    public static RemoteModelConfig defaults(URI baseUrl, String model) {
        return new RemoteModelConfig(baseUrl, model, null, 0.0, 256, Duration.ofSeconds(60), 3,
                Duration.ofMillis(500), 4, "OPENAI_API_KEY", null);
    }

    public RemoteModelConfig withSystemPrompt(String prompt) {
        return new RemoteModelConfig(baseUrl, model, prompt, temperature, maxTokens, timeout, maxRetries,
                initialBackoff, concurrency, apiKeyEnv, apiKeyFile);
    }

    public RemoteModelConfig withRetries(int retries, Duration backoff, Duration requestTimeout) {
        return new RemoteModelConfig(baseUrl, model, systemPrompt, temperature, maxTokens, requestTimeout, retries,
                backoff, concurrency, apiKeyEnv, apiKeyFile);
    }

    public RemoteModelConfig withConcurrency(int n) {
        return new RemoteModelConfig(baseUrl, model, systemPrompt, temperature, maxTokens, timeout, maxRetries,
                initialBackoff, n, apiKeyEnv, apiKeyFile);
    }

    public RemoteModelConfig withApiKey(String env, Path file) {
        return new RemoteModelConfig(baseUrl, model, systemPrompt, temperature, maxTokens, timeout, maxRetries,
                initialBackoff, concurrency, env, file);
    }
}
