package org.communityplaces.referrals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ReferralServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReferralServiceApplication.class, args);
	}

}
