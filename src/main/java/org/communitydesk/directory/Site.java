package org.communitydesk.directory;

import org.communitydesk.common.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A residential compound (小区) inside a community, with or without a property manager. */
@Entity
public class Site extends IdentityEntity {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Area community;

    @Column(name = "property_managed", nullable = false)
    public boolean propertyManaged;

    @ManyToOne(fetch = FetchType.LAZY)
    public Organization propertyManager;

    /** Where the compound is; null when nobody has set it. */
    @Embedded
    public Footprint footprint;

    public static Optional<Site> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The compound whose footprint contains the point; the nearest centre when footprints overlap. */
    public static Optional<Site> covering(double latitude, double longitude) {
        List<Site> sites = list("from Site s join fetch s.community where s.footprint.latitude is not null");
        return sites.stream().filter(s -> s.footprint.covers(latitude, longitude))
                .min(Comparator.comparingDouble(s -> s.footprint.metresTo(latitude, longitude)));
    }
}
