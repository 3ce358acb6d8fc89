package org.communityplaces.platform.kafka;

/**
 * An event that breaks the contract: unreadable, invalid against its schema, or missing what
 * its reader needs. Retrying cannot mend it, so it is parked at once.
 */
public class BrokenEvent extends RuntimeException {

	public BrokenEvent(String reason) {
		super(reason);
	}

}
