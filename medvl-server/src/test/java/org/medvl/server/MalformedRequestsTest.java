package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.medvl.server.load.CalibrationModels;

/**
 * 1,000 malformed requests (corrupt DICOM, wrong content types, huge declared sizes, invalid JSON, path tricks, bad
 * parameters) all get a 4xx with a one-line message, and the server keeps serving valid requests throughout.
 */
class MalformedRequestsTest {
    private static final int TOTAL = 1000;

    /** One malformed request: a name for the failure message and how to send it; returns status and body. */
    private record Case(String kind, Supplier<Result> send) {
    }

    private record Result(int status, String body) {
    }

    @Test
    void thousandMalformedRequestsAllGet4xxAndTheServerStaysUp() {
        try (TestServer s = TestServer.start(CalibrationModels.all())) {
            String id = s.upload(TestImages.png(64, 64), "image/png").get("id").asText();
            byte[] dicom = TestImages.dicom();
            Random rnd = new Random(20261128);
            List<Case> cases = cases(s, id, dicom, rnd);
            Map<String, Integer> perKind = new TreeMap<>();
            for (int i = 0; i < TOTAL; i++) {
                Case c = cases.get(i % cases.size());
                Result r = c.send().get();
                assertTrue(r.status() >= 400 && r.status() < 500, c.kind() + " answered " + r.status() + ": "
                        + r.body());
                assertTrue(r.body().contains("\"error\""), c.kind() + " gives a JSON error message: " + r.body());
                perKind.merge(c.kind(), 1, Integer::sum);
                if (i % 100 == 99) {
                    assertEquals(200, s.get("/health").statusCode(), "still serving after " + (i + 1));
                }
            }
            String fresh = s.upload(TestImages.dicom(), "application/dicom").get("id").asText();
            assertEquals(200, s.postJson("/api/images/" + fresh + "/report", "{}").statusCode());
            assertEquals(0, s.server.metrics().count(500), "no 500 during the run");
            System.out.println("malformed requests by kind: " + perKind);
        }
    }

    private static List<Case> cases(TestServer s, String id, byte[] dicom, Random rnd) {
        String img = "/api/images/" + id;
        List<Case> c = new ArrayList<>();
        // corrupt DICOM: truncated anywhere after the preamble, a declared element length far past the end, junk after DICM
        c.add(new Case("truncated DICOM", () -> http(s, "POST", "/api/images", "application/dicom",
                Arrays.copyOf(dicom, 132 + rnd.nextInt(dicom.length - 140)))));
        c.add(new Case("huge DICOM element length", () -> http(s, "POST", "/api/images", "application/dicom",
                hugeLength(dicom, rnd))));
        c.add(new Case("DICM then junk", () -> {
            byte[] b = new byte[132 + rnd.nextInt(2000)];
            rnd.nextBytes(b);
            b[128] = 'D';
            b[129] = 'I';
            b[130] = 'C';
            b[131] = 'M';
            return http(s, "POST", "/api/images", "application/dicom", b);
        }));
        c.add(new Case("random bytes", () -> {
            byte[] b = new byte[1 + rnd.nextInt(4000)];
            rnd.nextBytes(b);
            b[0] = 'X'; // never a valid magic number
            return http(s, "POST", "/api/images", "application/octet-stream", b);
        }));
        c.add(new Case("empty upload", () -> http(s, "POST", "/api/images", "application/dicom", new byte[0])));
        c.add(new Case("PNG declaring 100000 x 100000", () -> http(s, "POST", "/api/images", "image/png",
                pngBomb(100_000, 100_000))));
        c.add(new Case("truncated PNG", () -> {
            byte[] png = TestImages.png(64, 64);
            return http(s, "POST", "/api/images", "image/png", Arrays.copyOf(png, 40 + rnd.nextInt(png.length - 60)));
        }));
        // wrong content types
        c.add(new Case("JSON as upload", () -> http(s, "POST", "/api/images", "application/json",
                "{\"image\": \"x\"}".getBytes(StandardCharsets.UTF_8))));
        c.add(new Case("multipart upload", () -> http(s, "POST", "/api/images", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--".getBytes(StandardCharsets.UTF_8))));
        c.add(new Case("text question", () -> http(s, "POST", img + "/answer", "text/plain",
                "Is there an effusion?".getBytes(StandardCharsets.UTF_8))));
        // huge declared sizes
        c.add(new Case("Content-Length 1 TB", () -> raw(s, "POST /api/images HTTP/1.1\r\nHost: x\r\nContent-Type:"
                + " application/dicom\r\nContent-Length: 1000000000000\r\nConnection: close\r\n\r\nDICM")));
        c.add(new Case("Content-Length 1 GB on JSON", () -> raw(s, "POST " + img + "/answer HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1073741824\r\nConnection: close\r\n\r\n{")));
        // invalid JSON and wrong JSON shapes
        for (String body : new String[] {"{\"question\": ", "[1, 2]", "null", "{\"question\": 5}", "{\"question\": \"\"}",
                "{\"question\": \"" + "x".repeat(600) + "\"}", "{\"options\": {}}", "\u0000\u0001", "{" .repeat(5000)}) {
            c.add(new Case("bad JSON " + body.substring(0, Math.min(12, body.length())), () -> http(s, "POST",
                    img + "/answer", "application/json", body.getBytes(StandardCharsets.UTF_8))));
        }
        for (String body : new String[] {"{\"labels\": \"effusion\"}", "{\"labels\": [1, 2]}", "{\"labels\": [\"one\"]}",
                "{\"labels\": [\"\", \"b\"]}", "{\"labels\": " + "[\"a\",".repeat(40) + "\"z\"]}"}) {
            c.add(new Case("bad labels", () -> http(s, "POST", img + "/findings", "application/json",
                    body.getBytes(StandardCharsets.UTF_8))));
        }
        // path tricks and unknown resources
        for (String path : new String[] {"/api/images/../../../../etc/passwd", "/api/images/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/static/..%2f..%2fpom.xml", "/static/%2e%2e/openapi.json", "/api/images/ABCDEF",
                "/api/images/" + "0".repeat(32), "/api/images/" + id + "%00", "/api/images/" + id + "/render/../../x",
                "/static/app.js%00.png", "/nope", "/api/images/" + "a".repeat(5000)}) {
            c.add(new Case("path " + path.substring(0, Math.min(30, path.length())), () -> raw(s, "GET " + path
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
        }
        // bad parameters and methods
        for (String q : new String[] {"center=abc&width=1", "center=1&width=0", "center=1e400&width=5", "size=99999",
                "size=-1", "preset=../../x"}) {
            c.add(new Case("render " + q, () -> http(s, "GET", img + "/render?" + q, null, null)));
        }
        c.add(new Case("similar k=0", () -> http(s, "POST", img + "/similar?k=0", "application/json", null)));
        c.add(new Case("report format=xml", () -> http(s, "POST", img + "/report?format=xml", "application/json", null)));
        c.add(new Case("PUT images", () -> http(s, "PUT", "/api/images", "application/dicom", dicom)));
        c.add(new Case("DELETE unknown", () -> http(s, "DELETE", "/api/images/" + "f".repeat(32), null, null)));
        return c;
    }

    /**
     * Declares a length far past the end of the file on the first dataset element: either its 2-byte length set to
     * 0xFFF0, or the element rewritten as OB with a 4-byte length of 0xFFFFFFF0 (a multi-GiB value).
     */
    private static byte[] hugeLength(byte[] dicom, Random rnd) {
        byte[] b = dicom.clone();
        int metaLen = ByteBuffer.wrap(b, 140, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int first = 144 + metaLen; // tag (4), VR (2), then a 2-byte length, or 2 reserved bytes and a 4-byte length
        if (rnd.nextBoolean()) {
            b[first + 6] = (byte) 0xF0;
            b[first + 7] = (byte) 0xFF;
        } else {
            b[first + 4] = 'O';
            b[first + 5] = 'B';
            b[first + 6] = 0;
            b[first + 7] = 0;
            b[first + 8] = (byte) 0xF0;
            b[first + 9] = (byte) 0xFF;
            b[first + 10] = (byte) 0xFF;
            b[first + 11] = (byte) 0xFF;
        }
        return b;
    }

    /** A PNG whose header declares width x height pixels, followed by a tiny IDAT: a decompression bomb's shape. */
    static byte[] pngBomb(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static Result http(TestServer s, String method, String path, String type, byte[] body) {
        HttpResponse<byte[]> r = s.send(method, path, type, body);
        return new Result(r.statusCode(), TestServer.text(r));
    }

    /** Sends raw bytes, so requests the JDK client would refuse or normalise (lying lengths, dot segments) go out. */
    private static Result raw(TestServer s, String request) {
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyAt = response.indexOf("\r\n\r\n");
            return new Result(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
        } catch (IOException e) {
            throw new AssertionError("connection failed: " + e, e);
        }
    }
}
