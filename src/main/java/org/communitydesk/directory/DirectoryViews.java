package org.communitydesk.directory;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.communitydesk.calendar.TargetUnit;
import org.communitydesk.calendar.TimeTarget;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the reference-data endpoints. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    /** An area with its children: districts hold street offices, which hold communities. */
    public record AreaNode(String code, AreaLevel level, String nameZh, String nameEn,
            @Schema(nullable = true, description = "The office's phone, given to residents; null when none is known.",
                    examples = "0352-2041186") String officePhone,
            @Schema(nullable = true, description = "Communities only, when an ADMIN has set it") FootprintView footprint,
            List<AreaNode> children) {
    }

    public record SiteView(String code, String nameZh, String nameEn, String communityCode, boolean propertyManaged,
            String propertyManagerCode,
            @Schema(nullable = true, description = "Null until an ADMIN sets it; such a compound is found by code or name only")
            FootprintView footprint) {

        static SiteView of(Site site) {
            return new SiteView(site.code, site.nameZh, site.nameEn, site.community.code, site.propertyManaged,
                    site.propertyManager == null ? null : site.propertyManager.code, FootprintView.of(site.footprint));
        }
    }

    @Schema(description = "Where a compound or community is, roughly: a centre and a radius that covers it. Coarse on purpose, "
            + "and published: it routes a report to the right office.")
    public record FootprintView(
            @Schema(description = "WGS-84 degrees", examples = "40.0912") double latitude,
            @Schema(description = "WGS-84 degrees", examples = "113.3288") double longitude,
            @Schema(examples = "150") int radiusMetres) {

        static FootprintView of(Footprint footprint) {
            return footprint == null ? null
                    : new FootprintView(footprint.latitude(), footprint.longitude(), footprint.radiusMetres());
        }
    }

    /** A footprint as ADMIN sets it. WGS-84 only: convert a GCJ-02 (AMap, Tencent) or BD-09 (Baidu) reading first. */
    public record FootprintRequest(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "WGS-84 degrees", examples = "40.0912") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "WGS-84 degrees", examples = "113.3288") Double longitude,
            @NotNull @Min(10) @Max(5000) @Schema(description = "Metres, 10 to 5000", examples = "150") Integer radiusMetres) {

        Footprint toFootprint() {
            return new Footprint(latitude, longitude, radiusMetres);
        }
    }

    public record OrganizationView(String code, OrganizationKind kind, String nameZh, String nameEn,
            String contactPhone) {

        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.code, organization.kind, organization.nameZh,
                    organization.nameEn, organization.contactPhone);
        }
    }

    public record SlaView(Priority priority,
            @Schema(description = "How long dispatching may take, in its unit") TimeTarget toDispatch,
            @Schema(description = "How long resolving may take, in its unit") TimeTarget toResolve,
            @Schema(nullable = true, deprecated = true, description = "toDispatch's amount when its unit is HOURS; "
                    + "null for working hours or days. Read toDispatch instead.") Integer hoursToDispatch,
            @Schema(nullable = true, deprecated = true, description = "toResolve's amount when its unit is HOURS; "
                    + "null for working hours or days. Read toResolve instead.") Integer hoursToResolve) {

        static SlaView of(Priority priority, SlaTarget target) {
            return new SlaView(priority, target.toDispatch(), target.toResolve(), hoursOf(target.toDispatch()),
                    hoursOf(target.toResolve()));
        }

        private static Integer hoursOf(TimeTarget target) {
            return target.unit() == TargetUnit.HOURS ? target.amount() : null;
        }
    }

    public record CategoryView(String code, String nameZh, String nameEn, Priority defaultPriority,
            List<SlaView> sla,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Minutes from a dispatch by which "
                    + "each organization should accept its order (签收), counted in acceptanceTargetUnit.")
            int acceptanceTargetMinutes,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "What the acceptance minutes "
                    + "count: WORKING_HOURS (working time of the calendar: an order dispatched on Friday evening is "
                    + "due in Monday's working hours) or HOURS (wall-clock minutes, for urgent trouble).")
            TargetUnit acceptanceTargetUnit) {

        static CategoryView of(ServiceCategory category) {
            List<SlaView> sla = List.of(Priority.values()).stream()
                    .map(p -> SlaView.of(p, category.slaFor(p)))
                    .toList();
            return new CategoryView(category.code, category.nameZh, category.nameEn, category.defaultPriority, sla,
                    category.acceptanceTargetMinutes, category.acceptanceTargetUnit);
        }
    }

    static final String CODE_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";
    static final String CODE_MESSAGE = "must be 2 to 40 characters: lower-case letters, digits and '-'";

    /** An organization as ADMIN creates or updates it; the code cannot change. */
    public record OrganizationRequest(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE) @Schema(examples = "xinda-dredging") String code,
            @NotNull OrganizationKind kind,
            @NotBlank @Size(max = 100) @Schema(examples = "鑫达管道疏通队") String nameZh,
            @NotBlank @Size(max = 100) @Schema(examples = "Xinda Pipe Dredging Team") String nameEn,
            @NotBlank @Pattern(regexp = "^[0-9+\\-() ]{3,32}$", message = "must be a phone number") String contactPhone) {
    }

    /** A residential compound as ADMIN creates or updates it; the code cannot change. */
    public record SiteRequest(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE) @Schema(examples = "yingbin-garden") String code,
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn,
            @NotBlank @Size(max = 40) @Schema(examples = "yingbinlu") String communityCode,
            boolean propertyManaged,
            @Size(max = 40) @Schema(description = "A PROPERTY_MANAGER organization; only for a managed site") String propertyManagerCode) {
    }
}
