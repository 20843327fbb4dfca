package org.medvl.server.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.image.ImageLimits;
import org.medvl.image.MedicalImage;
import org.medvl.image.MedicalImages;
import org.medvl.image.Window;
import org.medvl.image.deid.Deidentifier;
import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomImageReader;
import org.medvl.image.dicom.DicomParser;
import org.medvl.image.dicom.DicomWriter;
import org.medvl.image.dicom.Tags;
import org.medvl.image.raster.RasterImages;
import org.medvl.server.ApiException;

/**
 * Accepts uploads, checks them, and keeps them on disk under random ids. DICOM is de-identified (PS3.15 Basic
 * Profile, medvl-image's {@link Deidentifier}) in memory before a byte is written; raster images are re-encoded as
 * PNG so EXIF and text chunks never reach the disk. Only frame 0 is decoded: it is what the models see. The least
 * recently used upload is deleted once more than {@link UploadLimits#maxStored()} are held. Thread-safe.
 */
public final class UploadStore implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final int BURNED_IN_ANNOTATION = 0x00280301;
    private static final int DECODED_CACHE = 8;
    private final Path dir;
    private final UploadLimits limits;
    private final ImageLimits imageLimits;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, StoredImage> images = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, MedicalImage> decoded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MedicalImage> eldest) {
            return size() > DECODED_CACHE;
        }
    };

    /** @param dir an existing directory the server owns; uploads are written into it and deleted on close */
    public UploadStore(Path dir, UploadLimits limits) {
        this.dir = dir;
        this.limits = limits;
        this.imageLimits = limits.imageLimits();
    }

    public UploadLimits limits() {
        return limits;
    }

    /** Checks, de-identifies (DICOM) or re-encodes (raster), and stores one upload. */
    public StoredImage store(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.badRequest("empty upload: send the image file as the request body");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ApiException(413, "upload of " + bytes.length + " bytes exceeds the limit of "
                    + limits.maxBytes());
        }
        String id = HexFormat.of().formatHex(nextId());
        try {
            StoredImage s = MedicalImages.isDicom(bytes) ? storeDicom(id, bytes) : storeRaster(id, bytes);
            remember(s);
            return s;
        } catch (MedvlException e) {
            if (String.valueOf(e.getMessage()).contains("beyond the limit")) { // the decoder's own pixel check
                throw new ApiException(413, "upload: the image declares more than the limit of " + limits.maxPixels()
                        + " pixels (a guard against decompression bombs)");
            }
            throw new ApiException(status(e), Messages.oneLine(e.getMessage())); // medvl-image names the source "upload"
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // the input drove a decoder somewhere no check foresaw: still the client's file, so a 4xx
            throw new ApiException(400, "upload: unreadable image (" + e.getClass().getSimpleName() + ")");
        }
    }

    private byte[] nextId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private StoredImage storeDicom(String id, byte[] bytes) {
        DicomFile original = DicomParser.parse(bytes, "upload", imageLimits);
        if (!DicomImageReader.hasImage(original)) {
            throw new ApiException(422, "upload: the DICOM object holds no pixel data (a report or other non-image"
                    + " object); send an image");
        }
        DicomDataset ds = original.dataset();
        long pixels = (long) ds.integer(Tags.ROWS, 0) * ds.integer(Tags.COLUMNS, 0);
        checkPixels(pixels);
        Deidentifier.Result clean = new Deidentifier().apply(original);
        byte[] out = DicomWriter.write(clean.file());
        MedicalImage img = MedicalImages.decode(out, "upload", 0, 1, imageLimits);
        List<String> warnings = new ArrayList<>();
        if (clean.file().dataset().string(BURNED_IN_ANNOTATION).trim().equalsIgnoreCase("YES")) {
            warnings.add("Burned In Annotation is YES: text in the pixels may identify the patient and is not removed");
        }
        if (img.header().numberOfFrames() > 1) {
            warnings.add("multi-frame object: only frame 1 of " + img.header().numberOfFrames() + " is used");
        }
        Path file = dir.resolve(id + ".dcm");
        AtomicFiles.write(file, o -> o.write(out));
        Window w = img.samplesPerPixel() == 1 ? img.defaultWindow(0) : new Window(127.5, 256);
        putDecoded(id, img);
        return new StoredImage(id, file, "DICOM", img.width(), img.height(), img.header().numberOfFrames(),
                img.samplesPerPixel() == 1, img.header().modality(), img.header().bodyPart(),
                clean.file().dataset().string(Tags.STUDY_INSTANCE_UID), true, w.center(), w.width(), warnings);
    }

    private StoredImage storeRaster(String id, byte[] bytes) {
        String format = RasterImages.formatOf(bytes);
        if (format == null) {
            throw new ApiException(415, "upload: not a recognised image; send DICOM, PNG, JPEG, BMP, TIFF or GIF");
        }
        MedicalImage img = MedicalImages.decode(bytes, "upload", 0, 1, imageLimits);
        checkPixels((long) img.width() * img.height());
        byte[] png = reencode(img);
        Path file = dir.resolve(id + ".png");
        AtomicFiles.write(file, o -> o.write(png));
        putDecoded(id, img);
        boolean grey = img.samplesPerPixel() == 1;
        Window w = grey ? img.defaultWindow(0) : new Window(127.5, 256);
        return new StoredImage(id, file, format, img.width(), img.height(), 1, grey, "", "", "", false, w.center(),
                w.width(), List.of());
    }

    private void checkPixels(long pixels) {
        if (pixels > limits.maxPixels()) {
            throw new ApiException(413, "upload: the image declares " + pixels + " pixels, more than the limit of "
                    + limits.maxPixels() + " (a guard against decompression bombs)");
        }
    }

    /** The stored upload with this id: 400 for an id that cannot be one of ours, 404 for an unknown one. */
    public StoredImage get(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.badRequest("image id must be 32 lowercase hex digits, as returned by POST /api/images");
        }
        synchronized (images) {
            StoredImage s = images.get(id);
            if (s == null) {
                throw ApiException.notFound("no image " + id + " (uploads are kept for this server session only,"
                        + " the oldest deleted beyond " + limits.maxStored() + ")");
            }
            return s;
        }
    }

    /** Decoded frame 0 of a stored upload (cached for the few most recent). */
    public MedicalImage decoded(StoredImage s) {
        synchronized (decoded) {
            MedicalImage m = decoded.get(s.id());
            if (m != null) {
                return m;
            }
        }
        MedicalImage m = MedicalImages.decode(read(s.file()), "stored image", 0, 1, imageLimits);
        putDecoded(s.id(), m);
        return m;
    }

    public boolean delete(String id) {
        StoredImage s;
        synchronized (images) {
            s = images.remove(get(id).id());
        }
        synchronized (decoded) {
            decoded.remove(id);
        }
        deleteFile(s.file());
        return true;
    }

    public int size() {
        synchronized (images) {
            return images.size();
        }
    }

    private void remember(StoredImage s) {
        List<StoredImage> evicted = new ArrayList<>();
        synchronized (images) {
            images.put(s.id(), s);
            var it = images.values().iterator();
            while (images.size() - evicted.size() > limits.maxStored() && it.hasNext()) {
                StoredImage old = it.next();
                evicted.add(old);
            }
            evicted.forEach(e -> images.remove(e.id()));
        }
        for (StoredImage e : evicted) {
            synchronized (decoded) {
                decoded.remove(e.id());
            }
            deleteFile(e.file());
        }
    }

    private void putDecoded(String id, MedicalImage m) {
        synchronized (decoded) {
            decoded.put(id, m);
        }
    }

    /** Deletes every upload this store wrote. */
    @Override
    public void close() {
        synchronized (images) {
            images.clear();
        }
        synchronized (decoded) {
            decoded.clear();
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}\\.(dcm|png)")).forEach(UploadStore::deleteFile);
        } catch (IOException e) {
            // the directory is gone already: nothing left to delete
        }
    }

    /** Lossless PNG of the decoded pixels: 8- or 16-bit grey, or 8-bit RGB. */
    static byte[] reencode(MedicalImage img) {
        int w = img.width();
        int h = img.height();
        int[] s = img.storedValues(0);
        BufferedImage out;
        if (img.samplesPerPixel() == 1 && img.bitsStored() <= 8) {
            out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) s[i];
            }
        } else if (img.samplesPerPixel() == 1) {
            out = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
            short[] px = ((DataBufferUShort) out.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i++) {
                px[i] = (short) s[i];
            }
        } else {
            out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int shift = Math.max(0, img.bitsStored() - 8);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int k = (y * w + x) * 3;
                    out.setRGB(x, y, (s[k] >> shift) << 16 | (s[k + 1] >> shift) << 8 | s[k + 2] >> shift);
                }
            }
        }
        return Renderer.encode(out);
    }

    private static int status(MedvlException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("exceeds the limit") || m.contains("too large") ? 413 : 400;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ApiException(410, "stored image is no longer available");
        }
    }

    private static void deleteFile(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the directory is removed on shutdown
        }
    }
}
