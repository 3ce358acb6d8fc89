package org.communityplaces.platform.problem;

/** A value a client sent that the platform turns down, with the reason in plain English for the problem answer. */
public interface Refused {

	/** What the value must be, such as "must be a whole number". */
	String reason();

}
