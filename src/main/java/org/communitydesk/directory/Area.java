package org.communitydesk.directory;

import org.communitydesk.common.IdentityEntity;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

/** A district, street office or community. Communities belong to a street office, which belongs to a district. */
@Entity
@Cacheable
public class Area extends IdentityEntity {

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AreaLevel level;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @ManyToOne(fetch = FetchType.LAZY)
    public Area parent;

    /** The community office's phone, which residents are given to call; null when none is known. */
    @Column(name = "office_phone")
    public String officePhone;

    /** Where a community is; null when nobody has set it. */
    @Embedded
    public Footprint footprint;

    /**
     * From the query cache after the first time: these rows change only with a migration, so a cached answer never
     * goes stale on another instance (two statements of every intake before).
     */
    public static Optional<Area> findByCode(String code) {
        return find("code", code).withHint(HibernateHints.HINT_CACHEABLE, true).firstResultOptional();
    }

    /** The community whose footprint contains the point; the nearest centre when footprints overlap. */
    public static Optional<Area> communityCovering(double latitude, double longitude) {
        List<Area> communities = list("level = ?1 and footprint.latitude is not null", AreaLevel.COMMUNITY);
        return communities.stream().filter(a -> a.footprint.covers(latitude, longitude))
                .min(Comparator.comparingDouble(a -> a.footprint.metresTo(latitude, longitude)));
    }

    public boolean isCommunity() {
        return level == AreaLevel.COMMUNITY;
    }

    /** The street office a community belongs to. */
    public Area streetOffice() {
        if (level != AreaLevel.COMMUNITY) {
            throw new IllegalStateException("Only a community has a street office; " + code + " is a " + level);
        }
        return parent;
    }
}
