package org.communitydesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.AreaLevel;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.Site;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketViews.Ref;

/** The options of the console's select lists, limited to what the user may pick. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsoleChoices {

    /** A compound, with the community it belongs to, for the intake form's grouped site list. */
    public record SiteChoice(Ref site, Ref community) {
    }

    public record CategoryChoice(Ref category, String defaultPriority) {
    }

    public List<CategoryChoice> categories() {
        return ServiceCategory.<ServiceCategory>list("order by id").stream()
                .map(c -> new CategoryChoice(Ref.of(c), c.defaultPriority.name())).toList();
    }

    public List<Ref> communities(TicketScope scope) {
        return Area.<Area>list("order by id").stream().filter(Area::isCommunity).filter(scope::coversCommunity)
                .map(Ref::of).toList();
    }

    public List<Ref> streetOffices(TicketScope scope) {
        return Area.<Area>list("level = ?1 order by id", AreaLevel.STREET_OFFICE).stream()
                .filter(scope::coversStreetOffice).map(Ref::of).toList();
    }

    public List<SiteChoice> sites(TicketScope scope) {
        return Site.<Site>list("from Site s join fetch s.community order by s.community.id, s.code").stream()
                .filter(s -> scope.coversCommunity(s.community))
                .map(s -> new SiteChoice(Ref.of(s), Ref.of(s.community))).toList();
    }

    public List<Ref> organizations() {
        return Organization.<Organization>list("order by kind, code").stream().map(Ref::of).toList();
    }
}
