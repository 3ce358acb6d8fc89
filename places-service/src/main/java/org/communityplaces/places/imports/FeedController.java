package org.communityplaces.places.imports;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.communityplaces.places.place.PlaceAccess;
import org.communityplaces.platform.caller.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Council feeds for admins: save an ORUK feed's address to fetch it now and, if asked, on a
 * schedule; see each feed's runs with their reports; stop fetching one.
 */
@RestController
@RequestMapping("/api/places/imports/feeds")
class FeedController {

	private final ImportFeeds feeds;

	FeedController(ImportFeeds feeds) {
		this.feeds = feeds;
	}

	@PostMapping
	ResponseEntity<ImportFeeds.FeedView> save(Caller caller, @Valid @RequestBody FeedRequest request) {
		PlaceAccess.requireAdmin(caller);
		ImportFeeds.FeedView saved = feeds.save(caller, request.url().strip(), request.every());
		return ResponseEntity.created(URI.create("/api/places/imports/feeds/" + saved.id())).body(saved);
	}

	@GetMapping
	List<ImportFeeds.FeedView> all(Caller caller) {
		PlaceAccess.requireAdmin(caller);
		return feeds.all();
	}

	@GetMapping("/{id}/runs")
	List<FeedRun> runs(Caller caller, @PathVariable @Size(max = 100) String id,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		PlaceAccess.requireAdmin(caller);
		return feeds.runs(id, page, size);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable @Size(max = 100) String id) {
		PlaceAccess.requireAdmin(caller);
		feeds.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param url the feed's address: its ORUK API (its {@code /services} are read) or its
	 * {@code /services} itself
	 * @param every daily, weekly or an ISO-8601 duration such as {@code PT12H}; none to fetch it once
	 */
	record FeedRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 20) String every) {
	}

}
