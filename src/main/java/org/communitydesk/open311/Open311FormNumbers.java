package org.communitydesk.open311;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * lat and long of an Open311 POST are numbers (issue 16). The form reads them as text, to answer a bad value in
 * the spec's error format, and the annotation scanner then documents {@code type: [string, number]}; this says
 * {@code number} alone, as the GeoReport v2 spec does.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class Open311FormNumbers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem requests = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/open311/v2/requests.{format}");
        if (requests == null || requests.getPOST() == null || requests.getPOST().getRequestBody() == null
                || requests.getPOST().getRequestBody().getContent() == null) {
            return;
        }
        MediaType form = requests.getPOST().getRequestBody().getContent().getMediaType("application/x-www-form-urlencoded");
        if (form == null || form.getSchema() == null || form.getSchema().getProperties() == null) {
            return;
        }
        for (String coordinate : List.of("lat", "long")) {
            Schema property = form.getSchema().getProperties().get(coordinate);
            if (property != null) {
                property.setType(List.of(Schema.SchemaType.NUMBER));
            }
        }
    }
}
