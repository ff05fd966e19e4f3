package io.rapport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.rapport.common.persistence.OrganizationScoped;

/** The house rules of the README's "Architecture" table, checked on the compiled main classes. */
class ArchitectureTest {

    /** What a pure core may not touch: the container, persistence, HTTP and the frameworks around them. */
    private static final String[] FRAMEWORKS = { "io.quarkus..", "jakarta..", "javax..", "org.hibernate..",
            "io.vertx..", "org.jboss..", "io.smallrye..", "org.eclipse.microprofile..", "io.netty.." };

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rapport");
    }

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching("io.rapport.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void shouldDetectACycleWhenThereIsOne() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.rapport.architecture.cycle");
        assertThat(slices().matching("io.rapport.architecture.cycle.(*)").should().beFreeOfCycles()
                .evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void shouldKeepScoringFreeOfFrameworks() {
        pure("io.rapport.scoring").check(main);
    }

    @Test
    void shouldKeepTheTrendEngineFreeOfFrameworks() {
        pure("io.rapport.trend").check(main);
    }

    @Test
    void shouldKeepTheInsightStatisticsFreeOfFrameworks() {
        noClasses().that().haveNameMatching("io\\.rapport\\.insight\\.InsightStatistics(\\$.*)?").should()
                .dependOnClassesThat(resideInAnyPackage(FRAMEWORKS))
                .because("the insight statistics are a pure core, tested with plain JUnit").check(main);
    }

    @Test
    void shouldKeepCommonFreeOfFeatures() {
        noClasses().that().resideInAPackage("io.rapport.common..")
                .should().dependOnClassesThat(resideInAPackage("io.rapport..")
                        .and(not(resideInAPackage("io.rapport.common.."))))
                .check(main);
    }

    @Test
    void shouldLetEachFeatureEraseItsOwnTables() {
        // Client rights ask the features (ClientDataPart); they know no feature's classes or tables.
        noClasses().that().resideInAPackage("io.rapport.rights..")
                .should().dependOnClassesThat(resideInAPackage("io.rapport..")
                        .and(not(resideInAnyPackage("io.rapport.rights..", "io.rapport.common.."))))
                .check(main);
    }

    @Test
    void shouldNeverPutAnEntityInAResourceSignature() {
        resourceMethodsWithoutEntities().check(main);
    }

    @Test
    void shouldFindAnEntityInASignatureWhenThereIsOne() throws Exception {
        // A stand-in annotation: a real @Entity in the tests would be picked up by Hibernate.
        assertThat(annotatedIn(Fixture.class.getDeclaredMethod("leak", List.class), Stored.class))
                .containsExactly("Leaked");
        assertThat(annotatedIn(Fixture.class.getDeclaredMethod("clean", String.class), Stored.class)).isEmpty();
    }

    @Test
    void shouldQueryTenantRepositoriesOnlyThroughTheirOwnMethods() {
        unscopedCallsOutsideRepositories().check(main);
    }

    @Test
    void shouldFindAnUnscopedCallWhenThereIsOne() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Fixture.class, Fixture.Repository.class);
        assertThat(unscopedCallsOutsideRepositories().evaluate(fixture).hasViolation()).isTrue();
    }

    /**
     * Panache's generic finders (findById, listAll, count, find, ...) do not name the organization. Only a
     * repository's own methods, which do, may use them; every other class asks the repository.
     */
    private static ArchRule unscopedCallsOutsideRepositories() {
        Set<String> unscoped = Set.of("findById", "findByIdOptional", "findAll", "listAll", "streamAll", "count",
                "deleteAll", "deleteById", "find", "list", "stream", "delete", "update");
        return noClasses().that(not(JavaClass.Predicates.assignableTo(OrganizationScoped.class)))
                .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("an unscoped Panache finder") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().isAssignableTo(OrganizationScoped.class)
                                && unscoped.contains(call.getName())
                                && !(call.getName().equals("delete") && call.getTarget().getRawParameterTypes().size() == 1
                                        && !call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class));
                    }
                });
    }

    private static ArchRule pure(String pkg) {
        return noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat(resideInAnyPackage(FRAMEWORKS))
                .because(pkg + " is a pure core, tested with plain JUnit");
    }

    private static ArchRule resourceMethodsWithoutEntities() {
        return methods().that().areAnnotatedWith(GET.class).or().areAnnotatedWith(POST.class)
                .or().areAnnotatedWith(PUT.class).or().areAnnotatedWith(DELETE.class)
                .or().areAnnotatedWith(PATCH.class).or().areAnnotatedWith(Path.class)
                .should(new ArchCondition<>("name no @Entity type in their parameters or result") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        List<String> found = annotatedIn(method.reflect(), Entity.class);
                        events.add(new SimpleConditionEvent(method, found.isEmpty(),
                                method.getFullName() + " exposes entity " + found));
                    }
                });
    }

    /** Types carrying {@code marker} named by a method's result or parameters, generic arguments included. */
    static List<String> annotatedIn(Method method, Class<? extends Annotation> marker) {
        List<String> found = new ArrayList<>();
        collect(method.getGenericReturnType(), marker, found);
        for (Type parameter : method.getGenericParameterTypes()) {
            collect(parameter, marker, found);
        }
        return found;
    }

    private static void collect(Type type, Class<? extends Annotation> marker, List<String> found) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), marker, found);
            } else if (c.isAnnotationPresent(marker)) {
                found.add(c.getSimpleName());
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), marker, found);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, marker, found);
            }
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), marker, found);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collect(bound, marker, found);
            }
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Stored {
    }

    @Stored
    static class Leaked {
    }

    static class Fixture {
        interface Repository extends OrganizationScoped<Object> {
        }

        long countAll(Repository repository) {
            return repository.count();
        }

        List<Leaked> leak(List<String> ids) {
            return List.of();
        }

        String clean(String id) {
            return id;
        }
    }
}
