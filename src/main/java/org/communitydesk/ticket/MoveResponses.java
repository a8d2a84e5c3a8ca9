package org.communitydesk.ticket;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.communitydesk.common.Problem;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.communitydesk.ticket.TicketViews.TicketView;

/** The answers every change of a ticket can give, documented once. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@APIResponses({
        @APIResponse(responseCode = "200", description = "The ticket after the change",
                headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class))),
        @APIResponse(responseCode = "404", description = "No such ticket",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "409", description = "Not allowed from the current status (illegal-transition, with "
                + "currentStatus, attempted and allowedActions), or another change of the ticket at the same time "
                + "(concurrent-change, busy)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(responseCode = "412", description = "If-Match is stale",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = StaleTicketProblem.Body.class)))
})
@interface MoveResponses {
}
