package org.examgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(ExamgateApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.examgate");

    @Test
    void featureModulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheFeaturesWeExpect() {
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .contains("admin", "api", "credential", "database", "exam", "inbox", "lockout", "operations", "student",
                        "verification", "webhook");
    }

    @Test
    void controllersStayInsideTheirFeature() {
        var rule = noClasses().that().areAnnotatedWith(RestController.class).should().bePublic();
        assertThat(CLASSES.stream().filter(javaClass -> javaClass.isAnnotatedWith(RestController.class)))
                .as("the rule must match real controllers").hasSizeGreaterThanOrEqualTo(3);
        rule.check(CLASSES);
    }

    @Test
    void noPackagesNamedAfterLayers() {
        assertThat(CLASSES.stream().map(javaClass -> javaClass.getPackageName()))
                .noneMatch(name -> name.matches(".*\\.(controller|service|repository|dto|mapper)s?(\\..*)?"));
    }
}
