package io.rapport.audit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The route template of a resource method, e.g. {@code GET /api/v1/pairs/{pairId}}: never the actual path. */
final class AuditRoutes {

    private AuditRoutes() {
    }

    static String of(Method method) {
        Class<?> type = method.getDeclaringClass();
        while (type.getAnnotation(Path.class) == null && type.getSuperclass() != null) {
            // CDI subclasses the resource; the annotations sit on the class it extends.
            type = type.getSuperclass();
        }
        Path classPath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String path = (classPath == null ? "" : classPath.value())
                + (methodPath == null ? "" : (methodPath.value().startsWith("/") ? "" : "/") + methodPath.value());
        return verb(method) + " " + path;
    }

    /** The index of the parameter bound to the given path or query parameter name, or -1. */
    static int parameterIndex(Method method, String name) {
        if (name.isEmpty()) {
            return -1;
        }
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PathParam path = parameters[i].getAnnotation(PathParam.class);
            QueryParam query = parameters[i].getAnnotation(QueryParam.class);
            if (path != null && path.value().equals(name) || query != null && query.value().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class,
                PATCH.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return "?";
    }
}
