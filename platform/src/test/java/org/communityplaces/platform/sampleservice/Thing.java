package org.communityplaces.platform.sampleservice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the sample service stores: a field of every kind a client can get wrong. */
@Document("things")
record Thing(@Id @JsonProperty(access = JsonProperty.Access.READ_ONLY) String id,
		@NotBlank @Size(max = 100) String name, @Min(0) @Max(10) int count, boolean free, @NotNull Instant recordedAt, LocalDate on, @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String opens,
		@Size(max = 10) List<@NotBlank @Size(max = 30) String> tags, @Valid Contact contact) {

	Thing withId(String newId) {
		return new Thing(newId, name, count, free, recordedAt, on, opens, tags, contact);
	}

	record Contact(@NotBlank @Size(max = 20) String method, @NotBlank @Size(max = 100) String value) {
	}

}
