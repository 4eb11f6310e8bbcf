package dev.vouch.registry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The web pages' paths, in one place so links and routes agree. */
public final class WebPaths {

    public static final String CATALOG = "/";
    public static final String SERVER = "/servers/<serverName>";
    public static final String CURATION = "/curation";
    public static final String SIGN_IN = "/curation/session";
    public static final String SIGN_OUT = "/curation/session/end";
    public static final String APPROVE = "/curation/approve";
    public static final String REJECT = "/curation/reject";
    public static final String FACTS = "/registry";
    public static final String ASSETS = "/assets/{file}";

    private WebPaths() {}

    public static String server(String name) {
        return "/servers/" + encode(name);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
