package org.medvl.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint. The server registers exactly the routes it lists, so a test can hold the list against the OpenAPI
 * document.
 *
 * @param method HTTP method
 * @param path Javalin path template, e.g. {@code /api/images/{id}}: the same syntax as OpenAPI paths
 * @param handler what answers it
 */
public record Route(HandlerType method, String path, Handler handler) {
}
