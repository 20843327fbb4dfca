package org.medvl.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medvl.image.Window;
import org.medvl.server.ApiException;
import org.medvl.server.images.Renderer;
import org.medvl.server.images.StoredImage;
import org.medvl.server.images.UploadStore;

/** Upload, describe, render (window/level) and delete images. */
public final class ImageRoutes {
    /** Content types an upload may declare; none at all is accepted too (the bytes decide). */
    private static final Set<String> UPLOAD_TYPES = Set.of("application/dicom", "application/octet-stream",
            "image/png", "image/jpeg", "image/bmp", "image/tiff", "image/gif");
    private final UploadStore store;
    private final Renderer renderer = new Renderer();

    public ImageRoutes(UploadStore store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(new Route(HandlerType.POST, "/api/images", this::upload),
                new Route(HandlerType.GET, "/api/images/{id}", this::describe),
                new Route(HandlerType.GET, "/api/images/{id}/render", this::render),
                new Route(HandlerType.DELETE, "/api/images/{id}", this::delete));
    }

    private void upload(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !UPLOAD_TYPES.contains(type)) {
            throw new ApiException(415, "upload the image file itself as the request body with Content-Type"
                    + " application/dicom, application/octet-stream or image/png|jpeg|bmp|tiff|gif (got " + type
                    + "); multipart forms are not accepted");
        }
        StoredImage s = store.store(Json.body(ctx, store.limits().maxBytes()));
        ctx.header("Location", "/api/images/" + s.id());
        Json.reply(ctx, 201, describe(s));
    }

    private void describe(Context ctx) {
        Json.reply(ctx, 200, describe(store.get(ctx.pathParam("id"))));
    }

    static Map<String, Object> describe(StoredImage s) {
        Map<String, Object> m = new LinkedHashMap<>(Json.MAPPER.convertValue(s, Map.class));
        m.put("studyInstanceUidNote", s.deidentified() ? "remapped during DICOM PS3.15 de-identification; the"
                + " original UID is not kept" : "not DICOM: no study UID");
        m.put("windowPresets", Window.presetNames());
        return m;
    }

    private void render(Context ctx) {
        StoredImage s = store.get(ctx.pathParam("id"));
        Window w = Renderer.window(ctx.queryParam("preset"), ctx.queryParam("center"), ctx.queryParam("width"));
        int size = intParam(ctx, "size", 512);
        byte[] png = renderer.png(store.decoded(s), w, size);
        ctx.header("Cache-Control", "no-store").contentType("image/png").result(png);
    }

    private void delete(Context ctx) {
        store.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer");
        }
    }
}
