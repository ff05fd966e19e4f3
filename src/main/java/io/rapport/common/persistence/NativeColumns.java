package io.rapport.common.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/** Values of native-query result columns, in whichever Java type the driver and Hibernate hand them over. */
public final class NativeColumns {

    private NativeColumns() {
    }

    /**
     * The rows of a native query created with {@code Tuple.class}, read by column name: typed rows instead of
     * positions in an {@code Object[]}.
     */
    @SuppressWarnings("unchecked")
    public static List<Tuple> tuples(Query query) {
        return query.getResultList();
    }

    /** A timestamp or timestamptz column of a row; null stays null. */
    public static Instant instant(Tuple row, String column) {
        return instant(row.get(column));
    }

    /** A numeric column of a row as a long; null stays null. */
    public static Long number(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    /** A timestamp or timestamptz column; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
