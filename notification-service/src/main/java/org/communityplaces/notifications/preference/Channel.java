package org.communityplaces.notifications.preference;

/** How a recipient wants to hear about referrals. Every alert also lands in their portal inbox. */
public enum Channel {

	/** An e-mail for each alert, as soon as it happens. */
	EMAIL("E-mail me each time"),

	/** One e-mail a day listing the day's alerts. */
	DIGEST("E-mail me once a day"),

	/** A text message for each alert, through GOV.UK Notify, where the deployment has it. */
	TEXT("Text me each time"),

	/** A signed HTTPS request to the recipient's own system. */
	WEBHOOK("Send them to our own system (webhook)"),

	/** Nothing sent: the portal inbox only. */
	INBOX("Only show them here");

	private final String choice;

	Channel(String choice) {
		this.choice = choice;
	}

	/** The choice as the alerts page offers it. */
	public String choice() {
		return choice;
	}

}
