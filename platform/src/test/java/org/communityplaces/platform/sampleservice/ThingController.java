package org.communityplaces.platform.sampleservice;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.platform.problem.Problem;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads and writes things the way the real services' controllers do, with nothing checked by hand. */
@RestController
@RequestMapping("/api/things")
class ThingController {

	private final MongoTemplate mongo;

	ThingController(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@GetMapping
	List<Thing> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) Double within,
			@RequestParam(required = false) @Size(max = 200) String name, @RequestParam(required = false) Boolean free) {
		Query query = new Query().skip((long) page * size).limit(size);
		if (from != null) {
			query.addCriteria(Criteria.where("on").gte(from));
		}
		if (free != null) {
			query.addCriteria(Criteria.where("free").is(free));
		}
		if (name != null) {
			query.addCriteria(Criteria.where("name").is(name));
		}
		return mongo.find(query, Thing.class);
	}

	@GetMapping(path = "/export/csv", produces = "text/csv")
	String export() {
		return mongo.findAll(Thing.class).stream().map(Thing::name).collect(Collectors.joining("\n", "name\n", "\n"));
	}

	@GetMapping("/{id}")
	Thing one(@PathVariable String id) {
		Thing thing = mongo.findById(id, Thing.class);
		if (thing == null) {
			throw new Problem(HttpStatus.NOT_FOUND, "No such thing", "There is no thing with this id.");
		}
		return thing;
	}

	@PostMapping
	ResponseEntity<Thing> create(Caller caller, @Valid @RequestBody Thing thing) {
		onlyAdmins(caller);
		Thing stored = mongo.insert(thing.withId(UUID.randomUUID().toString()));
		return ResponseEntity.created(URI.create("/api/things/" + stored.id())).body(stored);
	}

	@PutMapping("/{id}")
	Thing replace(Caller caller, @PathVariable String id, @Valid @RequestBody Thing thing) {
		onlyAdmins(caller);
		one(id);
		return mongo.save(thing.withId(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
		onlyAdmins(caller);
		mongo.remove(one(id));
		return ResponseEntity.noContent().build();
	}

	private static void onlyAdmins(Caller caller) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins change things.");
		}
	}

}
