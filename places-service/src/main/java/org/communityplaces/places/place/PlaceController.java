package org.communityplaces.places.place;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.types.ObjectId;
import org.communityplaces.platform.problem.Problem;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/places")
class PlaceController {

	private final PlaceRepository places;

	private final Clock clock;

	PlaceController(PlaceRepository places, Clock clock) {
		this.places = places;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<Place> register(@Valid @RequestBody NewPlace request) {
		Place place = places.insert(new Place(new ObjectId().toHexString(), request.name().strip(), request.kind(),
				request.hostEmail().strip(), request.postcode(), clock.instant()));
		return ResponseEntity.created(URI.create("/api/places/" + place.id())).body(place);
	}

	@GetMapping("/{id}")
	Place show(@PathVariable String id) {
		return places.findById(id).orElseThrow(PlaceNotFound::new);
	}

	@GetMapping
	List<Place> list() {
		return places.findAll(Sort.by("name"));
	}

	record NewPlace(@NotBlank @Size(max = 200) String name, @NotNull PlaceKind kind,
			@NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") String hostEmail,
			@Size(max = 10) String postcode) {
	}

	static class PlaceNotFound extends Problem {

		PlaceNotFound() {
			super(HttpStatus.NOT_FOUND, "Place not found", "There is no such place.");
		}

	}

}
