package org.communitydesk.directory;

import java.util.List;

/** Response bodies of the reference-data endpoints. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    /** An area with its children: districts hold street offices, which hold communities. */
    public record AreaNode(String code, AreaLevel level, String nameZh, String nameEn, List<AreaNode> children) {
    }

    public record SiteView(String code, String nameZh, String nameEn, String communityCode, boolean propertyManaged,
            String propertyManagerCode) {

        static SiteView of(Site site) {
            return new SiteView(site.code, site.nameZh, site.nameEn, site.community.code, site.propertyManaged,
                    site.propertyManager == null ? null : site.propertyManager.code);
        }
    }

    public record OrganizationView(String code, OrganizationKind kind, String nameZh, String nameEn,
            String contactPhone) {

        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.code, organization.kind, organization.nameZh,
                    organization.nameEn, organization.contactPhone);
        }
    }

    public record SlaView(Priority priority, int hoursToDispatch, int hoursToResolve) {
    }

    public record CategoryView(String code, String nameZh, String nameEn, Priority defaultPriority,
            List<SlaView> sla) {

        static CategoryView of(ServiceCategory category) {
            List<SlaView> sla = List.of(Priority.values()).stream()
                    .map(p -> new SlaView(p, category.slaFor(p).hoursToDispatch(), category.slaFor(p).hoursToResolve()))
                    .toList();
            return new CategoryView(category.code, category.nameZh, category.nameEn, category.defaultPriority, sla);
        }
    }
}
