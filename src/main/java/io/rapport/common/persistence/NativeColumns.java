package io.rapport.common.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.TypedTupleTransformer;

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
        return query.unwrap(NativeQuery.class).setTupleTransformer(new Rows()).getResultList();
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

    /**
     * Rows that share one index of the result's columns. Hibernate's own tuple builds two maps per row and
     * lower-cases every column name on every row: 40 of 1,054 samples of a trend-read JFR profile.
     */
    private static final class Rows implements TypedTupleTransformer<Tuple> {

        private String[] aliases;
        private Map<String, Integer> index;

        @Override
        public Tuple transformTuple(Object[] tuple, String[] aliases) {
            if (aliases != this.aliases) {
                Map<String, Integer> byName = new HashMap<>();
                for (int i = 0; i < aliases.length; i++) {
                    if (aliases[i] != null) {
                        byName.put(aliases[i].toLowerCase(Locale.ROOT), i);
                    }
                }
                this.index = byName;
                this.aliases = aliases;
            }
            return new Row(tuple, aliases, index);
        }

        @Override
        public Class<Tuple> getTransformedType() {
            return Tuple.class;
        }
    }

    /** One row; names are matched ignoring case, as Hibernate's tuple matches them. */
    private record Row(Object[] values, String[] aliases, Map<String, Integer> index) implements Tuple {

        @Override
        public <X> X get(TupleElement<X> element) {
            return get(element.getAlias(), element.getJavaType());
        }

        @Override
        public <X> X get(String alias, Class<X> type) {
            return get(position(alias), type);
        }

        @Override
        public Object get(String alias) {
            return get(position(alias));
        }

        private int position(String alias) {
            Integer i = index.get(alias);
            if (i == null && alias != null) {
                i = index.get(alias.toLowerCase(Locale.ROOT));
            }
            if (i == null) {
                throw new IllegalArgumentException("Unknown alias [" + alias + "]");
            }
            return i;
        }

        @Override
        public <X> X get(int i, Class<X> type) {
            Object value = get(i);
            return value == null ? null : type.cast(value);
        }

        @Override
        public Object get(int i) {
            if (i < 0 || i >= values.length) {
                throw new IllegalArgumentException("No column " + i + " in a row of " + values.length);
            }
            return values[i];
        }

        @Override
        public Object[] toArray() {
            return values.clone();
        }

        @Override
        public List<TupleElement<?>> getElements() {
            List<TupleElement<?>> elements = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                elements.add(new Element<>(aliases[i], values[i] == null ? Object.class : values[i].getClass()));
            }
            return elements;
        }
    }

    private record Element<X>(String alias, Class<? extends X> javaType) implements TupleElement<X> {

        @Override
        public Class<? extends X> getJavaType() {
            return javaType;
        }

        @Override
        public String getAlias() {
            return alias;
        }
    }
}
