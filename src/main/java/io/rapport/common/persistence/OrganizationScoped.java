package io.rapport.common.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    default List<E> listInOrganization(UUID organizationId, String condition, Sort sort, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = organizationId;
        System.arraycopy(params, 0, all, 1, params.length);
        return list("organizationId = ?1 and (" + condition + ")", sort, all);
    }
}
