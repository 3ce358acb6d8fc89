package org.communityplaces.referrals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * referral-service is a small core ({@code referral}) and features around it, each a package
 * of its own: they use each other only through the few public types each exposes, without a
 * loop, and the core depends on none of them.
 */
class StructureTests {

	private static final String ROOT = "org.communityplaces.referrals";

	private final JavaClasses service = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void noPackageCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(service);
	}

	@Test
	void featuresReachEachOtherOnlyThroughTheirPublicTypes() {
		classes().should(onlyUsePublicTypesOfOtherPackages()).check(service);
	}

	@Test
	void theCoreDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage(ROOT + ".referral..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".intake..", ROOT + ".lifecycle..", ROOT + ".attendance..", ROOT + ".outcome..",
					ROOT + ".deadline..", ROOT + ".uptake..", ROOT + ".place..", ROOT + ".vocabulary..")
			.check(service);
	}

	@Test
	void controllersStayInsideTheirFeature() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(service);
	}

	@Test
	void theServiceDependsOnNoOtherService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.communityplaces.places..", "org.communityplaces.notifications..",
					"org.communityplaces.gateway..", "org.communityplaces.stack..")
			.check(service);
	}

	private static ArchCondition<JavaClass> onlyUsePublicTypesOfOtherPackages() {
		return new ArchCondition<>("only use the public types of another package of the service") {

			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					boolean otherPackage = target.getPackageName().startsWith(ROOT)
							&& !target.getPackageName().equals(origin.getPackageName());
					if (otherPackage && !target.getModifiers().contains(JavaModifier.PUBLIC)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

}
