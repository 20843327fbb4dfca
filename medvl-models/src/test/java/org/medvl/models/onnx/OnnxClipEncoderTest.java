package org.medvl.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.models.clip.ZeroShotClassifier;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.tokenizer.WordPieceTrainer;
import org.medvl.models.train.PipelineImages;

/**
 * Writes small real ONNX encoders (linear image encoder, mean-of-embeddings text encoder), runs them through
 * {@link OnnxClipEncoder}, and checks the embeddings against the same arithmetic done in Java.
 */
class OnnxClipEncoderTest {
    static final int SIZE = 4;
    static final int DIM = 3;

    @TempDir
    Path dir;

    @Test
    void embedsImagesAndTextsExactlyAsTheGraphsSay() throws Exception {
        Random rng = new Random(3);
        float[] w = randoms(rng, SIZE * SIZE * DIM);
        WordPieceTokenizer tok = new WordPieceTrainer(40, 1).train(List.of("bright left", "bright right", "dark"));
        float[] table = randoms(rng, tok.vocabSize() * DIM);
        writeExport(w, table, tok);
        Path left = image("left.png", true);
        Path right = image("right.png", false);

        try (OnnxClipEncoder enc = OnnxClipEncoder.open(dir)) {
            float[][] img = enc.embedImages(List.of(left, right));
            PipelineImages pipe = (PipelineImages) enc.imageTensors();
            for (int i = 0; i < 2; i++) {
                float[] x = pipe.load(List.of(left, right).get(i));
                float[] expected = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    for (int p = 0; p < x.length; p++) {
                        expected[d] += x[p] * w[p * DIM + d];
                    }
                }
                assertArrayEquals(normalize(expected), img[i], 1e-5f);
            }
            float[][] txt = enc.embedTexts(List.of("bright left", "dark"));
            int[] ids = tok.encode("bright left");
            float[] expected = new float[DIM];
            for (int id : ids) {
                for (int d = 0; d < DIM; d++) {
                    expected[d] += table[id * DIM + d] / ids.length;
                }
            }
            assertArrayEquals(normalize(expected), txt[0], 1e-5f, "padding must be masked out");
            assertEquals(50f, enc.logitScale());
            var preds = new ZeroShotClassifier(enc, java.util.Map.of("a", List.of("bright left"), "b", List.of("dark")))
                    .classify(List.of(left));
            assertEquals(1.0, preds.get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum(),
                    1e-9);
        }
    }

    @Test
    void namesTheMissingFile() throws Exception {
        Files.writeString(dir.resolve(OnnxClipEncoder.CONFIG), "{}");
        MedvlException e = assertThrows(MedvlException.class, () -> OnnxClipEncoder.open(dir));
        assertTrue(e.getMessage().contains(OnnxClipEncoder.IMAGE_MODEL), e.getMessage());
    }

    private void writeExport(float[] w, float[] table, WordPieceTokenizer tok) throws Exception {
        // Image: flatten (N,1,4,4) -> (N,16), MatMul W (16,3).
        OnnxMl.GraphProto image = OnnxMl.GraphProto.newBuilder().setName("image")
                .addInput(value("pixel_values", OnnxMl.TensorProto.DataType.FLOAT_VALUE, -1, 1, SIZE, SIZE))
                .addOutput(value("image_embeds", OnnxMl.TensorProto.DataType.FLOAT_VALUE, -1, DIM))
                .addInitializer(floats("W", w, SIZE * SIZE, DIM))
                .addNode(node("Flatten", List.of("pixel_values"), "flat").addAttribute(intAttr("axis", 1)))
                .addNode(node("MatMul", List.of("flat", "W"), "image_embeds")).build();
        // Text: masked mean of token embeddings.
        OnnxMl.GraphProto text = OnnxMl.GraphProto.newBuilder().setName("text")
                .addInput(value("input_ids", OnnxMl.TensorProto.DataType.INT64_VALUE, -1, -1))
                .addInput(value("attention_mask", OnnxMl.TensorProto.DataType.INT64_VALUE, -1, -1))
                .addOutput(value("text_embeds", OnnxMl.TensorProto.DataType.FLOAT_VALUE, -1, DIM))
                .addInitializer(floats("E", table, tok.vocabSize(), DIM))
                .addNode(node("Gather", List.of("E", "input_ids"), "emb"))
                .addNode(node("Cast", List.of("attention_mask"), "maskf")
                        .addAttribute(intAttr("to", OnnxMl.TensorProto.DataType.FLOAT_VALUE)))
                .addNode(node("Unsqueeze", List.of("maskf"), "mask3").addAttribute(intsAttr("axes", 2)))
                .addNode(node("Mul", List.of("emb", "mask3"), "masked"))
                .addNode(node("ReduceSum", List.of("masked"), "sum").addAttribute(intsAttr("axes", 1))
                        .addAttribute(intAttr("keepdims", 0)))
                .addNode(node("ReduceSum", List.of("mask3"), "count").addAttribute(intsAttr("axes", 1))
                        .addAttribute(intAttr("keepdims", 0)))
                .addNode(node("Div", List.of("sum", "count"), "text_embeds")).build();
        Files.write(dir.resolve(OnnxClipEncoder.IMAGE_MODEL), model(image).toByteArray());
        Files.write(dir.resolve(OnnxClipEncoder.TEXT_MODEL), model(text).toByteArray());
        tok.save(dir.resolve("tokenizer.json"));
        ObjectMapper om = new ObjectMapper();
        ObjectNode cfg = om.createObjectNode().put("imageInput", "pixel_values").put("textIds", "input_ids")
                .put("textMask", "attention_mask").put("maxLength", 8).put("logitScale", 50);
        cfg.set("preprocess", PipelineImages.grey(SIZE).describe());
        om.writeValue(dir.resolve(OnnxClipEncoder.CONFIG).toFile(), cfg);
    }

    private Path image(String name, boolean left) throws Exception {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                img.getRaster().setSample(x, y, 0, (x < SIZE / 2) == left ? 230 : 20 + 10 * y);
            }
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static OnnxMl.ModelProto model(OnnxMl.GraphProto g) {
        return OnnxMl.ModelProto.newBuilder().setIrVersion(7).setProducerName("medvl-test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(11)).setGraph(g)
                .build();
    }

    private static OnnxMl.NodeProto.Builder node(String op, List<String> in, String out) {
        return OnnxMl.NodeProto.newBuilder().setOpType(op).addAllInput(in).addOutput(out).setName(out);
    }

    private static OnnxMl.AttributeProto intAttr(String name, long v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(v).build();
    }

    private static OnnxMl.AttributeProto intsAttr(String name, long v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS)
                .addInts(v).build();
    }

    private static OnnxMl.TensorProto floats(String name, float[] v, long... dims) {
        OnnxMl.TensorProto.Builder b = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            b.addDims(d);
        }
        for (float f : v) {
            b.addFloatData(f);
        }
        return b.build();
    }

    private static OnnxMl.ValueInfoProto value(String name, int type, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("n" + shape.getDimCount())
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }

    private static float[] randoms(Random rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    private static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] o = v.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] /= (float) Math.sqrt(n);
        }
        return o;
    }
}
