package org.communityplaces.notifications.preference;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** UK mobile numbers, as people write them, brought to the one form Notify and this service keep. */
final class MobileNumbers {

	private static final Pattern UK_MOBILE = Pattern.compile("^(?:\\+44|0044|44|0)(7\\d{9})$");

	private MobileNumbers() {
	}

	/** "07700 900123", "+44 (0)7700-900123" and "00447700900123" all become "+447700900123". */
	static Optional<String> normalised(String written) {
		String digits = written.replace("(0)", "").replaceAll("[\\s().-]", "");
		Matcher matcher = UK_MOBILE.matcher(digits);
		return matcher.matches() ? Optional.of("+44" + matcher.group(1)) : Optional.empty();
	}

}
