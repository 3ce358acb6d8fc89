package org.communityplaces.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityplaces.stack.GatewayClient.ADMIN;
import static org.communityplaces.stack.GatewayClient.HOST;
import static org.communityplaces.stack.GatewayClient.REFERRER;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The journey in a real browser (Debian's headless Chromium through its ChromeDriver) on the
 * embedded stack: a referrer signs in, searches and refers, saying how the person wants to hear,
 * and writes to the host; the host answers, accepts with a first visit day from the partner
 * portal; the referrer sees the change, the e-mails arrive and the letter prints; the referrer
 * records outcome scores, finds a referral by name and cancels it, and re-refers after a decline
 * with the host's own words shown; the host keeps their place up to date; the commissioner reads
 * uptake; the admin unlocks an account, reads the audit trails and dead letters, imports places,
 * edits one, and clears a listing someone reported out of date. Every page passes axe-core's
 * WCAG 2.2 A and AA checks at 390 and 1280 pixels wide, and each role sees only its own pages and
 * data. Screenshots of the main pages at desktop and phone widths go to
 * {@code target/screenshots} (copied to {@code docs/screenshots}). Reported as skipped where
 * Chromium is not installed.
 * <p>
 * The stack is started once. Each journey has a browser of its own, signs in itself and makes
 * the referrals it starts from through the API, so it passes or fails alone, in any order.
 */
class WebJourneyIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String REFERRER_EMAIL = "sam@surgery.example.org";

	/** Kept if a journey fails, for the services' logs in it. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	static Path data;

	private static EmbeddedStack stack;

	private static GatewayClient gateway;

	private static String redLion;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	static void start() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver; .ci/run does)");
		Path root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		int[] ports = new int[9];
		for (int i = 0; i < ports.length; i++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				ports[i] = socket.getLocalPort();
			}
		}
		stack = EmbeddedStack.start(StackSettings.defaults(root)
			.withData(data, true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8]));
		gateway = new GatewayClient(stack.gatewayUrl());
		redLion = gateway.redLionId();
		Files.createDirectories(SCREENSHOTS);
	}

	/** A new browser for each journey: no sign-in, cookie or open dialog carries over from another. */
	@BeforeEach
	void openABrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en-GB",
				// On a loaded 2-core machine a throttled renderer once missed chromedriver's 60 s after a click
				"--disable-gpu", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
				"--disable-backgrounding-occluded-windows");
		// Each step waits for what it needs on the page; the load event adds nothing but a chance to hang
		options.setPageLoadStrategy(PageLoadStrategy.EAGER);
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.withTimeout(Patience.LIMIT)
			.build(), options);
		browser.manage().timeouts().pageLoadTimeout(Patience.LIMIT).scriptTimeout(Patience.LIMIT);
		browser.manage().window().setSize(DESKTOP);
		wait = new WebDriverWait(browser, Patience.LIMIT);
		// A list drawn again (a second search, the page's own refresh) replaces elements a journey found
		wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aReferrerRefersTheHostAcceptsAndTheReferrerSeesItAndIsEmailed() throws Exception {
		open("/find.html");
		wait.until(ExpectedConditions.urlContains("/sign-in.html"));
		checkAccessibilityAndPhotograph("sign-in");
		signIn("sam", "referrals-demo");
		wait.until(ExpectedConditions.urlContains("/find.html"));

		browser.findElement(By.id("postcode")).sendKeys("S6 2AA");
		new Select(browser.findElement(By.id("kind"))).selectByValue("pub");
		browser.findElement(By.id("accessibility-step-free")).click();
		browser.findElement(By.cssSelector("#search button[type=submit]")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Refer someone to " + GatewayClient.RED_LION)));
		assertThat(browser.findElement(By.id("results")).getText()).contains("miles away", "Room for");
		assertThat(browser.getCurrentUrl()).as("the search is kept in the page's address, for Back").contains("postcode=");
		checkAccessibilityAndPhotograph("find");

		// The place's own page: where, when, what it costs, and a sheet to print for the person
		browser.findElement(By.linkText(GatewayClient.RED_LION)).click();
		wait.until(ExpectedConditions.textToBe(By.id("heading"), GatewayClient.RED_LION));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), "When"));
		assertThat(browser.findElement(By.id("facts")).getText()).contains("Where", "Cost", "Room now");
		assertThat(browser.findElement(By.cssSelector("#directions a")).getAttribute("href"))
			.startsWith("https://www.openstreetmap.org/directions?to=");
		browser.findElement(By.id("print-note")).sendKeys("Ask for Pat at the bar");
		assertThat(browser.findElement(By.id("sheet-note")).getAttribute("textContent")).contains("Ask for Pat at the bar");
		assertThat(browser.findElement(By.id("print-sheet")).isDisplayed()).as("the sheet is for paper only").isFalse();
		checkAccessibilityAndPhotograph("place");
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(browser.findElement(By.id("print-sheet")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("banner")).isDisplayed()).isFalse();
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "screen"));
		assertThat(browser.findElement(By.id("banner")).isDisplayed()).isTrue();
		browser.findElement(By.cssSelector("#refer a")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reasons-loneliness")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("safeguarding"), "safeguarding concern"));
		checkAccessibilityAndPhotograph("refer");
		// Sent empty: every problem at once, a summary linking to each field and the message beside it
		browser.findElement(By.cssSelector("#referral button[type=submit]")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problem a[href='#firstName']")));
		assertThat(browser.findElement(By.id("problem")).getText()).contains("There is a problem",
				"Enter the person's first name", "Choose the person's age band",
				"Confirm the person has agreed to be referred");
		assertThat(browser.findElement(By.id("firstName-error")).getText()).contains("Enter the person's first name");
		assertThat(browser.findElement(By.id("firstName")).getAttribute("aria-describedby")).isEqualTo("firstName-error");
		checkAccessibilityAndPhotograph("refer-problems");
		browser.findElement(By.cssSelector("#problem a[href='#firstName']")).click();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("firstName");
		fillPerson("Edith", "Brown");
		tick("accessibility-step-free");
		browser.findElement(By.id("notes")).sendKeys("Lives alone since March");
		// She would like a letter: the address is asked for only then
		browser.findElement(By.id("hearBy-letter")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hearAddress1"))).sendKeys("12 Oak Road");
		browser.findElement(By.id("hearAddress3")).sendKeys("Sheffield");
		browser.findElement(By.id("hearPostcode")).sendKeys("s61ab");
		String referralPage = send();
		String referralId = referralPage.substring(referralPage.indexOf("id=") + "id=".length());
		// Everything the referrer entered is on the page, for them
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Lives alone since March",
				"Reference", "Letter: 12 Oak Road, Sheffield, S6 1AB");
		recordScores("3", "7");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcomes"), "Before ("));
		// A message to the host: sent empty first, the problem beside the box
		WebElement sendMessage = browser.findElement(By.xpath("//button[text()='Send message']"));
		sendMessage.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message-form .problem a, #problem a")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Write your message");
		browser.findElement(By.id("message-text")).sendKeys("Does she need a lift from the bus stop?");
		sendMessage.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-sent"), "Message sent."));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"),
				"Does she need a lift from the bus stop?"));
		checkAccessibilityAndPhotograph("referral-referrer");
		signOut();

		open("/referrals.html");
		signIn("pat", "hosting-demo");
		WebElement inboxEntry = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//a[text()='Edith to " + GatewayClient.RED_LION + "' and contains(@href, '" + referralId + "')]")));
		assertThat(browser.findElement(By.id("nav")).getText()).as("a host is not offered the referrers' pages")
			.doesNotContain("Find a place");
		checkAccessibilityAndPhotograph("host-inbox");
		inboxEntry.click();
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Accept']")));
		assertThat(browser.findElement(By.tagName("main")).getText()).as("the host's minimised view")
			.contains("Edith", "Company and conversation", "Does she need a lift from the bus stop?")
			.doesNotContain("Brown", "Lives alone", "Loneliness", "Oak Road", "S6 1AB");
		browser.findElement(By.id("message-text")).sendKeys("Yes please, Pat will meet her there");
		browser.findElement(By.xpath("//button[text()='Send message']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-sent"), "Message sent."));
		checkAccessibilityAndPhotograph("referral-host");
		// The day she is expected first: she is told it, and reminded the day before
		String nextWeek = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7).toString();
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("accept-first-visit")), nextWeek);
		// The page drew its actions again when the message was sent
		browser.findElement(By.xpath("//button[text()='Accept']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Accepted"));
		signOut();

		// Two alerts: the host's reply to the referrer's message, and the acceptance
		Mailbox.awaitEmails(stack.mail(), REFERRER_EMAIL, referralId, 2);
		Map<String, MimeMessage> bySubject = new HashMap<>();
		for (MimeMessage email : Mailbox.about(stack.mail(), REFERRER_EMAIL, referralId)) {
			bySubject.put(email.getSubject(), email);
		}
		assertThat(bySubject).containsOnlyKeys("The Red Lion community table accepted your referral",
				"New message about a referral");
		assertThat(Mailbox.text(bySubject.get("New message about a referral")))
			.as("an alert of a message does not carry its words").doesNotContain("Pat will meet her");
		MimeMessage told = bySubject.get("The Red Lion community table accepted your referral");
		// The link in the e-mail, followed signed out, leads through sign-in to the referral's page
		Matcher link = Pattern.compile(Pattern.quote(stack.gatewayUrl()) + "/referrals/" + referralId)
			.matcher(Mailbox.text(told));
		assertThat(link.find()).as("the e-mail links to the referral's page").isTrue();
		browser.get(link.group());
		signIn("sam", "referrals-demo");
		wait.until(ExpectedConditions.urlContains(referralPage));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Accepted"));
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Requested", "Accepted");
		assertThat(browser.findElement(By.id("conversation")).getText()).contains("Yes please, Pat will meet her there");
		// No GOV.UK Notify in the embedded stack: the page says the letter was not posted, and offers it to print
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Not sent: letters need GOV.UK Notify"));
		browser.findElement(By.linkText("Print where and when as a letter for them")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Dear Edith Brown,"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("has a place for you", "Where:",
				"ask for", "If you cannot go, tell");
		checkAccessibilityAndPhotograph("letter");
		browser.navigate().back();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Accepted"));

		browser.findElement(By.linkText("Alerts")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"),
				"The Red Lion community table accepted your referral"));
		browser.findElement(By.id("channel-digest")).click();
		browser.findElement(By.cssSelector("#preference button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.id("saved"), "Saved."));
		checkAccessibilityAndPhotograph("alerts");
		// Back to an e-mail each time, so that other journeys still hear of their referrals at once
		browser.navigate().refresh();
		wait.until(ExpectedConditions.elementSelectionStateToBe(By.id("channel-digest"), true));
		browser.findElement(By.id("channel-email")).click();
		browser.findElement(By.cssSelector("#preference button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.id("saved"), "Saved."));
		signOut();
	}

	@Test
	void aCommissionerSeesReferralsWithNobodyInThem() throws Exception {
		String referral = gateway.refer(redLion, "Edith", "Brown");
		gateway.send(HOST, "POST", "/api/referrals/" + referral + "/accept", null, 200);
		open("/referrals.html");
		signIn("chris", "commissioning-demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "referral"));
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Edith", "Brown");
		assertThat(browser.findElement(By.id("nav")).getText()).doesNotContain("Find a place", "Alerts");
		checkAccessibilityAndPhotograph("commissioner-referrals");

		// One referral: who referred, to which place, what happened and when; no one in it, and no empty heading for them
		open(referralPage(referral));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Accepted"));
		assertThat(browser.findElement(By.id("facts")).getText()).contains("Referred by", "Hillsborough Surgery (C88001)",
				GatewayClient.RED_LION);
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Requested", "by the referrer", "Accepted",
				"by the place");
		assertThat(browser.findElement(By.id("person-section")).isDisplayed()).as("the person's section").isFalse();
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("The person", "Edith", "Brown");
		checkAccessibilityAndPhotograph("referral-commissioner");
		open("/");
		wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Hello, Chris Commissioner"));
		assertThat(browser.findElement(By.id("tasks")).getText()).contains("See uptake");
		checkAccessibilityAndPhotograph("home-commissioner");
		signOut();
	}

	@Test
	void theHostKeepsTheirPlaceUpToDateAndRecordsThatThePersonCame() throws Exception {
		String accepted = gateway.refer(redLion, "Edith", "Brown");
		gateway.send(HOST, "POST", "/api/referrals/" + accepted + "/accept", null, 200);
		open("/places.html");
		signIn("pat", "hosting-demo");
		// Their one place opens straight away; each save says so beside its own button
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#edit-view h2"), GatewayClient.RED_LION));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your places");
		WebElement available = browser.findElement(By.cssSelector("input[id^=available-]"));
		available.clear();
		available.sendKeys("3");
		browser.findElement(By.xpath("//button[text()='Save room']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(savedBeside("Save room"), "Saved room: 3 of"));
		browser.findElement(By.xpath("//button[text()='Add a time']")).click();
		browser.findElement(By.xpath("//button[text()='Save opening times']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(savedBeside("Save opening times"),
				"Saved opening times."));
		checkAccessibilityAndPhotograph("places-host");

		open(referralPage(accepted));
		// The person agreed the place may get in touch: on a phone, a tap calls them
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#person a[href='tel:01144960000']")));
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='They came']"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "In progress"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visits"), "came"));
		assertThat(browser.findElement(By.tagName("main")).getText()).as("scores are the referrer's")
			.doesNotContain("Did it help");
		open("/uptake.html");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "This page is not for you"));
		signOut();
	}

	@Test
	void theReferrerRecordsFollowUpScores() throws Exception {
		String going = gateway.refer(redLion, "Edith", "Brown");
		gateway.send(REFERRER, "POST", "/api/referrals/" + going + "/outcomes", BASELINE, 200);
		gateway.send(HOST, "POST", "/api/referrals/" + going + "/accept", null, 200);
		gateway.send(HOST, "POST", "/api/referrals/" + going + "/attendance", cameToday(), 200);
		open(referralPage(going));
		signIn("sam", "referrals-demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcomes-heading"), "Did it help?"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ucla0-1")));
		recordScores("1", "3");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcomes"), "After ("));
		assertThat(browser.findElement(By.id("outcomes")).getText()).contains("Loneliness 9 of 9", "Loneliness 3 of 9");
		checkAccessibilityAndPhotograph("referral-outcomes");
		signOut();
	}

	@Test
	void aDeclinedReferralIsReferredToAnotherPlace() throws Exception {
		open("/find.html");
		signIn("sam", "referrals-demo");
		String declined = referFromSearch("Arthur");
		signOut();

		open(declined);
		signIn("pat", "hosting-demo");
		new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("reject-reason")))).selectByValue("other");
		browser.findElement(By.id("reject-text")).sendKeys("Closed for refurbishment until March");
		browser.findElement(By.xpath("//button[text()='Decline']")).click();
		// Declining cannot be undone, so the host is asked once more
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reject-confirm-question"), "Are you sure?"));
		assertThat(browser.findElement(By.id("status-line")).getText()).contains("Requested");
		browser.findElement(By.xpath("//button[text()='Yes, decline']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Declined"));
		signOut();

		open(declined);
		signIn("sam", "referrals-demo");
		WebElement again = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Refer them to another place")));
		assertThat(browser.findElement(By.id("status-line")).getText()).as("the host's own words")
			.contains("Declined", "Closed for refurbishment until March");
		again.click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Find another place"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "What they need:"));
		assertThat(browser.findElement(By.id("postcode")).getDomProperty("value")).as("their district, carried over")
			.isEqualTo("S6");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "found"));
		browser.findElement(By.id("has-capacity")).click();
		browser.findElement(By.cssSelector("#search button[type=submit]")).click();
		By elsewhere = By.xpath("//button[starts-with(text(), 'Refer them to ') and not(contains(text(), 'Red Lion'))]");
		wait.until(ExpectedConditions.elementToBeClickable(elsewhere));
		checkAccessibilityAndPhotograph("find-again");
		String otherPlace = wait.until(driver -> driver.findElement(elsewhere).getText())
			.replace("Refer them to ", "")
			.replace(" instead", "");
		clickWhenSteady(elsewhere);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Requested"));
		assertThat(browser.findElement(By.id("heading")).getText()).isEqualTo("Arthur to " + otherPlace);
		open(declined);
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("See the referral that followed this one")));
		signOut();
	}

	/**
	 * Five people measured before and after, so that counts pass small-number suppression and
	 * every chart has something to draw, and one declined, whose reason alone is too few to show.
	 */
	@Test
	void aCommissionerReadsUptakeWithNobodyInIt() throws Exception {
		for (int person = 0; person < 5; person++) {
			String measured = gateway.refer(redLion, "Edith", "Brown");
			gateway.send(REFERRER, "POST", "/api/referrals/" + measured + "/outcomes", BASELINE, 200);
			gateway.send(HOST, "POST", "/api/referrals/" + measured + "/accept", null, 200);
			gateway.send(HOST, "POST", "/api/referrals/" + measured + "/attendance", cameToday(), 200);
			gateway.send(REFERRER, "POST", "/api/referrals/" + measured + "/outcomes", FOLLOW_UP, 200);
		}
		String declined = gateway.refer(redLion, "Arthur", "Green");
		gateway.send(HOST, "POST", "/api/referrals/" + declined + "/reject",
				"{\"reason\": \"other\", \"text\": \"Closed for refurbishment until March\"}", 200);
		open("/uptake.html");
		signIn("chris", "commissioning-demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("period-line"), "Referrals sent from"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcomes-figure")));
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Referred", "Acceptance rate", "By kind of place", "Pub",
				"By postcode district of the place", "By postcode district of the person referred",
				"Loneliness (UCLA, 3 to 9)", "Another reason", "hidden", "means fewer than 5")
			.doesNotContain("Edith", "Arthur", "Brown", "9 in 10 within under");
		// Grafana is linked only where a deployment says where it runs: the embedded stack runs none
		assertThat(browser.findElements(By.cssSelector("a[href*='localhost:3000']"))).isEmpty();
		assertThat(browser.findElement(By.id("dashboards-section")).isDisplayed()).isFalse();

		chartsSayWhatTheirTablesSay();
		eachDownloadIsForThePeriodShown();
		checkAccessibilityAndPhotograph("uptake");
		photograph("uptake-charts", By.id("over-time-figure"));
		photograph("uptake-outcomes", By.id("outcomes-figure"));
		nothingIsCutOffOrSpillsOver(PHONE);
		nothingIsCutOffOrSpillsOver(DESKTOP);
		signOut();
	}

	/** Each chart's sentence and its labels carry the same figures as the table under it. */
	private void chartsSayWhatTheirTablesSay() {
		List<List<String>> funnel = tableRows("funnel-figure");
		assertThat(funnel).extracting(row -> row.get(0)).containsExactly("Referred", "Accepted", "Started going", "Completed");
		assertThat(textOf(By.id("funnel-summary"))).isEqualTo("Of " + funnel.get(0).get(1) + " referrals, "
				+ funnel.get(1).get(1) + " were accepted, " + funnel.get(2).get(1) + " started going and "
				+ funnel.get(3).get(1) + " completed.");
		assertThat(browser.findElements(By.cssSelector("#funnel-chart text.value")))
			.extracting(label -> label.getDomProperty("textContent"))
			.containsExactlyElementsOf(funnel.stream().map(row -> row.get(1)).filter(figure -> figure.matches("\\d+")).toList());

		List<List<String>> times = tableRows("time-to-answer-figure");
		String timesSummary = textOf(By.id("time-to-answer-summary"));
		times.forEach(row -> assertThat(timesSummary).contains(row.get(0) + ": " + row.get(1)));

		List<String> loneliness = tableRows("outcomes-figure").stream()
			.filter(row -> row.get(0).startsWith("Loneliness"))
			.findFirst()
			.orElseThrow();
		assertThat(textOf(By.id("outcomes-summary"))).contains(loneliness.get(0) + ": mean " + loneliness.get(2)
				+ " before and " + loneliness.get(3) + " after, for " + loneliness.get(1) + " people");
		assertThat(browser.findElement(By.id("outcomes-chart")).getAttribute("role")).isEqualTo("img");
	}

	/** The CSV under each table, and the one with every table, are for the period the page shows. */
	private void eachDownloadIsForThePeriodShown() {
		String period = "from=" + browser.findElement(By.id("from")).getDomProperty("value") + "&to="
				+ browser.findElement(By.id("to")).getDomProperty("value");
		List<String> downloads = browser.findElements(By.cssSelector("a[href*='/api/referrals/uptake/export']"))
			.stream()
			.map(link -> link.getAttribute("href"))
			.toList();
		assertThat(downloads).hasSizeGreaterThanOrEqualTo(9).allSatisfy(href -> assertThat(href).contains(period));
		assertThat(downloads).anySatisfy(href -> assertThat(href).endsWith("&table=all"))
			.anySatisfy(href -> assertThat(href).endsWith("&table=by-place-kind"))
			.anySatisfy(href -> assertThat(href).endsWith("&table=by-person-district"));
		Object everyTable = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(document.querySelector('#download-all a').href)
				  .then(answer => answer.text().then(text => done(answer.status + ' ' + answer.headers.get('Content-Type') + '\\n' + text)))
				  .catch(error => done('failed: ' + error));
				""");
		assertThat((String) everyTable).as("the download of every table").startsWith("200 text/csv")
			.contains(browser.findElement(By.id("from")).getDomProperty("value"));
	}

	/**
	 * The page never scrolls sideways; at desktop width no table is cut off either (on a phone a
	 * wide table scrolls in its own labelled region).
	 */
	private void nothingIsCutOffOrSpillsOver(Dimension size) {
		browser.manage().window().setSize(size);
		JavascriptExecutor script = (JavascriptExecutor) browser;
		assertThat((Boolean) script.executeScript(
				"return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
			.as("the page fits %d pixels", size.getWidth()).isTrue();
		if (size == DESKTOP) {
			assertThat((List<?>) script.executeScript("""
					return Array.from(document.querySelectorAll('.table-wrapper'))
					  .filter(wrapper => wrapper.scrollWidth > wrapper.clientWidth)
					  .map(wrapper => wrapper.getAttribute('aria-label'))""")).as("tables cut off at 1280 pixels").isEmpty();
		}
	}

	/** Each row of the table in this figure, as the text of its cells. */
	private List<List<String>> tableRows(String figureId) {
		return browser.findElements(By.cssSelector("#" + figureId + " tbody tr"))
			.stream()
			.map(row -> row.findElements(By.cssSelector("th, td")).stream().map(cell -> cell.getDomProperty("textContent")).toList())
			.toList();
	}

	private String textOf(By element) {
		return browser.findElement(element).getDomProperty("textContent");
	}

	@Test
	void anAdminUnlocksAnAccountReadsTheTrailsAndImportsPlaces() throws Exception {
		String shown = gateway.refer(redLion, "Edith", "Brown");
		gateway.send(REFERRER, "GET", "/api/referrals/" + shown, null, 200);
		for (int attempt = 0; attempt < 5; attempt++) {
			gateway.exchange(GatewayClient.basic("pat", "wrong-" + attempt), "GET", "/api/referrals", null);
		}
		try {
			unlocksAndReadsTheTrailsAndImportsPlaces();
		}
		finally {
			// Were the journey to stop before the admin unlocks pat, the host's journeys could not sign in
			gateway.exchange(ADMIN, "POST", "/api/people/pat/unlock", null);
		}
	}

	private void unlocksAndReadsTheTrailsAndImportsPlaces() throws Exception {
		open("/people.html");
		signIn("ada", "admin-demo");
		WebElement unlock = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Unlock']")));
		assertThat(browser.findElement(By.id("people")).getText()).contains("Locked until").doesNotContain("bcrypt");
		checkAccessibilityAndPhotograph("people");
		unlock.click();
		wait.until(ExpectedConditions.textToBe(By.id("done"), "pat can sign in again."));

		open("/audit.html");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "entries"));
		assertThat(browser.findElement(By.id("entries")).getText()).contains("Referral", "Shown");
		checkAccessibilityAndPhotograph("audit");

		open("/dead-letters.html");
		wait.until(ExpectedConditions.textToBe(By.id("count"), "Nothing is parked."));
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrap()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("referral-events", "web-it", "{\"type\": \"NotInTheContract\"}"))
				.get(Patience.LIMIT.toSeconds(), TimeUnit.SECONDS);
		}
		// Reloads at a person's pace, each time once the page has counted: a tight loop of reloads
		// would spend the admin's per-person rate limit, and the import below would be refused
		Patience.await("the dead-letters page to show the parked event").pollInterval(Duration.ofSeconds(1)).until(() -> {
			browser.navigate().refresh();
			return wait.until(driver -> {
				String count = driver.findElement(By.id("count")).getText();
				return count.isEmpty() ? null : count;
			});
		}, count -> count.equals("1 event is parked."));
		checkAccessibilityAndPhotograph("dead-letters");
		browser.findElement(By.xpath("//button[text()='Replay']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "The event was sent again."));
		assertThat(browser.findElement(By.id("letters")).getText()).contains("Replayed");

		Path csv = Files.createTempFile("places", ".csv");
		Files.writeString(csv, "id,name,kind,organization,address,city,postcode,host_email\n"
				+ "web-1,Walkley knit and natter,community-group,Walkley Library,Walkley Road,Sheffield,S6 2XP,"
				+ "library@walkley.example.org\n"
				+ "web-2,Nowhere cafe,shop,Nowhere Ltd,1 Road,Sheffield,ZZ9 9ZZ,cafe@nowhere.example.org\n");
		open("/imports.html");
		WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
		file.sendKeys(csv.toString());
		assertThat(file.getDomProperty("value")).as("the chosen file").endsWith(csv.getFileName().toString());
		browser.findElement(By.cssSelector("#import button[type=submit]")).click();
		// Waits for whichever comes first, the report or a problem, so a failure says which it was
		wait.until(ExpectedConditions.or(
				ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Imported"),
				ExpectedConditions.visibilityOfElementLocated(By.id("problem"))));
		assertThat(browser.findElement(By.id("outcome")).getText())
			.as("the import's report; the page showed: %s", browser.findElement(By.tagName("main")).getText())
			.contains("Imported: 1 new");
		assertThat(browser.findElement(By.id("rejected")).getText()).contains("Line 3", "postcode");
		checkAccessibilityAndPhotograph("imports");

		// A council's feed at an address inside the network is refused, in words
		browser.findElement(By.id("url")).sendKeys("https://127.0.0.1/api");
		browser.findElement(By.xpath("//button[text()='Fetch the feed']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-problem"), "must be a public address"));

		open("/places.html");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "Places"));
		browser.findElement(By.id("filter-name")).sendKeys("Walkley knit");
		browser.findElement(By.xpath("//form[@id='filter']//button[text()='Search']")).click();
		wait.until(ExpectedConditions.textToBe(By.id("count"), "1 place"));
		checkAccessibilityAndPhotograph("places-admin");
		browser.findElement(By.cssSelector("button[aria-label='Change Walkley knit and natter']")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("#edit-view h2"), "Walkley knit and natter"));
		WebElement description = browser.findElement(By.cssSelector("textarea[id^=description-]"));
		description.sendKeys("Bring your own wool; tea is free.");
		WebElement hostEmail = browser.findElement(By.cssSelector("input[id^=hostEmail-]"));
		hostEmail.clear();
		hostEmail.sendKeys("volunteers@walkley.example.org");
		browser.findElement(By.xpath("//button[text()='Save changes']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(savedBeside("Save changes"), "Saved at"));
		checkAccessibilityAndPhotograph("place-admin-edit");
		browser.findElement(By.xpath("//button[text()='Remove Walkley knit and natter']")).click();
		browser.switchTo().alert().accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit-view"), "Walkley knit and natter was removed."));

		// The places trail holds the import and the admin's changes
		open("/audit.html");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("trail")));
		new Select(browser.findElement(By.id("trail"))).selectByVisibleText("Places");
		browser.findElement(By.xpath("//button[text()='Show']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "import a CSV file:"));
		assertThat(browser.findElement(By.id("entries")).getText()).contains("Changed", "remove the place");

		// Someone says a listing is out of date; it is listed for admins until someone confirms it
		open("/place.html?id=" + redLion);
		wait.until(ExpectedConditions.textToBe(By.id("heading"), GatewayClient.RED_LION));
		browser.findElement(By.cssSelector("#report-section summary")).click();
		browser.findElement(By.id("report-send")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-problem"), "Choose what is wrong"));
		browser.findElement(By.cssSelector("#report-what input[type=radio]")).click();
		browser.findElement(By.id("report-details")).sendKeys("Quiz night moved to Thursdays");
		browser.findElement(By.id("report-send")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-done"), "Thank you."));
		checkAccessibilityAndPhotograph("place-reported");
		open("/listings.html");
		WebElement stillRight = wait.until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("#reported button[aria-label='Yes, " + GatewayClient.RED_LION + " is still right']")));
		assertThat(browser.findElement(By.id("reported")).getText()).contains("Quiz night moved to Thursdays");
		checkAccessibilityAndPhotograph("listings");
		stillRight.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("said"), "is marked as checked today."));
		signOut();

		open("/referrals.html");
		signIn("pat", "hosting-demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "referral"));
		signOut();
	}

	@Test
	void aReferrerFindsAReferralByNameAndCancelsIt() throws Exception {
		String referral = gateway.refer(redLion, "Edith", "Brown");
		open("/referrals.html");
		signIn("sam", "referrals-demo");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name"))).sendKeys("edith brown");
		browser.findElement(By.xpath("//button[text()='Search']")).click();
		wait.until(ExpectedConditions.urlContains("name=edith"));
		By found = By.xpath("//a[text()='Edith Brown to " + GatewayClient.RED_LION + "' and contains(@href, '" + referral + "')]");
		wait.until(ExpectedConditions.elementToBeClickable(found));
		assertThat(browser.findElement(By.id("list")).getText()).contains("Reference");
		checkAccessibilityAndPhotograph("referrals-found");
		clickWhenSteady(found);

		new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel-reason")))).selectByIndex(1);
		browser.findElement(By.xpath("//button[text()='Cancel the referral']")).click();
		browser.findElement(By.xpath("//button[text()='Yes, cancel the referral']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Cancelled"));
		assertThat(browser.findElements(By.id("message-text"))).as("no more messages once it is closed").isEmpty();
		signOut();
	}

	@Test
	void anAdminMakesAPersonsCopyThenTheirReferrerRecordsThatTheyWithdrewConsent() throws Exception {
		String referral = gateway.refer(redLion, "Maud", "Withers");
		open("/subject-access.html");
		signIn("ada", "admin-demo");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("firstName"))).sendKeys("maud");
		browser.findElement(By.id("lastName")).sendKeys("WITHERS ");
		browser.findElement(By.id("postcodeDistrict")).sendKeys("s6 2aa");
		browser.findElement(By.xpath("//button[text()='Find by name']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "One referral"));
		assertThat(browser.findElement(By.id("found-referrals")).getText()).contains("Maud Withers", referral);
		clickWhenSteady(By.id("show-copy"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-heading")));
		assertThat(browser.findElement(By.id("copy-document")).getText())
			.contains("Referral to " + GatewayClient.RED_LION, "Maud", "Withers", "Lives alone since March",
					"Who was shown or changed this referral")
			.doesNotContain("Edith");
		checkAccessibilityAndPhotograph("subject-access-copy");
		open("/retention.html");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "The next run would erase"));
		checkAccessibilityAndPhotograph("retention");
		signOut();

		open(referralPage(referral));
		signIn("sam", "referrals-demo");
		clickWhenSteady(By.xpath("//button[text()='Record that they withdrew consent']"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[text()='Yes, they withdrew consent']")))
			.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Cancelled"));
		wait.until(driver -> !driver.findElement(By.tagName("main")).getText().contains("Withers"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Erased").doesNotContain("Maud",
				"Lives alone since March", "0114 496 0000");
		checkAccessibilityAndPhotograph("referral-consent-withdrawn");
		signOut();

		open(referralPage(referral));
		signIn("pat", "hosting-demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Cancelled"));
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Maud", "withdrew");
		signOut();
	}

	/** Searches near S6 for a pub with step-free access and refers someone there; the new referral's page. */
	private String referFromSearch(String firstName) {
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("postcode"))).sendKeys("S6 2AA");
		new Select(browser.findElement(By.id("kind"))).selectByValue("pub");
		browser.findElement(By.cssSelector("#search button[type=submit]")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Refer someone to " + GatewayClient.RED_LION)))
			.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reasons-loneliness")));
		fillPerson(firstName, "Green");
		return send();
	}

	/** The referral form's person, a reason, a need and their consent. */
	private void fillPerson(String firstName, String lastName) {
		browser.findElement(By.id("firstName")).sendKeys(firstName);
		browser.findElement(By.id("lastName")).sendKeys(lastName);
		browser.findElement(By.id("contactValue")).sendKeys("0114 496 0000");
		// A full postcode, as people give it: only its district is kept (the search may have filled it in)
		WebElement postcode = browser.findElement(By.id("postcodeDistrict"));
		postcode.clear();
		postcode.sendKeys("S6 2AA");
		new Select(browser.findElement(By.id("ageBand"))).selectByVisibleText("75-84");
		browser.findElement(By.id("reasons-loneliness")).click();
		browser.findElement(By.id("needs-companionship")).click();
		browser.findElement(By.id("consentGiven")).click();
		// What the person agreed the place may see: what they hope for from going
		browser.findElement(By.id("sharing-needs")).click();
	}

	/** Sends the referral form; the new referral's page, once it shows the referral requested. */
	private String send() {
		browser.findElement(By.cssSelector("#referral button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/referral.html?id="));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Requested"));
		return browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/referral.html"));
	}

	/** The three loneliness questions all answered the same way, and life satisfaction. */
	private void recordScores(String loneliness, String lifeSatisfaction) {
		for (int question = 0; question < 3; question++) {
			wait.until(ExpectedConditions.elementToBeClickable(By.id("ucla" + question + "-" + loneliness))).click();
		}
		browser.findElement(By.id("ons4-lifeSatisfaction")).sendKeys(lifeSatisfaction);
		browser.findElement(By.id("ons4-worthwhile")).sendKeys("5");
		browser.findElement(By.id("ons4-happiness")).sendKeys("5");
		browser.findElement(By.id("ons4-anxiety")).sendKeys("5");
		browser.findElement(By.cssSelector("#scores button[type=submit]")).click();
	}

	/** Clicks the element, found again if the page drew it again in between. */
	private void clickWhenSteady(By element) {
		wait.until(driver -> {
			driver.findElement(element).click();
			return true;
		});
	}

	/** Ticks the box unless it is ticked already (the search may have ticked it). */
	private void tick(String id) {
		WebElement box = browser.findElement(By.id(id));
		if (!box.isSelected()) {
			box.click();
		}
	}

	/** The status line beside the button with these words. */
	private static By savedBeside(String button) {
		return By.xpath("//button[text()='" + button + "']/following-sibling::*[@role='status']");
	}

	private void open(String path) {
		browser.get(stack.gatewayUrl() + path);
	}

	private static String referralPage(String referralId) {
		return "/referral.html?id=" + referralId;
	}

	/** The same baseline scores a referrer gives through the page: each loneliness answer 3, life satisfaction 7. */
	private static final String BASELINE = """
			{"timepoint": "baseline", "uclaLoneliness": 9,
			 "ons4": {"lifeSatisfaction": 7, "worthwhile": 5, "happiness": 5, "anxiety": 5}}
			""";

	private static final String FOLLOW_UP = """
			{"timepoint": "follow-up", "uclaLoneliness": 3,
			 "ons4": {"lifeSatisfaction": 3, "worthwhile": 5, "happiness": 5, "anxiety": 5}}
			""";

	private static String cameToday() {
		return "{\"on\": \"" + LocalDate.now(ZoneId.of("Europe/London")) + "\", \"attended\": true}";
	}

	private void signIn(String username, String password) {
		wait.until(ExpectedConditions.urlContains("/sign-in.html"));
		WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
		name.sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in.html")));
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("who"), "")));
	}

	private void signOut() {
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sign-out button"))).click();
		wait.until(ExpectedConditions.urlContains("/sign-in.html?signed-out"));
	}

	/**
	 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it stands (2.2's target size
	 * is off by default in this axe, so it is switched on) at a phone's width and a desktop's,
	 * then a photograph at each width.
	 */
	private void checkAccessibilityAndPhotograph(String name) throws IOException {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript(axeSource());
		for (Dimension size : List.of(PHONE, DESKTOP)) {
			browser.manage().window().setSize(size);
			assertThat(axeViolations(script)).as("accessibility of %s at %d pixels", name, size.getWidth()).isEmpty();
		}
		photograph(name, null);
	}

	private static List<?> axeViolations(JavascriptExecutor script) {
		return (List<?>) script.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {
				    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
				    rules: { 'target-size': { enabled: true } } })
				  .then(result => done(result.violations.map(v => v.id + ': ' + v.help + ' at '
				    + v.nodes.map(n => n.target.join(' ')).join(', '))))
				  .catch(error => done(['axe failed: ' + error]));
				""");
	}

	/**
	 * A photograph of the page at each width, 1280 and 390 pixels of page, scrolled to this
	 * element when one is given.
	 */
	private void photograph(String name, By scrolledTo) throws IOException {
		for (Dimension size : List.of(DESKTOP, PHONE)) {
			browser.manage().window().setSize(size);
			JavascriptExecutor script = (JavascriptExecutor) browser;
			assertThat(((Number) script.executeScript("return window.innerWidth")).intValue())
				.as("the page's width in the photograph").isEqualTo(size.getWidth());
			if (scrolledTo != null) {
				script.executeScript("arguments[0].scrollIntoView()", browser.findElement(scrolledTo));
			}
			File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + (size == PHONE ? "-phone" : "-desktop") + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		browser.manage().window().setSize(DESKTOP);
	}

	private static String axeSource() throws IOException {
		try (InputStream in = WebJourneyIT.class
			.getResourceAsStream("/META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version")
					+ "/axe.min.js")) {
			assertThat(in).as("axe-core from its webjar").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
