package org.communityplaces.platform.testing;

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

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service keeps, checked on its main classes by its {@code StructureTests}:
 * feature packages (the first package under the service's root) without a loop between them,
 * each package-private but for the few types other features use, and no code of another
 * service (only {@code platform} and {@code contracts}).
 */
public final class ServiceStructure {

	private final String root;

	private final JavaClasses service;

	private ServiceStructure(String root) {
		this.root = root;
		this.service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(root);
	}

	/** @param root the service's root package, such as {@code org.communityplaces.places} */
	public static ServiceStructure of(String root) {
		return new ServiceStructure(root);
	}

	/** The service's main classes, for rules of its own. */
	public JavaClasses mainClasses() {
		return service;
	}

	public void hasNoCycleBetweenFeatures() {
		slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles().check(service);
	}

	public void featuresReachEachOtherOnlyThroughPublicTypes() {
		classes().should(reachOtherFeaturesOnlyThroughPublicTypes()).check(service);
	}

	public void aTypeIsPublicOnlyWhenAnotherFeatureUsesIt() {
		classes().that()
			.resideOutsideOfPackage(root)
			.and()
			.areTopLevelClasses()
			.and()
			.arePublic()
			.should(beUsedByAnotherFeature())
			.check(service);
	}

	public void dependsOnNoOtherService() {
		noClasses().should()
			.dependOnClassesThat(resideInAPackage("org.communityplaces..").and(DescribedPredicate
				.not(resideInAnyPackage(root + "..", "org.communityplaces.platform..", "org.communityplaces.contracts.."))))
			.check(service);
	}

	private ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughPublicTypes() {
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

	private ArchCondition<JavaClass> beUsedByAnotherFeature() {
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
	private String feature(JavaClass type) {
		String packageName = type.getPackageName();
		if (!packageName.startsWith(root + ".")) {
			return "";
		}
		String underRoot = packageName.substring(root.length() + 1);
		int dot = underRoot.indexOf('.');
		return dot < 0 ? underRoot : underRoot.substring(0, dot);
	}

	private static boolean isPublicAllTheWayOut(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC)
				&& type.getEnclosingClass().map(ServiceStructure::isPublicAllTheWayOut).orElse(true);
	}

}
