package org.medvl.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (requests refused before they reach a route: unparsable request lines, ambiguous or
 * illegal URI paths, oversized headers) as the same one-line JSON the API uses, instead of an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, message));
    }

    static byte[] body(int status, String reason) {
        String why = reason == null || reason.isBlank() ? "the request could not be parsed" : reason;
        why = why.replaceAll("[^\\p{Print}]", " ").replace("\\", "\\\\").replace("\"", "'");
        if (why.length() > 200) {
            why = why.substring(0, 200) + "...";
        }
        return ("{\"status\":" + status + ",\"error\":\"rejected by the HTTP layer: " + why + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
