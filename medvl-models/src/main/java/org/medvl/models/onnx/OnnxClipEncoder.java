package org.medvl.models.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.core.vector.UnitVectors;
import org.medvl.models.clip.ClipEncoder;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.PipelineImages;

/**
 * Runs exported CLIP-style encoders (BiomedCLIP, PubMedCLIP, a medvl model exported from Python...) with ONNX
 * Runtime. The directory holds {@value #IMAGE_MODEL}, {@value #TEXT_MODEL}, a HuggingFace {@code tokenizer.json}
 * (any model type the tokenizers library reads: WordPiece, BPE, Unigram) and {@value #CONFIG}
 * ({@link OnnxClipConfig}). Each encoder's first output is taken as the embedding and L2-normalised.
 */
public final class OnnxClipEncoder implements ClipEncoder {
    public static final String IMAGE_MODEL = "image_encoder.onnx";
    public static final String TEXT_MODEL = "text_encoder.onnx";
    public static final String CONFIG = "clip-onnx.json";
    private static final int BATCH = 32;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession image;
    private final OrtSession text;
    private final HuggingFaceTokenizer tokenizer;
    private final OnnxClipConfig config;
    private final ImageTensors images;

    private OnnxClipEncoder(Path dir) throws OrtException, IOException {
        for (String f : List.of(IMAGE_MODEL, TEXT_MODEL, "tokenizer.json", CONFIG)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new MedvlException(dir + " is not an ONNX CLIP export: " + f + " is missing");
            }
        }
        try {
            this.config = new ObjectMapper().readValue(dir.resolve(CONFIG).toFile(), OnnxClipConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new MedvlException("cannot read " + dir.resolve(CONFIG) + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        this.images = PipelineImages.fromJson(config.preprocess(), dir.resolve(CONFIG) + " field preprocess");
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        this.image = env.createSession(dir.resolve(IMAGE_MODEL).toString(), opts);
        this.text = env.createSession(dir.resolve(TEXT_MODEL).toString(), opts);
        requireInput(image, config.imageInput(), dir.resolve(IMAGE_MODEL));
        requireInput(text, config.textIds(), dir.resolve(TEXT_MODEL));
        if (config.textMask() != null) {
            requireInput(text, config.textMask(), dir.resolve(TEXT_MODEL));
        }
        this.tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(dir.resolve("tokenizer.json"))
                .optAddSpecialTokens(true).optTruncation(true).optMaxLength(config.maxLength())
                .optPadToMaxLength().build();
    }

    /** Opens an export directory; every problem names the file at fault. */
    public static OnnxClipEncoder open(Path dir) {
        try {
            return new OnnxClipEncoder(dir);
        } catch (OrtException | IOException e) {
            throw new MedvlException("cannot load ONNX encoders from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} looks like an ONNX CLIP export. */
    public static boolean isExport(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    private static void requireInput(OrtSession s, String name, Path file) throws OrtException {
        if (!s.getInputNames().contains(name)) {
            throw new MedvlException(file + ": has no input '" + name + "' (inputs: " + s.getInputNames() + ")");
        }
    }

    public ImageTensors imageTensors() {
        return images;
    }

    @Override
    public float[][] embedImages(List<Path> files) {
        List<float[]> out = new ArrayList<>();
        int per = images.channels() * images.size() * images.size();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + BATCH));
            float[] flat = new float[chunk.size() * per];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(images.load(chunk.get(i)), 0, flat, i * per, per);
            }
            long[] shape = {chunk.size(), images.channels(), images.size(), images.size()};
            try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), shape)) {
                out.addAll(run(image, Map.of(config.imageInput(), x)));
            } catch (OrtException e) {
                throw new MedvlException("image encoder failed: " + e.getMessage(), e);
            }
        }
        return out.toArray(float[][]::new);
    }

    @Override
    public float[][] embedTexts(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + BATCH));
            Encoding[] enc = tokenizer.batchEncode(chunk);
            int t = enc[0].getIds().length;
            long[] ids = new long[chunk.size() * t];
            long[] mask = new long[chunk.size() * t];
            for (int i = 0; i < enc.length; i++) {
                System.arraycopy(enc[i].getIds(), 0, ids, i * t, t);
                System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * t, t);
            }
            long[] shape = {chunk.size(), t};
            Map<String, OnnxTensor> in = new HashMap<>();
            try {
                in.put(config.textIds(), OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
                if (config.textMask() != null) {
                    in.put(config.textMask(), OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
                }
                out.addAll(run(text, in));
            } catch (OrtException e) {
                throw new MedvlException("text encoder failed: " + e.getMessage(), e);
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        }
        return out.toArray(float[][]::new);
    }

    private static List<float[]> run(OrtSession s, Map<String, OnnxTensor> inputs) throws OrtException {
        try (OrtSession.Result r = s.run(inputs)) {
            float[][] e = (float[][]) r.get(0).getValue();
            List<float[]> out = new ArrayList<>(e.length);
            for (float[] row : e) {
                out.add(UnitVectors.normaliseInPlace(row));
            }
            return out;
        }
    }

    @Override
    public float logitScale() {
        return config.logitScale();
    }

    @Override
    public void close() {
        try {
            image.close();
            text.close();
        } catch (OrtException e) {
            throw new MedvlException("cannot close ONNX sessions: " + e.getMessage(), e);
        } finally {
            tokenizer.close();
        }
    }
}
