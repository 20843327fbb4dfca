package org.medvl.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads scalar fields (numbers, booleans, fixed-width strings) from a NumPy {@code .npz} archive: a zip of {@code .npy}
 * files. Written by hand because no maintained Java library reads .npy from Maven Central, and FairVLMed stores each
 * sample's demographics and note as 0-d arrays; only the entries asked for are inflated, so a sample's large image
 * array is never read.
 */
public final class NpzFile {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpzFile() {
    }

    /** The named scalar fields present in the archive: Long, Double, Boolean or String. */
    public static Map<String, Object> scalars(Path npz, Set<String> keys) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            for (String key : keys) {
                ZipEntry e = zip.getEntry(key + ".npy");
                if (e == null) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, readScalar(in, key));
                }
            }
        }
        return out;
    }

    static Object readScalar(InputStream in, String key) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || magic[1] != 'N' || magic[2] != 'U') {
            throw new IOException(key + ".npy is not a NumPy array file");
        }
        int major = magic[6];
        byte[] lenBytes = in.readNBytes(major == 1 ? 2 : 4);
        ByteBuffer lb = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? Short.toUnsignedInt(lb.getShort()) : lb.getInt();
        String header = new String(in.readNBytes(headerLen), StandardCharsets.UTF_8);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IOException(key + ".npy: cannot read the array header");
        }
        String shape = s.group(1).replace(",", " ").trim();
        if (!shape.isEmpty() && !shape.equals("1")) {
            throw new IOException(key + ".npy is an array of shape (" + s.group(1) + "), not a scalar");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        int bytes = kind == 'U' ? size * 4 : size;
        ByteBuffer v = ByteBuffer.wrap(in.readNBytes(bytes)).order(order);
        if (v.remaining() < bytes) {
            throw new IOException(key + ".npy is truncated");
        }
        return switch (kind) {
            case 'i' -> switch (size) {
                case 1 -> (long) v.get();
                case 2 -> (long) v.getShort();
                case 4 -> (long) v.getInt();
                default -> v.getLong();
            };
            case 'u' -> switch (size) {
                case 1 -> (long) Byte.toUnsignedInt(v.get());
                case 2 -> (long) Short.toUnsignedInt(v.getShort());
                case 4 -> Integer.toUnsignedLong(v.getInt());
                default -> v.getLong();
            };
            case 'f' -> size == 4 ? (double) v.getFloat() : v.getDouble();
            case 'b' -> v.get() != 0;
            case 'U' -> utf32(v, size);
            case 'S' -> new String(v.array(), StandardCharsets.ISO_8859_1).replace("\0", "");
            default -> throw new IOException(key + ".npy has unsupported type '" + kind + size + "'");
        };
    }

    private static String utf32(ByteBuffer v, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            int cp = v.getInt();
            if (cp == 0) {
                break;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
