package org.communityplaces.places.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.communityplaces.places.place.PlaceAccess;
import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk loading for admins: POST a CSV file or an ORUK JSON feed, get back what happened to each
 * row; the audit trail keeps one entry for each import, with its counts.
 */
@RestController
@RequestMapping("/api/places/imports")
class ImportController {

	private final CatalogueImport imports;

	private final AuditLog audit;

	ImportController(CatalogueImport imports, AuditLog audit) {
		this.imports = imports;
		this.audit = audit;
	}

	@PostMapping(consumes = "text/csv")
	ImportReport csv(Caller caller, HttpServletRequest request) throws IOException {
		PlaceAccess.requireAdmin(caller);
		try (Reader body = utf8(request)) {
			return audited(caller, "import a CSV file", imports.csv(body));
		}
	}

	@PostMapping(consumes = "application/json")
	ImportReport feed(Caller caller, HttpServletRequest request) throws IOException {
		PlaceAccess.requireAdmin(caller);
		try (Reader body = utf8(request)) {
			return audited(caller, "import a JSON feed file", imports.feed(body));
		}
	}

	private ImportReport audited(Caller caller, String what, ImportReport report) {
		audit.changed(caller, "import", "file", what + ": " + report.inWords());
		return report;
	}

	/** Bytes that are not UTF-8 fail the read instead of turning into replacement characters. */
	private static Reader utf8(HttpServletRequest request) throws IOException {
		return new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8.newDecoder());
	}

}
