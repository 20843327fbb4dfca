package org.medvl.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Writes small dataset fixtures in published layouts. */
final class Fixture {
    final Path root;

    Fixture(Path root) {
        this.root = root;
    }

    Path text(String rel, String content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path bytes(String rel, byte[] content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path gzip(String rel, String content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(rel, b.toByteArray());
    }

    /** A real 8x8 image in the format the extension names (png or jpg). */
    Path image(String rel) {
        try {
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setSample(3, 3, 0, 200);
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            ImageIO.write(img, rel.endsWith(".png") ? "png" : "jpg", p.toFile());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A NumPy .npz whose entries are 0-d arrays: Long -> '<i8', Double -> '<f8', String -> '<U'. */
    Path npz(String rel, Map<String, Object> scalars) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(b)) {
            for (var e : scalars.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(e.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(rel, b.toByteArray());
    }

    private static byte[] npy(Object v) {
        String descr;
        ByteBuffer data;
        if (v instanceof Long l) {
            descr = "<i8";
            data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(l);
        } else if (v instanceof Double d) {
            descr = "<f8";
            data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(d);
        } else {
            String s = (String) v;
            int n = s.codePointCount(0, s.length());
            descr = "<U" + n;
            data = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            s.codePoints().forEach(data::putInt);
        }
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.put(data.array());
        return out.array();
    }

    static String lines(String... lines) {
        return String.join("\n", List.of(lines)) + "\n";
    }
}
