package org.communitydesk.directory;

import org.communitydesk.common.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;

/** An agency, contractor or property manager that tickets can be assigned to. */
@Entity
public class Organization extends IdentityEntity {

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;

    public static Optional<Organization> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
