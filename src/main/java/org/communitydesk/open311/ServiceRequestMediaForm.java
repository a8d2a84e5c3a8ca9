package org.communitydesk.open311;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The multipart form of a POST with a photo, as the GeoReport v2.1 draft has it: the usual fields and 'media'. */
@Schema(name = "Open311ServiceRequestMediaForm")
public class ServiceRequestMediaForm extends ServiceRequestForm {

    @Schema(type = SchemaType.STRING, format = "binary", description = "One image (JPEG, PNG or WebP, 10 MB by default), "
            + "re-encoded without metadata like any photo upload.")
    public String media;
}
