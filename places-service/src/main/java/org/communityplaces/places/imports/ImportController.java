package org.communityplaces.places.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.communityplaces.places.place.PlaceAccess;
import org.communityplaces.platform.caller.Caller;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bulk loading for admins: POST a CSV file or an ORUK JSON feed, get back what happened to each row. */
@RestController
@RequestMapping("/api/places/imports")
class ImportController {

	private final CatalogueImport imports;

	ImportController(CatalogueImport imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = "text/csv")
	ImportReport csv(Caller caller, HttpServletRequest request) throws IOException {
		PlaceAccess.requireAdmin(caller);
		try (Reader body = utf8(request)) {
			return imports.csv(body);
		}
	}

	@PostMapping(consumes = "application/json")
	ImportReport feed(Caller caller, HttpServletRequest request) throws IOException {
		PlaceAccess.requireAdmin(caller);
		try (Reader body = utf8(request)) {
			return imports.feed(body);
		}
	}

	/** Bytes that are not UTF-8 fail the read instead of turning into replacement characters. */
	private static Reader utf8(HttpServletRequest request) throws IOException {
		return new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8.newDecoder());
	}

}
