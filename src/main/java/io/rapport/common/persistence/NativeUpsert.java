package io.rapport.common.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

/**
 * Inserts that settle races in the database: {@code ON CONFLICT} makes concurrent first requests for one
 * record agree on a single row instead of one of them failing on the unique key.
 */
public final class NativeUpsert {

    private NativeUpsert() {
    }

    /** Runs an {@code INSERT ... RETURNING id, (xmax = 0)} and reports whether the row was new. */
    public static Result returning(EntityManager em, String sql, List<Object> params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        Object[] row = (Object[]) query.getSingleResult();
        return new Result((UUID) row[0], (Boolean) row[1]);
    }

    /** Runs an {@code INSERT ... ON CONFLICT DO NOTHING}; the caller then reads the row that won. */
    public static void ignoringConflict(EntityManager em, String sql, List<Object> params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        query.executeUpdate();
    }

    public record Result(UUID id, boolean created) {
    }
}
