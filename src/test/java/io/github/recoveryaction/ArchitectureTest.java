package io.github.recoveryaction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package rules of docs/architecture.md: a pure core, edges behind interfaces, one place per concern. */
class ArchitectureTest {

    private static final String BASE = "io.github.recoveryaction";
    private static JavaClasses main;
    private static JavaClasses tests;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
        tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void theClassifierDependsOnNothingButTheJdkAndJackson() {
        classes().that().resideInAPackage(BASE + ".classify..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", BASE, BASE + ".classify..")
                .check(main);
    }

    @Test
    void theWorkspacePackageDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(BASE + ".workspace..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", BASE, BASE + ".workspace..").check(main);
    }

    @Test
    void plansAndReportsArePure() {
        classes().that().resideInAnyPackage(BASE + ".plan..", BASE + ".report..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", BASE, BASE + ".classify..", BASE + ".plan..",
                        BASE + ".report..", BASE + ".config..", BASE + ".workspace..")
                .check(main);
    }

    @Test
    void theRerunDecisionNeedsOnlyVerdictsSettingsAndGithubPorts() {
        classes().that().resideInAPackage(BASE + ".rerun..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", BASE, BASE + ".classify", BASE + ".config..",
                        BASE + ".github..", BASE + ".rerun..")
                .check(main);
    }

    @Test
    void historyAggregatesWithoutIoAndSitsBelowTheAction() {
        classes().that().haveSimpleNameStartingWith("FailureStats").or().haveSimpleNameStartingWith("StatsReport")
                .or().haveSimpleNameStartingWith("RunRecord").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.time..", "java.util..", BASE + ".history..").check(main);
        noClasses().that().resideInAPackage(BASE + ".history..").should().dependOnClassesThat()
                .resideInAnyPackage(BASE + ".action..", BASE + ".cli..").check(main);
    }

    @Test
    void onlyTheGithubPackageTalksToHub4jAndJgit() {
        noClasses().that().resideOutsideOfPackage(BASE + ".github..").should().dependOnClassesThat()
                .resideInAnyPackage("org.kohsuke.github..", "org.eclipse.jgit..").check(main);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cli..").should().dependOnClassesThat()
                .resideInAPackage("picocli..").check(main);
    }

    @Test
    void onlyTheCommandLineEndsTheProcess() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cli..").should().callMethod(System.class, "exit", int.class)
                .check(main);
    }

    @Test
    void thereIsNoUtilGrabBag() {
        noClasses().should().resideInAPackage("..util..").check(main);
    }

    @Test
    void testsAssertWithAssertJOnly() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
                .check(tests);
    }
}
