package org.medvl.models.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * SHA-256 over one line per training example, in order. Saved with each checkpoint so that {@code --resume} on
 * different data is refused instead of silently mixing two runs.
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    /** Hex SHA-256 of {@code line(e) + "\n"} for every example, in order. */
    public static <T> String of(Iterable<T> examples, Function<T, String> line) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (T e : examples) {
                md.update((line.apply(e) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
