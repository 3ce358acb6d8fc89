package org.communityplaces.gateway.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a browser goes after signing in: the page it asked for when that is a page of this
 * site, otherwise the home page, so that a crafted sign-in link cannot send someone on to
 * another site that looks like this one. The page asked for is resolved against the gateway's
 * own address as a browser would and its origin compared; what a browser would read another
 * way (back slashes, tabs, spaces, a second leading slash) is not a page of this site.
 */
final class NextPage {

	static final String HOME = "/";

	private NextPage() {
	}

	/**
	 * @param then the page asked for, as the sign-in page was given it
	 * @param gateway the address the sign-in was sent to
	 * @return a path of this site, with its query and fragment
	 */
	static String after(String then, URI gateway) {
		if (then == null || then.isEmpty()) {
			return HOME;
		}
		URI site;
		URI wanted;
		try {
			site = new URI(gateway.getScheme() + "://" + gateway.getRawAuthority() + "/");
			wanted = site.resolve(new URI(then)).normalize();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return HOME;
		}
		String path = wanted.getRawPath();
		if (!sameOrigin(site, wanted) || path == null || !path.startsWith("/") || path.startsWith("//")) {
			return HOME;
		}
		return path + (wanted.getRawQuery() == null ? "" : "?" + wanted.getRawQuery())
				+ (wanted.getRawFragment() == null ? "" : "#" + wanted.getRawFragment());
	}

	private static boolean sameOrigin(URI site, URI wanted) {
		return site.getHost() != null && wanted.getScheme() != null && wanted.getHost() != null
				&& wanted.getScheme().equalsIgnoreCase(site.getScheme())
				&& wanted.getHost().toLowerCase(Locale.ROOT).equals(site.getHost().toLowerCase(Locale.ROOT))
				&& port(wanted) == port(site);
	}

	private static int port(URI address) {
		if (address.getPort() != -1) {
			return address.getPort();
		}
		return "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
	}

}
