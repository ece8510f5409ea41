package org.carecourse.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.carecourse.servicekit.audit.ReadAuditLog;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules that keep services independent, checked over every module's classes. */
class ArchitectureTest {

    private static final List<String> SERVICES =
            List.of("consultations", "screening", "scheduling", "treatment", "billing", "operations");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carecourse");

    @TestFactory
    List<DynamicTest> noServiceDependsOnAnother() {
        return SERVICES.stream().map(service -> DynamicTest.dynamicTest(service, () -> noClasses()
                .that().resideInAPackage(pkg(service))
                .should().dependOnClassesThat().resideInAnyPackage(
                        SERVICES.stream().filter(other -> !other.equals(service)).map(ArchitectureTest::pkg)
                                .toArray(String[]::new))
                .because("services talk only through Kafka integration events")
                .check(CLASSES))).toList();
    }

    @TestFactory
    List<DynamicTest> sharedModulesHoldNoServiceCode() {
        String[] services = SERVICES.stream().map(ArchitectureTest::pkg).toArray(String[]::new);
        return List.of(
                // Contracts' freedom from Spring and Axon is checked in platform-contracts itself.
                DynamicTest.dynamicTest("contracts", () -> noClasses()
                        .that().resideInAPackage("org.carecourse.contracts..")
                        .should().dependOnClassesThat().resideInAnyPackage(services)
                        .check(CLASSES)),
                DynamicTest.dynamicTest("service kit", () -> noClasses()
                        .that().resideInAPackage("org.carecourse.servicekit..")
                        .should().dependOnClassesThat().resideInAnyPackage(services)
                        .check(CLASSES)));
    }

    @TestFactory
    List<DynamicTest> commandSideStaysFreeOfWebAndQueryCode() {
        ArchRule rule = noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..query..")
                .because("aggregates decide from their own events, not from read models or HTTP");
        ArchRule inboundIsThin = noClasses().that().resideInAPackage("..integration..")
                .should().dependOnClassesThat().resideInAnyPackage("..command..")
                .because("adapters send commands through the gateway instead of touching aggregates");
        return List.of(DynamicTest.dynamicTest("command", () -> rule.check(CLASSES)),
                DynamicTest.dynamicTest("integration adapters", () -> inboundIsThin.check(CLASSES)));
    }

    /**
     * A business rule refuses in the domain (aggregates, policies, the read model a rule is checked
     * against), never in a controller or a page: web code calls the class that decides and lets its
     * refusal through. Web code may still refuse malformed input (InvalidFieldException, 400).
     */
    @Test
    void webCodeRaisesNoBusinessRuleRefusal() {
        noClasses().that().resideInAnyPackage("..web..", "..browser..")
                .should().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(BusinessRuleViolation.class))))
                .because("each clinical, scheduling and billing rule is decided in one domain class (docs/rules.md)")
                .check(CLASSES);
    }

    /** Patient data is read one way: through the kit's ReadAccess (scope, then the read recorded), never the log directly. */
    @Test
    void readsAreRecordedThroughReadAccessOnly() {
        noClasses().that().resideOutsideOfPackage("org.carecourse.servicekit..")
                .should().dependOnClassesThat().belongToAnyOf(ReadAuditLog.class)
                .because("one idiom for a read: the caller's scope checked, then the read recorded (ReadAccess)")
                .check(CLASSES);
    }

    /**
     * One inbound style: each bound topic is read by a component extending the kit's
     * InboundConsumer, which hands every record to InboundEvents (checked, once, in one
     * transaction). No service touches a raw Spring message.
     */
    @Test
    void inboundAdaptersAreInboundConsumers() {
        noClasses().that().resideInAnyPackage(SERVICES.stream().map(ArchitectureTest::pkg).toArray(String[]::new))
                .should().dependOnClassesThat().belongToAnyOf(Message.class)
                .because("a service reads a topic through an InboundConsumer, which applies each record once")
                .check(CLASSES);
    }

    /** A service builds on the kit, the contracts and the clinical instruments only: no other shared module, no other service. */
    @TestFactory
    List<DynamicTest> servicesDependOnlyOnTheKitContractsAndInstruments() {
        return SERVICES.stream().map(service -> DynamicTest.dynamicTest(service, () -> classes()
                .that().resideInAPackage(pkg(service))
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackage("org.carecourse..")
                        .or(JavaClass.Predicates.resideInAnyPackage(pkg(service), "org.carecourse.servicekit..",
                                "org.carecourse.contracts..", "org.carecourse.instruments..")))
                .check(CLASSES))).toList();
    }

    /** Settings come in as {@code @ConfigurationProperties} records, never as {@code @Value} strings scattered over beans. */
    @Test
    void settingsAreConfigurationPropertiesNotValueAnnotations() {
        // An annotation on a class, member or parameter is a dependency on the annotation's type.
        noClasses().should().dependOnClassesThat().belongToAnyOf(Value.class)
                .because("a setting is a field of a @ConfigurationProperties record: typed, validated, its default in one place")
                .check(CLASSES);
    }

    private static String pkg(String service) {
        return "org.carecourse." + service + "..";
    }
}
