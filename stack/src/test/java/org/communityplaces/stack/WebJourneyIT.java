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
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The journey in a real browser (Debian's headless Chromium through its ChromeDriver) on the
 * embedded stack: a referrer signs in, searches and refers; the host accepts from the partner
 * portal; the referrer sees the change and the e-mail arrives. Every page passes axe-core's
 * WCAG A and AA checks, and each role sees only its own pages and data. Screenshots of the
 * main pages at desktop and phone widths go to {@code target/screenshots} (copied to
 * {@code docs/screenshots}). Reported as skipped where Chromium is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneyIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static EmbeddedStack stack;

	private static WebDriver browser;

	private static WebDriverWait wait;

	@BeforeAll
	static void start() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver; .ci/run does)");
		Path root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		int[] ports = new int[8];
		for (int i = 0; i < ports.length; i++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				ports[i] = socket.getLocalPort();
			}
		}
		stack = EmbeddedStack.start(StackSettings.defaults(root)
			.withData(Files.createTempDirectory("web-it"), true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7]));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en-GB");
		browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
		browser.manage().window().setSize(DESKTOP);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void aReferrerRefersTheHostAcceptsAndTheReferrerSeesItAndIsEmailed() throws Exception {
		open("/find.html");
		wait.until(ExpectedConditions.urlContains("/sign-in.html"));
		checkAccessibilityAndPhotograph("sign-in");
		signIn("sam", "referrals-demo");
		wait.until(ExpectedConditions.urlContains("/find.html"));

		browser.findElement(By.id("postcode")).sendKeys("S6 2AA");
		new Select(browser.findElement(By.id("kind"))).selectByValue("pub");
		browser.findElement(By.id("step-free")).click();
		browser.findElement(By.cssSelector("#search button[type=submit]")).click();
		WebElement refer = wait.until(ExpectedConditions
			.elementToBeClickable(By.linkText("Refer someone to The Red Lion community table")));
		assertThat(browser.findElement(By.id("results")).getText()).contains("miles away", "Room for");
		checkAccessibilityAndPhotograph("find");
		refer.click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reasons-loneliness")));
		checkAccessibilityAndPhotograph("refer");
		browser.findElement(By.id("firstName")).sendKeys("Edith");
		browser.findElement(By.id("lastName")).sendKeys("Brown");
		browser.findElement(By.id("contactValue")).sendKeys("0114 496 0000");
		browser.findElement(By.id("postcodeDistrict")).sendKeys("S6");
		new Select(browser.findElement(By.id("ageBand"))).selectByVisibleText("75-84");
		browser.findElement(By.id("reasons-loneliness")).click();
		browser.findElement(By.id("needs-companionship")).click();
		browser.findElement(By.id("accessibility-step-free")).click();
		browser.findElement(By.id("notes")).sendKeys("Lives alone since March");
		browser.findElement(By.id("consentGiven")).click();
		browser.findElement(By.cssSelector("#referral button[type=submit]")).click();

		wait.until(ExpectedConditions.urlContains("/referral.html?id="));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Requested"));
		String referralPage = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/referral.html"));
		checkAccessibilityAndPhotograph("referral-referrer");
		signOut();

		open("/referrals.html");
		signIn("pat", "hosting-demo");
		WebElement inboxEntry = wait.until(ExpectedConditions
			.elementToBeClickable(By.linkText("Edith to The Red Lion community table")));
		assertThat(browser.findElement(By.id("nav")).getText()).as("a host is not offered the referrers' pages")
			.doesNotContain("Find a place");
		checkAccessibilityAndPhotograph("host-inbox");
		inboxEntry.click();
		WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Accept']")));
		assertThat(browser.findElement(By.tagName("main")).getText()).as("the host's minimised view")
			.contains("Edith", "Companionship")
			.doesNotContain("Brown", "Lives alone", "Loneliness");
		checkAccessibilityAndPhotograph("referral-host");
		accept.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Accepted"));
		signOut();

		open(referralPage);
		signIn("sam", "referrals-demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Accepted"));
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Requested", "Accepted");
		MimeMessage told = await().atMost(Duration.ofSeconds(60))
			.until(() -> emailTo("sam@surgery.example.org"), message -> message != null);
		assertThat(told.getSubject()).isEqualTo("The Red Lion community table accepted your referral");

		browser.findElement(By.linkText("Alerts")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"),
				"The Red Lion community table accepted your referral"));
		browser.findElement(By.id("channel-digest")).click();
		browser.findElement(By.cssSelector("#preference button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.id("saved"), "Saved."));
		checkAccessibilityAndPhotograph("alerts");
		signOut();
	}

	@Test
	@Order(2)
	void aCommissionerSeesReferralsWithNobodyInThem() throws Exception {
		open("/referrals.html");
		signIn("chris", "commissioning-demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "referral"));
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Edith", "Brown");
		assertThat(browser.findElement(By.id("nav")).getText()).doesNotContain("Find a place", "Alerts");
		checkAccessibilityAndPhotograph("commissioner-referrals");
		signOut();
	}

	private static void open(String path) {
		browser.get(stack.gatewayUrl() + path);
	}

	private static void signIn(String username, String password) {
		wait.until(ExpectedConditions.urlContains("/sign-in.html"));
		WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
		name.sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in.html")));
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("who"), "")));
	}

	private static void signOut() {
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sign-out button"))).click();
		wait.until(ExpectedConditions.urlContains("/sign-in.html?signed-out"));
	}

	/** axe-core's WCAG 2 A and AA rules on the page as it stands, then a photograph at each width. */
	private static void checkAccessibilityAndPhotograph(String name) throws IOException {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript(axeSource());
		Object violations = script.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then(result => done(result.violations.map(v => v.id + ': ' + v.help + ' at '
				    + v.nodes.map(n => n.target.join(' ')).join(', '))))
				  .catch(error => done(['axe failed: ' + error]));
				""");
		assertThat((List<?>) violations).as("accessibility of " + name).isEmpty();
		for (Dimension size : List.of(DESKTOP, PHONE)) {
			browser.manage().window().setSize(size);
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

	private static MimeMessage emailTo(String address) {
		return Arrays.stream(stack.mail().getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).reduce((first, second) -> second).orElse(null);
	}

}
