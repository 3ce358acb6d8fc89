package org.communityplaces.notifications.alert;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AlertRepository extends MongoRepository<Alert, String> {

	List<Alert> findByReferralIdOrderByCreatedAt(String referralId);

}
