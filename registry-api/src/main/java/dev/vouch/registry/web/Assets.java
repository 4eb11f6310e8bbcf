package dev.vouch.registry.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The stylesheet and the one script, served from the jar with an ETag: no asset comes from elsewhere. */
final class Assets {

    private record Asset(byte[] bytes, String contentType, String etag) {}

    private final Map<String, Asset> assets = Map.of(
            "vouch.css", load("vouch.css", "text/css; charset=utf-8"),
            "catalog.js", load("catalog.js", "text/javascript; charset=utf-8"),
            "copy.js", load("copy.js", "text/javascript; charset=utf-8"));

    void serve(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("file"));
        Pages.securityHeaders(ctx);
        if (asset == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        if (Pages.matches(ctx.header("If-None-Match"), asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("asset " + name + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, contentType, Pages.etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
