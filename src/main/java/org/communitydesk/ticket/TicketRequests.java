package org.communitydesk.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.communitydesk.directory.Priority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the ticket API. */
public final class TicketRequests {

    private TicketRequests() {
    }

    static final String PHONE_PATTERN = "^[0-9+\\-() ]{3,32}$";

    @Schema(description = "The caller. Personal data: shown to staff, supervisors and admins; never to contractors or the public.")
    public record ReporterInput(
            @NotBlank @Size(max = 100) @Schema(examples = "王女士") String name,
            @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number: digits, spaces, + - ( ), 3 to 32 characters")
            @Schema(examples = "13903521234") String phone) {

        Reporter toReporter() {
            return new Reporter(name.strip(), phone == null || phone.isBlank() ? null : phone.strip());
        }

        @Override
        public String toString() {
            return "ReporterInput[redacted]";
        }
    }

    @Schema(description = "Where the problem is. The site must belong to the community.")
    public record LocationInput(
            @NotBlank @Size(max = 40) @Schema(examples = "beixinyuan") String communityCode,
            @Size(max = 40) @Schema(examples = "hongan") String siteCode,
            @Size(max = 200) @Schema(examples = "2号楼") String addressDetail,
            @DecimalMin("-90") @DecimalMax("90")
            @Schema(description = "WGS-84 degrees (GPS, Tianditu); convert GCJ-02 or BD-09 positions first.", examples = "40.0912")
            Double latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(description = "WGS-84 degrees.", examples = "113.3288")
            Double longitude) {
    }

    public record CreateTicketRequest(
            @NotBlank @Size(max = 40) @Schema(examples = "sewer-blockage") String categoryCode,
            @NotBlank @Size(max = 4000) @Schema(examples = "2号楼污水管道外溢") String description,
            @NotNull Channel channel,
            @Schema(description = "Defaults to the category's priority.") Priority priority,
            @NotNull @Valid ReporterInput reporter,
            @NotNull @Valid LocationInput location,
            @Schema(description = "The caller agreed to text messages about this call at the phone given (default false).")
            Boolean notifyResident,
            @Schema(description = "The caller agreed that the crew handling the ticket may phone them, to arrange "
                    + "access (default false). With it, the lead organization sees the phone while it is assigned.")
            Boolean crewMayCall) {

        /** A call whose caller was not asked about text messages. */
        public CreateTicketRequest(String categoryCode, String description, Channel channel, Priority priority,
                ReporterInput reporter, LocationInput location) {
            this(categoryCode, description, channel, priority, reporter, location, null, null);
        }

        /** A call whose caller was not asked whether the crew may phone them. */
        public CreateTicketRequest(String categoryCode, String description, Channel channel, Priority priority,
                ReporterInput reporter, LocationInput location, Boolean notifyResident) {
            this(categoryCode, description, channel, priority, reporter, location, notifyResident, null);
        }
    }

    @Schema(description = "The resident's verdict on the resolution.")
    public record FeedbackRequest(
            @NotNull @Min(1) @Max(5) @Schema(description = "1 (very unhappy) to 5 (very happy)", examples = "5") Integer rating,
            @NotNull @Schema(description = "Whether the problem is solved; false reopens the ticket.") Boolean resolved,
            @Size(max = 1000) String comment) {

        public TicketFeedback.Feedback toFeedback() {
            return new TicketFeedback.Feedback(rating, resolved,
                    comment == null || comment.isBlank() ? null : comment.strip());
        }
    }

    public record AddReportRequest(
            @NotNull @Valid ReporterInput reporter,
            @NotNull Channel channel,
            @Size(max = 4000) String note) {
    }

    public record AssignmentInput(
            @NotBlank @Size(max = 40) @Schema(examples = "tongda-dredging") String organizationCode,
            @NotNull AssignmentRole role) {
    }

    @Schema(description = "Moves shared by start and close: an optional internal note.")
    public record MoveRequest(@Size(max = 4000) String note) {
    }

    @Schema(description = "Accepting an order (签收). A contractor accepts for its own organization (organizationCode "
            + "may be left out); an ADMIN names the organization it records the acceptance for, as told by phone.")
    public record AcceptRequest(
            @Size(max = 40) @Schema(examples = "tongda-dredging") String organizationCode,
            @Size(max = 4000) @Schema(description = "Internal note, recorded as a separate event.") String note) {
    }

    @Schema(description = "Returning an order (退单): the lead organization sends it back before starting it, with a "
            + "reason and a comment for the street office. The ticket goes back to REPORTED, waiting to be dispatched "
            + "again or cancelled.")
    public record ReturnRequest(
            @NotNull @Schema(examples = "NOT_OUR_JURISDICTION") ReturnReason reason,
            @NotBlank @Size(max = 2000) @Schema(examples = "路灯不亮应由路灯管理所处理，不属于环卫中心职责。") String comment) {
    }

    @Schema(description = "Asking for a later due time (延期申请): the lead organization, before the current due time.")
    public record ExtensionRequest(
            @NotNull @Schema(description = "The new due time: later than the ticket's dueAt, at most 90 days after it.",
                    examples = "2026-12-09T09:00:00Z") java.time.Instant requestedDueAt,
            @NotBlank @Size(max = 2000) @Schema(description = "Why the work needs longer; for staff only.",
                    examples = "需更换管段，配件预计周四到货") String reason) {
    }

    @Schema(description = "A supervisor's decision on the waiting extension request: a note, required to reject "
            + "(for staff only; residents see only an approved extension's new due time).")
    public record DecisionRequest(@Size(max = 2000) String note) {
    }

    @Schema(description = "Urging the organization that leads the work (督办), on an at-risk or overdue ticket.")
    public record UrgeRequest(
            @NotBlank @Size(max = 2000) @Schema(description = "What the organization is urged to do; on the staff "
                    + "timeline.", examples = "已临近时限，请今天下班前完成清掏并回复") String note) {
    }

    @Schema(description = "Pausing the ticket's clock (挂起) while it waits on the resident or a third party.")
    public record PauseRequest(
            @NotNull PauseReason reason,
            @Size(max = 2000) @Schema(description = "Staff only: recorded as an INTERNAL note beside the public "
                    + "PAUSED event.", examples = "两次上门无人，已电话约居民周六开门") String comment) {
    }

    public record DispatchRequest(
            @NotEmpty @Size(max = 20) List<@NotNull @Valid AssignmentInput> assignments,
            @Size(max = 4000) @Schema(description = "Internal note, recorded as a separate event.") String note) {
    }

    public record ResolveRequest(
            @NotBlank @Size(max = 4000) @Schema(examples = "清理管道内油块、沙石，疏通堵塞点") String resolution,
            @Size(max = 200) @Schema(examples = "家庭油污结块") String rootCause,
            @Size(max = 4000) String note) {
    }

    public record CancelRequest(
            @NotNull CancelReason reason,
            @Size(max = 24) @Schema(description = "The ticket this one duplicates; required for DUPLICATE.") String duplicateOf,
            @Size(max = 4000) String note) {
    }

    public record ReopenRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    public record NoteRequest(
            @NotBlank @Size(max = 4000) String text,
            @Schema(description = "Defaults to INTERNAL.") Visibility visibility) {
    }
}
