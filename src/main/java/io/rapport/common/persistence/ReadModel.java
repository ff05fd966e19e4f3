package io.rapport.common.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query class that reads several rooms' tables in one statement, for a page or a computation that would
 * otherwise cost a round trip per row. It only reads: every write to a table stays in the room that owns it.
 * {@code TableOwnershipTest} allows other rooms' tables in the SQL of these classes only.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ReadModel {

    /** Why one statement across rooms is worth it here. */
    String value();
}
