package org.communitydesk.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Base of our entities: the id comes from the table's identity column, which the Flyway SQL
 * declares the same way on H2 and PostgreSQL. Ids stay internal; the API speaks in codes.
 */
@MappedSuperclass
public abstract class IdentityEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
