package org.communityplaces.notifications.preference;

/** How a recipient wants to hear about referrals. Every alert also lands in their portal inbox. */
public enum Channel {

	/** An e-mail for each alert, as soon as it happens. */
	EMAIL,

	/** One e-mail a day listing the day's alerts. */
	DIGEST,

	/** A signed HTTPS request to the recipient's own system. */
	WEBHOOK,

	/** Nothing sent: the portal inbox only. */
	INBOX

}
