package org.communitydesk.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.XmlDocuments;

/** The two formats of GeoReport v2, chosen by the URL's suffix: {@code services.json}, {@code services.xml}. */
enum GeoReportFormat {
    JSON("application/json; charset=utf-8"),
    XML(XmlDocuments.MEDIA_TYPE);

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    final String mediaType;

    GeoReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format a suffix names; any other suffix is a resource we do not have (404). */
    static GeoReportFormat of(String suffix) {
        return switch (suffix == null ? "" : suffix.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw new UnknownFormatProblem(suffix);
        };
    }

    /** The JSON body, or the XML document around it; the two differ only where the spec's XML wraps lists. */
    Response.ResponseBuilder ok(Object json, Object xml) {
        return Response.ok(write(json, xml)).type(mediaType);
    }

    byte[] write(Object json, Object xml) {
        if (this == XML) {
            return XmlDocuments.write(xml);
        }
        try {
            return JSON_MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static class UnknownFormatProblem extends ProblemException {

        UnknownFormatProblem(String suffix) {
            super(404, "not-found", "Not found", "Unknown format '" + suffix + "'; use .json or .xml.");
        }
    }
}
