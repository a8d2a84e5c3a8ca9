package org.communitydesk.open311;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.communitydesk.open311.GeoReportViews.Error;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

/** The errors every GeoReport v2 operation can answer, in the spec's format, documented once. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@APIResponses({
        @APIResponse(responseCode = "400", description = "An invalid argument, or any other failure (as the spec asks)",
                content = {
                        @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Error.class)),
                        @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = Error.class)) }),
        @APIResponse(responseCode = "404", description = "No such resource, or a format other than .json and .xml",
                content = {
                        @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Error.class)),
                        @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = Error.class)) })
})
@interface GeoReportErrorResponses {
}
