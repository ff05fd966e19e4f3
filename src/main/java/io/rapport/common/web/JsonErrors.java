package io.rapport.common.web;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.rapport.common.error.Problem.FieldError;

/** Names the field of a body that Jackson could not map, by its JSON path, and what was expected there. */
final class JsonErrors {

    private JsonErrors() {
    }

    static FieldError of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = path(u.getPath());
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException f) {
            message = "has an invalid value; expected " + describe(f.getTargetType());
        } else if (e instanceof InvalidTypeIdException) {
            message = "has an unknown type";
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == null ? "has the wrong type"
                    : "has the wrong type; expected " + describe(m.getTargetType());
        } else {
            message = "is invalid";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return new FieldError(field, message);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 date-time such as 2026-11-20T15:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }
}
