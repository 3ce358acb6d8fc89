package org.communityplaces.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * The rules every value a client sends keeps, whatever field or parameter it arrives in: text
 * without control characters, whole numbers written as plain decimals, numbers that are finite,
 * dates within a sane range of years.
 */
public final class PlainInput {

	private static final Pattern DECIMAL_INTEGER = Pattern.compile("-?[0-9]{1,19}");

	private static final Pattern DECIMAL_NUMBER = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");

	private final int earliestYear;

	private final int latestYear;

	private final Instant firstInstant;

	private final Instant instantAfterLast;

	/**
	 * @param earliestYear the first year a date may fall in
	 * @param latestYear the last year a date may fall in
	 */
	public PlainInput(int earliestYear, int latestYear) {
		this.earliestYear = earliestYear;
		this.latestYear = latestYear;
		this.firstInstant = LocalDate.of(earliestYear, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
		this.instantAfterLast = LocalDate.of(latestYear + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/**
	 * Whether the text holds a control character: U+0000 to U+001F but tab, line feed and
	 * carriage return, and U+007F. They cannot be typed, can break logs, CSV and e-mail, and are
	 * never part of a name or an answer.
	 */
	public static boolean hasControlCharacter(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	/** A whole number as a person writes it: an optional minus and decimal digits, nothing else. */
	public static boolean isDecimalInteger(String text) {
		return DECIMAL_INTEGER.matcher(text).matches();
	}

	/** A number as a person writes it: decimal digits with an optional fraction, no exponent, NaN or infinity. */
	public static boolean isDecimalNumber(String text) {
		return DECIMAL_NUMBER.matcher(text).matches();
	}

	/** Whether a date or instant falls in the years this service deals in; true for values without a year. */
	public boolean isWithinYears(TemporalAccessor value) {
		if (value instanceof Instant instant) {
			return !instant.isBefore(firstInstant) && instant.isBefore(instantAfterLast);
		}
		if (value.isSupported(ChronoField.YEAR)) {
			int year = value.get(ChronoField.YEAR);
			return year >= earliestYear && year <= latestYear;
		}
		return true;
	}

	public String yearsReason() {
		return "must be a date between the years " + earliestYear + " and " + latestYear;
	}

}
