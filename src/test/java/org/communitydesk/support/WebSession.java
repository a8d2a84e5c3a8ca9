package org.communitydesk.support;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser as the packaged service sees it: its cookies (kept here, sent to whichever instance
 * it talks to, as behind a load balancer), redirects not followed, and the client address a proxy
 * would forward. Enough HTML reading to fill in the console's forms.
 */
public final class WebSession {

    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String clientAddress;

    /** {@code clientAddress} goes out as X-Forwarded-For, which the instances trust like a proxy's. */
    public WebSession(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** Another browser holding copies of this one's cookies (as someone who copied them would). */
    public WebSession copy() {
        WebSession copy = new WebSession(clientAddress);
        copy.cookies.putAll(cookies);
        return copy;
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    public HttpResponse<String> get(URI uri) {
        return send(request(uri).GET());
    }

    public HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the login form; the session cookie is kept. */
    public HttpResponse<String> signIn(URI service, String username, String password) {
        return postForm(service.resolve("/j_security_check"), Map.of("j_username", username, "j_password", password));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("Set-Cookie")) {
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    if (cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                        cookies.remove(cookie.getName());
                    } else {
                        cookies.put(cookie.getName(), cookie.getValue());
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("No answer from " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * The hidden fields of the form that {@code formAttribute} (e.g. {@code id="note-form"}) picks out
     * on the page, as a browser would send them.
     */
    public static Map<String, String> hiddenFields(String html, String formAttribute) {
        int start = html.indexOf(formAttribute);
        if (start < 0) {
            throw new AssertionError("No form with " + formAttribute + " on the page:\n" + html);
        }
        int end = html.indexOf("</form>", start);
        Matcher matcher = HIDDEN.matcher(html.substring(start, end < 0 ? html.length() : end));
        Map<String, String> fields = new LinkedHashMap<>();
        while (matcher.find()) {
            fields.put(matcher.group(1), unescape(matcher.group(2)));
        }
        return fields;
    }

    /** The text of the element with this id, or null when there is none. */
    public static String textOf(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        return matcher.find() ? unescape(matcher.group(1)).strip() : null;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
