package org.communitydesk.calendar;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.communitydesk.calendar.CalendarViews.CalendarDayRequest;
import org.communitydesk.calendar.CalendarViews.CalendarDayView;
import org.communitydesk.calendar.CalendarViews.CalendarImportView;
import org.communitydesk.calendar.CalendarViews.CalendarYearView;
import org.communitydesk.calendar.CalendarViews.DueView;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.Problem;
import org.communitydesk.common.QueryParams;
import org.communitydesk.common.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** ADMIN keeps the working calendar: holidays and make-up working days per year, one by one or from a CSV file. */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Working calendar", description = "Holidays and make-up working days, for targets in working hours or days. "
        + "Due times are computed when a ticket is reported and stored: a change to the calendar applies to due times "
        + "computed after it and never moves one already stored.")
public class CalendarResource {

    private static final String CHANGE_NOTE = " Due times computed after the change use it; due times already stored "
            + "(existing tickets) do not move.";

    @Inject
    CalendarService calendars;

    @Inject
    WorkingCalendar calendar;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** The multipart body of an import, for the OpenAPI description. */
    @Schema(name = "CalendarImport", requiredProperties = "file")
    public static class ImportForm {
        @Schema(type = SchemaType.STRING, format = "binary", description = "UTF-8 text, one day a line: date,kind,name")
        public String file;
        /** Described in the operation (a description here makes generated clients stumble, as for photo uploads). */
        public Boolean replace;
    }

    @GET
    @Path("/days")
    @Operation(operationId = "getCalendarYear", summary = "A year's holidays and make-up working days",
            description = "Days not listed follow the week: Monday to Friday are worked, Saturday and Sunday are not.")
    @APIResponse(responseCode = "200", description = "The year")
    @APIResponse(responseCode = "400", description = "A year outside 2000–2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarYearView getCalendarYear(
            @Parameter(description = "The year, such as 2031; this year (in the installation's zone) when absent",
                    schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("year") String year) {
        int thisYear = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear();
        return calendars.year(QueryParams.integer("year", year, thisYear, 0));
    }

    @PUT
    @Path("/days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCalendarDay", summary = "Make a day a holiday or a make-up working day",
            description = "A MAKEUP_WORKDAY must be a Saturday or Sunday; a HOLIDAY may be any day." + CHANGE_NOTE)
    @APIResponse(responseCode = "200", description = "The day was listed already and is changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDayView.class)))
    @APIResponse(responseCode = "201", description = "The day is listed now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDayView.class)))
    @APIResponse(responseCode = "400", description = "Not a date, a make-up day on a weekday, or a name too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setCalendarDay(@Parameter(description = "yyyy-MM-dd, such as 2031-10-01") @PathParam("date") String date,
            @NotNull @Valid CalendarDayRequest request) {
        CalendarService.Put put = calendars.put(date, request.kind(), request.name(), username());
        return Response.status(put.created() ? Response.Status.CREATED : Response.Status.OK).entity(put.day()).build();
    }

    @DELETE
    @Path("/days/{date}")
    @Operation(operationId = "removeCalendarDay", summary = "Make a listed day an ordinary day of its week again",
            description = "Send Content-Type: application/json, as every change under /api." + CHANGE_NOTE)
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The day is not listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void removeCalendarDay(@Parameter(description = "yyyy-MM-dd, such as 2031-10-01") @PathParam("date") String date) {
        calendars.remove(date, username());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importCalendar", summary = "Import holidays and make-up working days from a CSV file",
            description = "multipart/form-data with a 'file' part and, optionally, 'replace'; the request must carry "
                    + "the header X-Requested-With (any value). The file is UTF-8 text, one day a line: date,kind,name "
                    + "(2031-10-01,HOLIDAY,国庆节). A first line date,kind,name is a header; empty lines and lines "
                    + "starting with # are skipped; kind is HOLIDAY or MAKEUP_WORKDAY (a Saturday or Sunday); the name "
                    + "may be empty, hold commas, or be in double quotes. replace=true makes the file the whole of its years "
                    + "(their days it does not list are removed); without it, the file's days are added or changed and "
                    + "others stay. All or nothing: a bad line answers 400 naming "
                    + "it (detail and the member 'line') and nothing is stored." + CHANGE_NOTE)
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ImportForm.class)))
    @APIResponse(responseCode = "200", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarImportView.class)))
    @APIResponse(responseCode = "400", description = "No file, not UTF-8, or a bad line (named); nothing imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A request over communitydesk.http.max-body-size (256 KB, some "
            + "thousands of days)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarImportView importCalendar(@RestForm("file") @Schema(hidden = true) FileUpload file,
            @RestForm("replace") @Schema(hidden = true) String replace) {
        if (file == null) {
            throw new InvalidRequestProblem("file", "Send the calendar in a 'file' part.");
        }
        boolean replaceYears = replace != null && !replace.isBlank() && QueryParams.bool("replace", replace);
        return calendars.importCsv(utf8(file), replaceYears, username());
    }

    @GET
    @Path("/due")
    @Operation(operationId = "computeDueTime", summary = "When something started at a time with a target would be due",
            description = "By the calendar and working hours as they are now: a way to check them before tickets use them.")
    @APIResponse(responseCode = "200", description = "The due time")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DueView computeDueTime(
            @Parameter(description = "An instant (ISO-8601, such as 2031-09-26T11:40:00Z); now when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(required = true, description = "How many of the unit, such as 3; at most 1000",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("amount") String amount,
            @Parameter(required = true, schema = @Schema(implementation = TargetUnit.class)) @QueryParam("unit") String unit) {
        Instant start;
        try {
            start = from == null || from.isBlank() ? clock.instant() : Instant.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem("from", "from must be an instant such as 2031-09-26T11:40:00Z.");
        }
        if (amount == null || amount.isBlank()) {
            throw new InvalidRequestProblem("amount", "amount is required: a whole number of at least 0.");
        }
        TargetUnit targetUnit = QueryParams.enumValue("unit", unit, TargetUnit.class);
        if (targetUnit == null) {
            throw new InvalidRequestProblem("unit", "unit is required: HOURS, WORKING_HOURS or WORKING_DAYS.");
        }
        int checkedAmount = QueryParams.integer("amount", amount, 0, 0);
        if (checkedAmount > 1000) {
            throw new InvalidRequestProblem("amount", "amount must be at most 1000.");
        }
        TimeTarget target = new TimeTarget(checkedAmount, targetUnit);
        Instant due = calendar.due(start, target);
        return new DueView(start, target, due, due.atZone(calendar.zone()).toOffsetDateTime().toString());
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private static String utf8(FileUpload file) {
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestProblem("file", "The file is not UTF-8 text; save it as \"CSV UTF-8\" and send it again.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Reading the uploaded calendar file failed", e);
        }
    }
}
