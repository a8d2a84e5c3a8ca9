package org.communitydesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Errors of the Open311 GeoReport v2 endpoints (paths under {@value #PATH_PREFIX}) in the spec's own
 * format instead of problem+json: {@code [{"code":400,"description":"…"}]} or
 * {@code <errors><error><code>400</code><description>…</description></error></errors>}, as the
 * URL's .json or .xml suffix asks (JSON when it names neither). The spec knows three HTTP codes:
 * 403 for a wrong or missing api_key, 404 for what does not exist, and 400 for everything else.
 */
final class GeoReportErrors {

    static final String PATH_PREFIX = "/open311/";
    static final String JSON_MEDIA_TYPE = "application/json; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One error of the body; the spec's element and member names. */
    record Error(int code, String description) {
    }

    @JacksonXmlRootElement(localName = "errors")
    record Errors(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error")
            List<Error> error) {
    }

    /** A body ready to send. */
    record Rendered(int status, String contentType, byte[] body) {
    }

    private GeoReportErrors() {
    }

    static boolean applies(String path) {
        return path != null && path.startsWith(PATH_PREFIX);
    }

    static int statusFor(int status) {
        return status == 403 || status == 404 ? status : 400;
    }

    /** The errors for a request path, one per description, all under the one HTTP status the spec allows. */
    static Rendered render(String path, int status, List<String> descriptions) {
        int code = statusFor(status);
        List<Error> errors = descriptions.stream().map(d -> new Error(code, d)).toList();
        if (path.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return new Rendered(code, XmlDocuments.MEDIA_TYPE, XmlDocuments.write(new Errors(errors)));
        }
        try {
            return new Rendered(code, JSON_MEDIA_TYPE, JSON.writeValueAsBytes(errors));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
