package io.rapport.common.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * Repository operations that always name the organization. Use these, never an unscoped find, for anything a
 * caller asks for, so that no query crosses organizations.
 */
public interface OrganizationScoped<E> extends PanacheRepositoryBase<E, UUID> {

    default Optional<E> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    /** The row, locked until the transaction ends. */
    default Optional<E> lockInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Every row of the organization, for paging. */
    default PanacheQuery<E> queryInOrganization(UUID organizationId, Sort sort) {
        return find("organizationId = ?1", sort, organizationId);
    }

    /** A query for paging; {@code condition} numbers its parameters from ?2. */
    default PanacheQuery<E> queryInOrganization(UUID organizationId, String condition, Sort sort, Object... params) {
        return find("organizationId = ?1 and (" + condition + ")", sort, withOrganization(organizationId, params));
    }

    default long countInOrganization(UUID organizationId) {
        return count("organizationId", organizationId);
    }

    /** {@code condition} numbers its parameters from ?2. */
    default long countInOrganization(UUID organizationId, String condition, Object... params) {
        return count("organizationId = ?1 and (" + condition + ")", withOrganization(organizationId, params));
    }

    default List<E> listInOrganization(UUID organizationId, String condition, Sort sort, Object... params) {
        return list("organizationId = ?1 and (" + condition + ")", sort, withOrganization(organizationId, params));
    }

    private static Object[] withOrganization(UUID organizationId, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = organizationId;
        System.arraycopy(params, 0, all, 1, params.length);
        return all;
    }
}
