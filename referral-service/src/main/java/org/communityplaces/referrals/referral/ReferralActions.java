package org.communityplaces.referrals.referral;

import java.util.List;

import org.communityplaces.platform.caller.Caller;

/**
 * What a feature lets a caller do to a referral now, from the same rule its endpoint refuses
 * with. Every referral shown to a caller lists the actions of every feature, in the features'
 * {@link org.springframework.core.annotation.Order}.
 */
public interface ReferralActions {

	/** @param referral one the caller may see */
	List<AvailableAction> available(Caller caller, Referral referral);

}
