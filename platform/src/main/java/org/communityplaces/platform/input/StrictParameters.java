package org.communityplaces.platform.input;

import java.beans.PropertyEditor;
import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters, path segments and headers read as a person writes them: whole numbers in
 * decimal digits only (Spring's own conversion takes {@code 0x10}, {@code #10} and {@code +5}),
 * numbers without NaN, infinity or exponent, true or false without anything around it, ISO dates
 * within the service's years, text without control characters. Registered as the binder's
 * editors, since Spring falls back on its lenient editors when a conversion fails.
 */
@ControllerAdvice
class StrictParameters {

	private final PlainInput rules;

	StrictParameters(PlainInput rules) {
		this.rules = rules;
	}

	@InitBinder
	void readStrictly(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, editor(StrictParameters::text, false));
		binder.registerCustomEditor(boolean.class, editor(StrictParameters::truthValue, false));
		binder.registerCustomEditor(Boolean.class, editor(StrictParameters::truthValue, true));
		binder.registerCustomEditor(int.class, editor(wholeNumber(Integer::valueOf), false));
		binder.registerCustomEditor(Integer.class, editor(wholeNumber(Integer::valueOf), true));
		binder.registerCustomEditor(long.class, editor(wholeNumber(Long::valueOf), false));
		binder.registerCustomEditor(Long.class, editor(wholeNumber(Long::valueOf), true));
		binder.registerCustomEditor(short.class, editor(wholeNumber(Short::valueOf), false));
		binder.registerCustomEditor(Short.class, editor(wholeNumber(Short::valueOf), true));
		binder.registerCustomEditor(double.class, editor(number(Double::valueOf), false));
		binder.registerCustomEditor(Double.class, editor(number(Double::valueOf), true));
		binder.registerCustomEditor(float.class, editor(number(Float::valueOf), false));
		binder.registerCustomEditor(Float.class, editor(number(Float::valueOf), true));
		binder.registerCustomEditor(LocalDate.class,
				editor(date(LocalDate::parse, "must be a date such as 2026-11-23"), true));
		binder.registerCustomEditor(LocalDateTime.class,
				editor(date(LocalDateTime::parse, "must be a date and time such as 2026-11-23T10:15:30"), true));
		binder.registerCustomEditor(Instant.class,
				editor(date(Instant::parse, "must be a date and time such as 2026-11-23T10:15:30Z"), true));
		binder.registerCustomEditor(OffsetDateTime.class,
				editor(date(OffsetDateTime::parse, "must be a date and time such as 2026-11-23T10:15:30Z"), true));
	}

	private static String text(String text) {
		if (PlainInput.hasControlCharacter(text)) {
			throw new RefusedParameter("must not contain control characters");
		}
		return text;
	}

	/** Spring's words for true and false, but exactly: Spring would trim a trailing NUL or space away. */
	private static Object truthValue(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "on", "yes", "1" -> true;
			case "false", "off", "no", "0" -> false;
			default -> throw new RefusedParameter("must be true or false");
		};
	}

	private static Function<String, Object> wholeNumber(Function<String, Object> parse) {
		return text -> {
			if (!PlainInput.isDecimalInteger(text)) {
				throw new RefusedParameter("must be a whole number");
			}
			try {
				return parse.apply(text);
			}
			catch (NumberFormatException tooLarge) {
				throw new RefusedParameter("must be a whole number of a sensible size");
			}
		};
	}

	private static Function<String, Object> number(Function<String, Object> parse) {
		return text -> {
			if (!PlainInput.isDecimalNumber(text)) {
				throw new RefusedParameter("must be a number such as 1.5");
			}
			return parse.apply(text);
		};
	}

	private Function<String, Object> date(Function<String, TemporalAccessor> parse, String expectation) {
		return text -> {
			TemporalAccessor value;
			try {
				value = parse.apply(text);
			}
			catch (DateTimeParseException notADate) {
				throw new RefusedParameter(expectation);
			}
			if (!rules.isWithinYears(value)) {
				throw new RefusedParameter(rules.yearsReason());
			}
			return value;
		};
	}

	/** A new editor for each binder: property editors keep the value they read. */
	private static PropertyEditor editor(Function<String, Object> parse, boolean emptyIsAbsent) {
		return new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(emptyIsAbsent && text.isEmpty() ? null : parse.apply(text));
			}

		};
	}

}
