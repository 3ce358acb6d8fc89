package org.communityplaces.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** What every service builds on depends on none of them, and its parts on each other without a loop. */
class StructureTests {

	private final JavaClasses platform = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.communityplaces.platform");

	@Test
	void platformDependsOnNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.communityplaces.places..", "org.communityplaces.referrals..",
					"org.communityplaces.notifications..", "org.communityplaces.gateway..", "org.communityplaces.stack..")
			.check(platform);
	}

	@Test
	void noPackageCycles() {
		slices().matching("org.communityplaces.platform.(*)..").should().beFreeOfCycles().check(platform);
	}

}
