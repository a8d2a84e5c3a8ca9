package org.communitydesk.open311;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The official GeoReport v2 JSON Schemas (src/test/resources/open311/schemas, see its README), read as
 * draft 4. They have no ids of their own, so each is loaded under a made-up base IRI that maps to the
 * classpath folder; their relative $refs (requests.json to request.json) then resolve beside them.
 */
final class GeoReportSchemas {

    private static final String BASE = "https://schemas.open311.invalid/georeport-v2/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(BASE, "classpath:open311/schemas/")));

    private GeoReportSchemas() {
    }

    /** What is wrong with a JSON document by the named schema file; empty when it is valid. */
    static List<String> errors(String schemaFile, String json) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + schemaFile));
        return schema.validate(json, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
