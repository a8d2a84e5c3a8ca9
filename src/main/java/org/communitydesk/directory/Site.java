package org.communitydesk.directory;

import org.communitydesk.common.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
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

    public static Optional<Site> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
