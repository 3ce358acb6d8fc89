package org.communityplaces.notifications.alert;

/** The words of one alert, in plain English, with no personal details of the person referred. */
record AlertMessage(String subject, String body) {

	static AlertMessage newReferral(String placeName, String portalUrl) {
		return new AlertMessage("New referral for " + placeName, """
				Hello,

				Someone has been referred to %s and would like to come along.

				Please open the partner portal to see the details and accept or decline:
				%s

				Thank you for welcoming people into your community.
				""".formatted(placeName, portalUrl));
	}

	static AlertMessage referralAccepted(String placeName, String portalUrl) {
		return new AlertMessage(placeName + " accepted your referral", """
				Hello,

				%s has accepted your referral. You can see it in the portal:
				%s
				""".formatted(placeName, portalUrl));
	}

}
