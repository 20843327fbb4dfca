package org.medvl.models.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.medvl.core.MedvlException;

/** An API key read from an environment variable or a file. Its toString never shows the key. */
final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    static Optional<ApiKey> resolve(String envVar, Path file) {
        if (envVar != null) {
            String v = System.getenv(envVar);
            if (v != null && !v.isBlank()) {
                return Optional.of(new ApiKey(v.trim()));
            }
        }
        if (file != null) {
            try {
                String v = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (v.isEmpty()) {
                    throw new MedvlException("API key file is empty: " + file);
                }
                return Optional.of(new ApiKey(v));
            } catch (IOException e) {
                throw new MedvlException("cannot read API key file " + file + ": " + e.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }

    String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
