package io.rapport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every parameter an {@link Audited} names exists on its method; otherwise the trail silently lacks the id. */
class AuditedParametersTest {

    @Test
    void shouldNameOnlyParametersThatExist() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rapport")) {
            for (Method method : c.reflect().getDeclaredMethods()) {
                Audited audited = audited(method);
                if (audited != null) {
                    checked++;
                    missing.addAll(missing(method, audited));
                }
            }
        }
        assertThat(checked).as("audited methods found").isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldReportAParameterThatDoesNotExist() throws Exception {
        Method wrong = Fixture.class.getDeclaredMethod("get", String.class);
        assertThat(missing(wrong, wrong.getAnnotation(Audited.class))).containsExactly(
                "Fixture.get: idParam 'clientId' is not a path or query parameter");
        Method right = Fixture.class.getDeclaredMethod("read", String.class);
        assertThat(missing(right, right.getAnnotation(Audited.class))).isEmpty();
    }

    private static Audited audited(Method method) {
        if (method.isSynthetic() || method.getAnnotation(GET.class) == null && !isResourceMethod(method)) {
            return null;
        }
        Audited onMethod = method.getAnnotation(Audited.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(Audited.class);
    }

    private static boolean isResourceMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    static List<String> missing(Method method, Audited audited) {
        List<String> found = new ArrayList<>();
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (!audited.idParam().isEmpty() && AuditRoutes.parameterIndex(method, audited.idParam()) < 0) {
            found.add(where + ": idParam '" + audited.idParam() + "' is not a path or query parameter");
        }
        if (!audited.clientParam().isEmpty() && AuditRoutes.parameterIndex(method, audited.clientParam()) < 0) {
            found.add(where + ": clientParam '" + audited.clientParam() + "' is not a path or query parameter");
        }
        return found;
    }

    static class Fixture {
        @GET
        @Audited(objectType = "client", idParam = "clientId")
        String get(@PathParam("externalId") String externalId) {
            return externalId;
        }

        @GET
        @Audited(objectType = "client", idParam = "externalId")
        String read(@PathParam("externalId") String externalId) {
            return externalId;
        }
    }
}
