package org.communityplaces.referrals.district;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A published CSV file with a header row, read row by row: a byte order mark before the header
 * is skipped and columns are found by their heading whatever its case or the spaces around it,
 * since the same data comes from spreadsheets saved in different ways.
 */
final class CsvTable {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private CsvTable() {
	}

	/**
	 * @param name how a person would find the file again, in any message about it
	 * @param columns the headings it must have
	 * @param row given each row after the header, with its line number
	 */
	static void read(String name, BufferedReader text, List<String> columns, RowReader row) {
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get()
			.parse(withoutByteOrderMark(text))) {
			List<String> missing = columns.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
			if (!missing.isEmpty()) {
				throw new IllegalStateException(name + " has no column " + String.join(", ", missing.stream()
					.map(column -> "\"" + column + "\"")
					.toList()) + "; its columns are " + parser.getHeaderNames());
			}
			for (CSVRecord record : parser) {
				if (!record.isConsistent()) {
					throw new IllegalStateException(name + " line " + parser.getCurrentLineNumber() + " has "
							+ record.size() + " values under " + parser.getHeaderMap().size() + " headings");
				}
				row.read(record, parser.getCurrentLineNumber());
			}
		}
		catch (UncheckedIOException ex) {
			throw unreadable(name, ex.getCause());
		}
		catch (IOException ex) {
			throw unreadable(name, ex);
		}
	}

	private static IllegalStateException unreadable(String name, IOException ex) {
		return new IllegalStateException(name + (ex instanceof CharacterCodingException ? " is not UTF-8 text"
				: " cannot be read as CSV: " + ex.getMessage()), ex);
	}

	private static Reader withoutByteOrderMark(BufferedReader text) throws IOException {
		text.mark(1);
		if (text.read() != BYTE_ORDER_MARK) {
			text.reset();
		}
		return text;
	}

	/** One row of a table. */
	@FunctionalInterface
	interface RowReader {

		void read(CSVRecord record, long line);

	}

}
