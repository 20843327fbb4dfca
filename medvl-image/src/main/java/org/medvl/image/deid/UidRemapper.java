package org.medvl.image.deid;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces UIDs with new ones under the {@code 2.25} root (UUID-derived, PS3.5 B.2), the same replacement for the
 * same original throughout one run, so references between de-identified files stay intact. Thread-safe.
 */
public final class UidRemapper {
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

    public String remap(String uid) {
        if (uid.isEmpty()) {
            return uid;
        }
        return map.computeIfAbsent(uid, u -> fresh());
    }

    public int size() {
        return map.size();
    }

    private static String fresh() {
        UUID u = UUID.randomUUID();
        byte[] b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, b);
    }
}
