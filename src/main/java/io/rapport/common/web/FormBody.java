package io.rapport.common.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/** An HTML form as it was sent: each field's first value, an empty string for a field sent without one. */
public final class FormBody {

    private FormBody() {
    }

    public static Map<String, String> firstValues(MultivaluedMap<String, String> body) {
        Map<String, String> fields = new HashMap<>();
        body.forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
        return fields;
    }
}
