package io.zeekagent.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Tests for the package rules of STYLE.md: package by feature, features closed over their persistence. */
@AnalyzeClasses(packages = "io.zeekagent.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noLayerPackages = noClasses()
            .should()
            .resideInAnyPackage(
                    "..controller..",
                    "..controllers..",
                    "..service..",
                    "..services..",
                    "..repository..",
                    "..repositories..")
            .because("the code is packaged by feature, not by layer");

    @ArchTest
    static final ArchRule entitiesArePackagePrivate =
            classes().that().areAnnotatedWith(Entity.class).should().notBePublic();

    @ArchTest
    static final ArchRule repositoriesArePackagePrivate =
            classes().that().areAssignableTo(Repository.class).should().notBePublic();

    @ArchTest
    static final ArchRule controllersArePackagePrivate =
            classes().that().areAnnotatedWith(RestController.class).should().notBePublic();

    @ArchTest
    static final ArchRule repositoriesAndEntitiesStayInTheirFeature = classes()
            .that()
            .areAssignableTo(Repository.class)
            .or()
            .areAnnotatedWith(Entity.class)
            .should(onlyBeAccessedFromTheirOwnPackage())
            .because("other features call a feature's service, never its repository or entity");

    @ArchTest
    static final ArchRule brokerIsPlainJava = noClasses()
            .that()
            .resideInAPackage("io.zeekagent.hub.broker..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..")
            .allowEmptyShould(true)
            .because("the Broker codecs are plain Java");

    @ArchTest
    static final ArchRule onlyTheClusterFeatureUsesKafka = noClasses()
            .that()
            .resideOutsideOfPackages("io.zeekagent.hub.cluster..", "io.zeekagent.hub.stream..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .because("the embedded single node must not touch Kafka classes (hub.cluster.engine=embedded)");

    @ArchTest
    static final ArchRule nothingDependsOnTheKafkaStream = noClasses()
            .that()
            .resideOutsideOfPackage("io.zeekagent.hub.stream..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.zeekagent.hub.stream..")
            .because("the Kafka event stream plugs in through ingest.SocketEventStream and attribution.HostReplay,"
                    + " so the embedded engine never loads it");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .because("dependencies come in through the one constructor");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("io.zeekagent.hub.(*)..").should().beFreeOfCycles();

    private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnPackage() {
        return new ArchCondition<>("only be accessed from their own package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesToSelf().stream()
                        .filter(d -> !d.getOriginClass().getPackageName().equals(item.getPackageName()))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }
}
