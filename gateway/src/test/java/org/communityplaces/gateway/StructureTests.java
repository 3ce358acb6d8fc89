package org.communityplaces.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
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

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the gateway: {@code edge} (limits, headers, correlation, access log),
 * {@code signin}, {@code pages} (the pages, vocabularies and dashboards the web app reads) and
 * {@code problem} without cycles, each package-private but for the few types other packages
 * use, on top of {@code contracts} only.
 */
class StructureTests {

	private static final String ROOT = "org.communityplaces.gateway";

	private static final JavaClasses service = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void featuresDoNotDependOnEachOtherInACycle() {
		slices().matching(ROOT + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles().check(service);
	}

	@Test
	void featuresReachEachOtherOnlyThroughPublicTypes() {
		classes().that()
			.resideOutsideOfPackage(ROOT)
			.should(reachOtherFeaturesOnlyThroughPublicTypes())
			.check(service);
	}

	@Test
	void aTypeIsPublicOnlyWhenAnotherFeatureUsesIt() {
		classes().that()
			.resideOutsideOfPackage(ROOT)
			.and()
			.areTopLevelClasses()
			.and()
			.arePublic()
			.should(beUsedByAnotherFeature())
			.check(service);
	}

	@Test
	void theGatewayDependsOnNoService() {
		noClasses().that()
			.resideInAPackage(ROOT + "..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.communityplaces..")
				.and(DescribedPredicate.not(resideInAnyPackage(ROOT + "..", "org.communityplaces.contracts.."))))
			.check(service);
	}

	private static ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughPublicTypes() {
		return new ArchCondition<>("reach other features only through their public types") {

			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass().getBaseComponentType();
					boolean otherFeature = !feature(target).isEmpty() && !feature(target).equals(feature(origin));
					if (otherFeature && !isPublicAllTheWayOut(target)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

	private static ArchCondition<JavaClass> beUsedByAnotherFeature() {
		return new ArchCondition<>("be used by another feature (otherwise be package-private)") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean used = type.getDirectDependenciesToSelf()
					.stream()
					.map(dependency -> feature(dependency.getOriginClass()))
					.anyMatch(user -> !user.isEmpty() && !user.equals(feature(type)));
				events.add(new SimpleConditionEvent(type, used,
						type.getName() + " is public but no other feature uses it: make it package-private"));
			}

		};
	}

	/** The first package under the service's root, or empty outside any feature. */
	private static String feature(JavaClass type) {
		String packageName = type.getPackageName();
		if (!packageName.startsWith(ROOT + ".")) {
			return "";
		}
		String underRoot = packageName.substring(ROOT.length() + 1);
		int dot = underRoot.indexOf('.');
		return dot < 0 ? underRoot : underRoot.substring(0, dot);
	}

	private static boolean isPublicAllTheWayOut(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC)
				&& type.getEnclosingClass().map(StructureTests::isPublicAllTheWayOut).orElse(true);
	}

}
