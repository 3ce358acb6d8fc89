package org.communityplaces.places;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * places-service as feature packages: no loop between them, each reached by the others only
 * through the few public types it offers (everything else package-private), and no code of
 * another service.
 */
class StructureTests {

	private static final String ROOT = "org.communityplaces.places";

	/** Each feature's public types; a type made public elsewhere in a feature fails the build until it is listed. */
	private static final Map<String, Set<String>> ENTRY_POINTS = Map.of(
			"place", Set.of("Catalogue", "PlaceAccess", "Place", "PlaceDetails", "PlaceKind", "PlaceStatus",
					"OpeningTime", "Weekday", "PlaceStored"),
			"search", Set.of("PlaceIndex", "PlaceQuery", "SearchResults", "SearchTerms"),
			"geo", Set.of("Postcodes"),
			"taxonomy", Set.of("Taxonomies", "Taxonomy", "TaxonomyTerm"),
			"imports", Set.of(),
			"oruk", Set.of());

	private final JavaClasses places = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void featuresDependOnEachOtherWithoutALoop() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(places);
	}

	@Test
	void everyFeatureSaysWhatItOffers() {
		Set<String> features = new TreeSet<>();
		places.stream()
			.map(JavaClass::getPackageName)
			.filter(name -> name.startsWith(ROOT + "."))
			.forEach(name -> features.add(name.substring(ROOT.length() + 1).split("\\.")[0]));
		assertThat(ENTRY_POINTS.keySet()).containsExactlyInAnyOrderElementsOf(features);
	}

	@Test
	void onlyAFeaturesEntryPointsArePublic() {
		ENTRY_POINTS.forEach((feature, entryPoints) -> classes().that()
			.resideInAPackage(ROOT + "." + feature + "..")
			.and()
			.areTopLevelClasses()
			.and(DescribedPredicate.not(named(entryPoints)))
			.should()
			.notBePublic()
			.allowEmptyShould(true)
			.check(places));
	}

	@Test
	void featuresReachEachOtherOnlyThroughTheirEntryPoints() {
		ENTRY_POINTS.forEach((feature, entryPoints) -> noClasses().that()
			.resideOutsideOfPackage(ROOT + "." + feature + "..")
			.should()
			.dependOnClassesThat(DescribedPredicate.and(JavaClass.Predicates.resideInAPackage(ROOT + "." + feature + ".."),
					DescribedPredicate.not(named(entryPoints))))
			.check(places));
	}

	@Test
	void noCodeOfAnotherService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.communityplaces.referrals..", "org.communityplaces.notifications..",
					"org.communityplaces.gateway..", "org.communityplaces.stack..")
			.check(places);
	}

	@Test
	void platformDependsOnNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + "..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.communityplaces.platform"));
	}

	/** A class among these, or nested in one of them. */
	private static DescribedPredicate<JavaClass> named(Set<String> entryPoints) {
		return DescribedPredicate.describe("one of " + new TreeSet<>(entryPoints),
				javaClass -> entryPoints.contains(outermost(javaClass).getSimpleName()));
	}

	private static JavaClass outermost(JavaClass javaClass) {
		return javaClass.getEnclosingClass().map(StructureTests::outermost).orElse(javaClass);
	}

}
