package org.communityplaces.platform.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON read as it is written, never coerced: a whole number only from a JSON integer (not
 * {@code 6.5}, {@code 6.0} or {@code "6"}), a number only from a finite JSON number, true or false
 * only from JSON {@code true} or {@code false} (not {@code 2}), a date or time only from its text
 * (not {@code 12345}) and within the service's years, text without control characters. Each
 * refusal names its reason; Jackson adds the field.
 */
final class StrictJson extends SimpleModule {

	private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
			short.class, Short.class, byte.class, Byte.class, BigInteger.class);

	private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
			BigDecimal.class);

	private static final Set<Class<?>> TRUTH_VALUES = Set.of(boolean.class, Boolean.class);

	private static final Set<Class<?>> DATES_AND_TIMES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
			OffsetDateTime.class, ZonedDateTime.class, LocalTime.class, OffsetTime.class);

	StrictJson(PlainInput rules) {
		super("community-places-strict-json");
		setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				Class<?> type = description.getBeanClass();
				Kind kind = type == String.class ? Kind.TEXT : WHOLE_NUMBERS.contains(type) ? Kind.WHOLE_NUMBER
						: NUMBERS.contains(type) ? Kind.NUMBER : TRUTH_VALUES.contains(type) ? Kind.TRUTH_VALUE
								: DATES_AND_TIMES.contains(type) ? Kind.DATE_OR_TIME : null;
				return kind == null ? deserializer : new Checked(deserializer, kind, type, rules);
			}

		});
	}

	private enum Kind {

		TEXT, WHOLE_NUMBER, NUMBER, TRUTH_VALUE, DATE_OR_TIME

	}

	private static final class Checked extends DelegatingDeserializer {

		private final Kind kind;

		private final Class<?> type;

		private final PlainInput rules;

		Checked(ValueDeserializer<?> delegate, Kind kind, Class<?> type, PlainInput rules) {
			super(delegate);
			this.kind = kind;
			this.type = type;
			this.rules = rules;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate, kind, type, rules);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			if (token != JsonToken.VALUE_NULL && !takes(token, parser)) {
				throw refused(parser, expectation());
			}
			Object value = super.deserialize(parser, context);
			if (value instanceof String text && PlainInput.hasControlCharacter(text)) {
				throw refused(parser, "must not contain control characters");
			}
			if ((value instanceof Double number && !Double.isFinite(number))
					|| (value instanceof Float single && !Float.isFinite(single))) {
				throw refused(parser, expectation());
			}
			if (value instanceof TemporalAccessor date && !rules.isWithinYears(date)) {
				throw refused(parser, rules.yearsReason());
			}
			return value;
		}

		private boolean takes(JsonToken token, JsonParser parser) {
			return switch (kind) {
				case TEXT -> true;
				case WHOLE_NUMBER -> token == JsonToken.VALUE_NUMBER_INT;
				case NUMBER -> token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
				case TRUTH_VALUE -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
				case DATE_OR_TIME -> token == JsonToken.VALUE_STRING && !parser.getString().isBlank();
			};
		}

		private String expectation() {
			return switch (kind) {
				case TEXT -> "must be text";
				case WHOLE_NUMBER -> "must be a whole number";
				case NUMBER -> "must be a finite number";
				case TRUTH_VALUE -> "must be true or false";
				case DATE_OR_TIME -> type == LocalDate.class ? "must be a date such as 2026-11-23"
						: type == LocalTime.class ? "must be a time such as 10:30"
								: "must be a date and time such as 2026-11-23T10:15:30Z";
			};
		}

		private RefusedJsonValue refused(JsonParser parser, String reason) {
			return new RefusedJsonValue(parser, reason, type);
		}

	}

}
