package org.communitydesk.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.communitydesk.common.ConflictProblem;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.common.QueryParams;
import org.communitydesk.directory.DirectoryViews.AreaNode;
import org.communitydesk.directory.DirectoryViews.CategoryView;
import org.communitydesk.directory.DirectoryViews.FootprintRequest;
import org.communitydesk.directory.DirectoryViews.FootprintView;
import org.communitydesk.directory.DirectoryViews.OrganizationRequest;
import org.communitydesk.directory.DirectoryViews.OrganizationView;
import org.communitydesk.directory.DirectoryViews.SiteRequest;
import org.communitydesk.directory.DirectoryViews.SiteView;

/** Read access to the reference data. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DirectoryService {

    @Inject
    ReferenceDataVersion referenceData;

    public List<AreaNode> areaTree() {
        List<Area> areas = Area.list("order by id");
        Map<Long, List<Area>> childrenOf = new LinkedHashMap<>();
        for (Area area : areas) {
            if (area.parent != null) {
                childrenOf.computeIfAbsent(area.parent.id, id -> new ArrayList<>()).add(area);
            }
        }
        return areas.stream().filter(a -> a.parent == null).map(a -> node(a, childrenOf)).toList();
    }

    private AreaNode node(Area area, Map<Long, List<Area>> childrenOf) {
        List<AreaNode> children = childrenOf.getOrDefault(area.id, List.of()).stream()
                .map(child -> node(child, childrenOf)).toList();
        return new AreaNode(area.code, area.level, area.nameZh, area.nameEn, area.officePhone,
                FootprintView.of(area.footprint), children);
    }

    public List<SiteView> sites(String communityCode) {
        List<Site> sites;
        if (communityCode == null || communityCode.isBlank()) {
            sites = Site.list("from Site s join fetch s.community left join fetch s.propertyManager order by s.code");
        } else {
            Area community = Area.findByCode(communityCode).filter(Area::isCommunity)
                    .orElseThrow(() -> new InvalidRequestProblem("community",
                            "No community with code '" + communityCode + "'."));
            sites = Site.list("from Site s join fetch s.community left join fetch s.propertyManager "
                    + "where s.community = ?1 order by s.code", community);
        }
        return sites.stream().map(SiteView::of).toList();
    }

    /** The kind is taken as text so that an unknown one answers 400 naming the parameter. */
    public List<OrganizationView> organizations(String kindName) {
        OrganizationKind kind = QueryParams.enumValue("kind", kindName, OrganizationKind.class);
        List<Organization> organizations = kind == null
                ? Organization.list("order by code")
                : Organization.list("kind = ?1 order by code", kind);
        return organizations.stream().map(OrganizationView::of).toList();
    }

    public List<CategoryView> categories() {
        return ServiceCategory.<ServiceCategory>listAll().stream()
                .sorted(Comparator.comparing(c -> c.id))
                .map(CategoryView::of).toList();
    }

    @Transactional
    public OrganizationView createOrganization(OrganizationRequest request) {
        if (Organization.findByCode(request.code()).isPresent()) {
            throw new ConflictProblem("An organization with code '" + request.code() + "' already exists.");
        }
        Organization organization = new Organization();
        organization.code = request.code();
        apply(organization, request);
        organization.persist();
        return OrganizationView.of(organization);
    }

    @Transactional
    public OrganizationView updateOrganization(String code, OrganizationRequest request) {
        Organization organization = Organization.findByCode(code).orElseThrow(() -> new NotFoundProblem("organization", code));
        requireSameCode(code, request.code());
        apply(organization, request);
        return OrganizationView.of(organization);
    }

    @Transactional
    public SiteView createSite(SiteRequest request) {
        if (Site.findByCode(request.code()).isPresent()) {
            throw new ConflictProblem("A site with code '" + request.code() + "' already exists.");
        }
        Site site = new Site();
        site.code = request.code();
        apply(site, request);
        site.persist();
        return SiteView.of(site);
    }

    @Transactional
    public SiteView updateSite(String code, SiteRequest request) {
        Site site = Site.findByCode(code).orElseThrow(() -> new NotFoundProblem("site", code));
        requireSameCode(code, request.code());
        apply(site, request);
        return SiteView.of(site);
    }

    /** Sets (or, with null, clears) a compound's footprint. */
    @Transactional
    public SiteView placeSite(String code, FootprintRequest request) {
        Site site = Site.findByCode(code).orElseThrow(() -> new NotFoundProblem("site", code));
        site.footprint = request == null ? null : request.toFootprint();
        return SiteView.of(site);
    }

    /** Sets (or, with null, clears) a community's footprint; other areas have none. */
    @Transactional
    public FootprintView placeCommunity(String code, FootprintRequest request) {
        Area area = Area.findByCode(code).orElseThrow(() -> new NotFoundProblem("area", code));
        if (!area.isCommunity()) {
            throw new InvalidRequestProblem("areaCode", "'" + code + "' is a " + area.level.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + "; only communities have a footprint.");
        }
        area.footprint = request == null ? null : request.toFootprint();
        // Areas are cached on every instance: the others drop their copies at their next check.
        referenceData.changed();
        return FootprintView.of(area.footprint);
    }

    private static void apply(Organization organization, OrganizationRequest request) {
        organization.kind = request.kind();
        organization.nameZh = request.nameZh().strip();
        organization.nameEn = request.nameEn().strip();
        organization.contactPhone = request.contactPhone().strip();
    }

    private static void apply(Site site, SiteRequest request) {
        Area community = Area.findByCode(request.communityCode().strip()).filter(Area::isCommunity)
                .orElseThrow(() -> new InvalidRequestProblem("communityCode",
                        "No community with code '" + request.communityCode().strip() + "'."));
        Organization manager = null;
        if (request.propertyManagerCode() != null && !request.propertyManagerCode().isBlank()) {
            if (!request.propertyManaged()) {
                throw new InvalidRequestProblem("propertyManagerCode", "Only a property-managed site has a property manager.");
            }
            manager = Organization.findByCode(request.propertyManagerCode().strip())
                    .filter(o -> o.kind == OrganizationKind.PROPERTY_MANAGER)
                    .orElseThrow(() -> new InvalidRequestProblem("propertyManagerCode",
                            "No property manager with code '" + request.propertyManagerCode().strip() + "'."));
        }
        site.nameZh = request.nameZh().strip();
        site.nameEn = request.nameEn().strip();
        site.community = community;
        site.propertyManaged = request.propertyManaged();
        site.propertyManager = manager;
    }

    private static void requireSameCode(String code, String requested) {
        if (!code.equals(requested)) {
            throw new InvalidRequestProblem("code", "The code cannot change: the body names '" + requested
                    + "' but the address names '" + code + "'.");
        }
    }
}
