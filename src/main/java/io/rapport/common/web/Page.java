package io.rapport.common.web;

import java.util.List;
import java.util.function.Function;

import io.rapport.common.error.ApiException;

/** One page of a list, with what a client needs to fetch the next. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Page and size from query parameters, validated here so a bad value names its parameter. */
    public record Request(int page, int size) {

        public static Request of(String page, String size) {
            int p = parse("page", page, 0, 0, Integer.MAX_VALUE);
            int s = parse("size", size, 20, 1, MAX_SIZE);
            return new Request(p, s);
        }

        public int offset() {
            return page * size;
        }

        private static int parse(String name, String value, int fallback, int min, int max) {
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            try {
                int v = Integer.parseInt(value);
                if (v < min || v > max) {
                    throw ApiException.invalid(name, "must be between " + min + " and " + max);
                }
                return v;
            } catch (NumberFormatException e) {
                throw ApiException.invalid(name, "must be a whole number");
            }
        }
    }
}
