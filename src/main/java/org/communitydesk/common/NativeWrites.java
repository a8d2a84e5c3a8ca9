package org.communitydesk.common;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

/**
 * Native inserts, updates and deletes that name the one table they write. Hibernate cannot tell which tables a
 * native write touches, so without the name it empties this instance's whole second-level and query cache: the
 * dashboard's rollups, running every few seconds under load, made every intake read its area and category from
 * the database again.
 */
public final class NativeWrites {

    private NativeWrites() {
    }

    /** A native write to {@code table}; only that table's cached queries and entities are dropped. */
    public static NativeQuery<?> to(EntityManager em, String table, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    }
}
