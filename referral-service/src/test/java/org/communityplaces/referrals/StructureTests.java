package org.communityplaces.referrals;

import org.communityplaces.platform.testing.ServiceStructure;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * referral-service is a small core ({@code referral}) and features around it, each a package
 * of its own: they use each other only through the few public types each exposes, without a
 * loop, and the core depends on none of them.
 */
class StructureTests {

	private static final ServiceStructure referrals = ServiceStructure.of("org.communityplaces.referrals");

	@Test
	void noCycleBetweenFeatures() {
		referrals.hasNoCycleBetweenFeatures();
	}

	@Test
	void featuresReachEachOtherOnlyThroughPublicTypes() {
		referrals.featuresReachEachOtherOnlyThroughPublicTypes();
	}

	@Test
	void aTypeIsPublicOnlyWhenAnotherFeatureUsesIt() {
		referrals.aTypeIsPublicOnlyWhenAnotherFeatureUsesIt();
	}

	@Test
	void noCodeOfAnotherService() {
		referrals.dependsOnNoOtherService();
	}

	@Test
	void theCoreDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("org.communityplaces.referrals.referral..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.communityplaces.referrals.intake..", "org.communityplaces.referrals.lifecycle..",
					"org.communityplaces.referrals.attendance..", "org.communityplaces.referrals.outcome..",
					"org.communityplaces.referrals.deadline..", "org.communityplaces.referrals.uptake..",
					"org.communityplaces.referrals.place..", "org.communityplaces.referrals.vocabulary..",
					"org.communityplaces.referrals.district..", "org.communityplaces.referrals.message..",
					"org.communityplaces.referrals.fhir..")
			.check(referrals.mainClasses());
	}

	@Test
	void controllersStayInsideTheirFeature() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(referrals.mainClasses());
	}

}
