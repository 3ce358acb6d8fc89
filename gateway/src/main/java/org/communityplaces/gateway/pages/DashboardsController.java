package org.communityplaces.gateway.pages;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the Grafana dashboards are, for the uptake page's links ({@code gateway.pages.dashboards}). */
@RestController
@EnableConfigurationProperties(DashboardsController.PageSettings.class)
class DashboardsController {

	private final List<Dashboard> dashboards;

	DashboardsController(PageSettings settings) {
		this.dashboards = settings.dashboards();
	}

	@GetMapping("/api/dashboards")
	List<Dashboard> dashboards() {
		return dashboards;
	}

	@ConfigurationProperties("gateway.pages")
	record PageSettings(List<Dashboard> dashboards) {

		PageSettings {
			dashboards = dashboards == null ? List.of() : List.copyOf(dashboards);
		}

	}

	/** @param description who it is for and what it shows, in a few words */
	record Dashboard(String name, String description, String address) {
	}

}
