package io.vocstream.wallboard;

import static io.vocstream.events.ContactEventType.ANSWERED;
import static io.vocstream.events.ContactEventType.OFFERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import io.vocstream.testing.LiveApp;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wallboard in a real browser: Debian's chromium, headless, driven through its chromedriver, against the whole
 * application on an embedded broker. Every figure on the page is compared with what the JSON API answers at the
 * same time, never with numbers copied from the page.
 * <p>
 * Events, from a minute ago up to now: queue billing has c1 answered after 10 s, c2 after 35 s and c3 still waiting;
 * queue sales has c4 answered after 5 s. Surveys: IVR CSAT 4 and AGENT CSAT 5 in region north, QUEUE CSAT 2 in
 * region south, so that the journey dives at the queue. Complaints: two of category billing (north and south) and
 * three of category outage on feeder F1 in the north, which raise a common-issue alert (3 within 30 minutes).
 */
class WallboardBrowserTest {
    /** How soon a change must reach the page. */
    private static final Duration PUSHED_WITHIN = Duration.ofSeconds(2);
    /** Short, so that the test sees the board turn stale. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(4);
    private static final Path SCREENSHOT = Path.of("target", "wallboard.png");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path dataDir;
    private static LiveApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = executable("chromium");
        Path chromedriver = executable("chromedriver");
        app = LiveApp.start(dataDir, Map.of(AppConfig.TOPICS_PARTITIONS, "3",
                AppConfig.TIME_ZONE, middayZone().getId(),
                WallboardSettings.STALE_AFTER, STALE_AFTER.toString()));
        app.await("/ready", ready -> true);
        app.produce(
                Events.contact("c1", OFFERED, ago(60)).build(),
                Events.contact("c1", ANSWERED, ago(50)).setAgentId("a1").build(),
                Events.contact("c2", OFFERED, ago(45)).build(),
                Events.contact("c2", ANSWERED, ago(10)).setAgentId("a2").build(),
                Events.contact("c3", OFFERED, ago(30)).build(),
                Events.contact("c4", OFFERED, ago(25)).setQueue("sales").build(),
                Events.contact("c4", ANSWERED, ago(20)).setQueue("sales").setAgentId("a3").build(),
                Events.survey("r1", Touchpoint.IVR, ago(40)).setCsat(4).build(),
                Events.survey("r2", Touchpoint.QUEUE, ago(35)).setCsat(2).setRegion("south").build(),
                Events.survey("r3", Touchpoint.AGENT, ago(30)).setCsat(5).build(),
                Events.complaint("k1", ComplaintEventType.OPENED, ago(50)).build(),
                Events.complaint("k2", ComplaintEventType.OPENED, ago(45)).setRegion("south").build(),
                Events.complaint("k3", ComplaintEventType.OPENED, ago(40)).setCategory("outage").setFeederId("F1")
                        .build(),
                Events.complaint("k4", ComplaintEventType.OPENED, ago(35)).setCategory("outage").setFeederId("F1")
                        .build(),
                Events.complaint("k5", ComplaintEventType.OPENED, ago(30)).setCategory("outage").setFeederId("F1")
                        .build());
        app.await(SnapshotComposer.QUEUES, rows -> rows.size() == 2 && rows.get(0).path("waiting").asLong() == 1
                && rows.get(0).path("answered").asLong() == 2 && rows.get(1).path("answered").asLong() == 1);
        app.await("/api/v1/satisfaction/slice?window=today", slice -> slice.path("indexN").asLong() == 3);
        app.await("/api/v1/complaints?window=today&dimension=category",
                rows -> sum(rows, "opened") == 5);
        app.await(SnapshotComposer.ALERTS, alerts -> alerts.size() == 1);
        browser = chrome(chromium, chromedriver);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("every tile and panel shows what the JSON API answers, each figure titled with its OpenAPI definition")
    void showsWhatTheApiAnswers() throws Exception {
        open("/");
        for (JsonNode row : api(SnapshotComposer.QUEUES)) {
            String queue = row.path("queue").asText();
            awaitText(tileField(queue, "waiting"), row.path("waiting").asText());
            awaitText(tileField(queue, "serviceLevel"), Math.round(row.path("serviceLevel").asDouble() * 100) + " %");
            WebElement tile = browser.findElement(tile(queue));
            double level = row.path("serviceLevel").asDouble();
            double target = row.path("serviceLevelTarget").asDouble();
            String status = level >= target ? "met" : level >= target - 0.05 ? "near" : "missed";
            assertTrue(tile.getAttribute("class").contains(status), queue + " is " + status + ": "
                    + tile.getAttribute("class"));
        }
        // the page shows the figure its board was composed from plus the time since it received the board: it trails
        // the API by the time from reading to receiving, a tick or two on a loaded machine
        double waitBefore = api(SnapshotComposer.QUEUES).get(0).path("longestWaitSeconds").asDouble();
        long shownWait = seconds(browser.findElement(tileField("billing", "longestWait")).getText());
        double waitAfter = api(SnapshotComposer.QUEUES).get(0).path("longestWaitSeconds").asDouble();
        assertTrue(shownWait >= waitBefore - 4 && shownWait <= waitAfter + 1,
                "longest wait shown " + shownWait + " s, the API's " + waitBefore + " s before and " + waitAfter
                        + " s after");
        assertEquals("–", browser.findElement(tileField("sales", "longestWait")).getText(), "nobody waits in sales");

        assertEquals(api("/api/v1/satisfaction/slice?window=today").path("index").asDouble(),
                number(awaitFilled(By.id("satisfaction-index"))), 0.05);
        JsonNode complaints = api("/api/v1/complaints?window=today&dimension=all").get(0);
        assertEquals(complaints.path("complaintsPer1000Contacts").asDouble(),
                number(awaitFilled(By.id("complaint-rate"))), 0.05);

        List<String> alertIds = stream(api(SnapshotComposer.ALERTS)).map(a -> a.path("id").asText()).toList();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                d.findElements(By.cssSelector("#alert-list li")).size() == alertIds.size());
        assertEquals(alertIds, browser.findElements(By.cssSelector("#alert-list li")).stream()
                .map(li -> li.getAttribute("data-id")).toList());

        JsonNode dive = stream(api(SnapshotComposer.JOURNEY)).filter(s -> s.path("dive").asBoolean()).findFirst()
                .orElseThrow(() -> new AssertionError("the journey dives at the queue"));
        assertEquals("QUEUE", dive.path("touchpoint").asText());
        assertTrue(browser.findElement(By.cssSelector("#journey text.dive")).getText()
                        .startsWith(String.format(Locale.ROOT, "%.1f", dive.path("index").asDouble())),
                "the dive stage is labelled with its index");

        List<String> expectedCategories = stream(api("/api/v1/complaints?window=today&dimension=category"))
                .sorted((a, b) -> Long.compare(b.path("opened").asLong(), a.path("opened").asLong()))
                .map(r -> r.path("value").asText() + " " + r.path("opened").asLong()).toList();
        assertEquals(expectedCategories, browser.findElements(By.cssSelector("#category-list li")).stream()
                .map(li -> li.findElement(By.className("name")).getText() + " "
                        + li.findElement(By.className("count")).getText()).toList());

        JsonNode schemas = api("/api/v1/openapi.json").path("components").path("schemas");
        WebElement serviceLevel = browser.findElement(By.cssSelector(
                "[data-queue='billing'] .figure[data-def='QueueRow.serviceLevel']"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !serviceLevel.getAttribute("title").isEmpty());
        assertEquals(schemas.path("QueueRow").path("properties").path("serviceLevel").path("description").asText(),
                serviceLevel.getAttribute("title"));
        assertEquals(schemas.path("WallboardFreshness").path("properties").path("stale").path("description").asText(),
                browser.findElement(By.id("freshness")).getAttribute("title"));
    }

    @Test
    @DisplayName("a new event reaches the page within 2 seconds, and the board turns stale when events stop")
    void pushesChangesAndTurnsStale() throws Exception {
        open("/");
        long waiting = api(SnapshotComposer.QUEUES).get(0).path("waiting").asLong();
        awaitText(tileField("billing", "waiting"), String.valueOf(waiting));

        app.produce(Events.contact("c9", OFFERED, Instant.now()).build());
        long produced = System.nanoTime();
        new WebDriverWait(browser, PUSHED_WITHIN, Duration.ofMillis(20)).until(d ->
                d.findElement(tileField("billing", "waiting")).getText().equals(String.valueOf(waiting + 1)));
        Duration took = Duration.ofNanos(System.nanoTime() - produced);
        assertTrue(took.compareTo(PUSHED_WITHIN) <= 0, "shown after " + took);
        assertEquals(waiting + 1, api(SnapshotComposer.QUEUES).get(0).path("waiting").asLong(), "as the API says");
        awaitText(By.id("flow-state"), "LIVE");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        new WebDriverWait(browser, STALE_AFTER.plusSeconds(3)).until(d ->
                d.findElement(By.id("flow-state")).getText().startsWith("STALE"));
        assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("stale"));
    }

    @Test
    @DisplayName("the keyboard reaches the filter first, then every queue tile in order")
    void keyboardFocusOrder() throws Exception {
        open("/");
        List<String> queues = stream(api(SnapshotComposer.QUEUES)).map(r -> r.path("queue").asText()).toList();
        for (String queue : queues) {
            browser.findElement(tileField(queue, "waiting"));
        }
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < 2 + queues.size() + 1; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement active = browser.switchTo().activeElement();
            focused.add(Optional.ofNullable(active.getAttribute("data-queue")).map(q -> "tile " + q)
                    .orElse(active.getAttribute("id")));
        }
        assertEquals("filter", focused.get(0), "focus order " + focused);
        assertEquals(queues.stream().map(q -> "tile " + q).toList(),
                focused.stream().filter(f -> f.startsWith("tile ")).toList(), "focus order " + focused);
        assertTrue(focused.indexOf("tile " + queues.get(0)) > 0, "tiles after the filter: " + focused);
    }

    @Test
    @DisplayName("choosing a region shows that region's satisfaction and hides the alerts of other regions")
    void filterByRegion() throws Exception {
        open("/");
        awaitFilled(By.id("satisfaction-index"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                !d.findElements(By.cssSelector("#filter option[value='region=south']")).isEmpty());
        new Select(browser.findElement(By.id("filter"))).selectByValue("region=south");

        double south = api("/api/v1/satisfaction/slice?window=today&dimension=region&value=south")
                .path("index").asDouble();
        assertTrue(south != api("/api/v1/satisfaction/slice?window=today").path("index").asDouble(),
                "the region differs from the whole service");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                Math.abs(number(d.findElement(By.id("satisfaction-index")).getText()) - south) <= 0.05);
        assertTrue(browser.getCurrentUrl().endsWith("/?region=south"), browser.getCurrentUrl());
        assertTrue(stream(api(SnapshotComposer.ALERTS)).allMatch(a -> a.path("dimension").asText()
                .contains("region=north")), "every open alert is the north's");
        awaitText(By.id("alert-count"), "0 open");
        assertFalse(browser.findElements(tile("billing")).isEmpty(), "queues stay whole under a region filter");
    }

    @Test
    @DisplayName("the event stream refuses a request that does not accept events, and two filters at once")
    void eventStreamRefusals() throws Exception {
        HttpResponse<String> notEvents = app.get(WallboardRoutes.EVENTS);
        assertEquals(406, notEvents.statusCode(), notEvents.body());
        assertTrue(LiveApp.json(notEvents.body()).path("detail").asText().contains("text/event-stream"));
        app.assertBadParameter(WallboardRoutes.EVENTS + "?region=north&queue=billing", "queue");
    }

    private static void open(String path) {
        browser.get(app.url(path));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("#queue-tiles article")).isEmpty());
    }

    private static By tile(String queue) {
        return By.cssSelector("article[data-queue='" + queue + "']");
    }

    private static By tileField(String queue, String field) {
        return By.cssSelector("article[data-queue='" + queue + "'] [data-field='" + field + "']");
    }

    private static void awaitText(By element, String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(element).getText()
                    .equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(expected, browser.findElement(element).getText(), element.toString());
        }
    }

    private static String awaitFilled(By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> {
            String text = d.findElement(element).getText();
            return text.equals("–") || text.isEmpty() ? null : text;
        });
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return LiveApp.json(response.body());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static long sum(JsonNode rows, String field) {
        return stream(rows).mapToLong(r -> r.path(field).asLong()).sum();
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.trim());
    }

    /** "m:ss" or "h:mm:ss" as seconds. */
    private static long seconds(String shown) {
        long total = 0;
        for (String part : shown.split(":")) {
            total = total * 60 + Long.parseLong(part);
        }
        return total;
    }

    private static Instant ago(long seconds) {
        return NOW.minusSeconds(seconds);
    }

    /** A zone where it is about noon now, so that "today" holds the last minutes whenever the test runs. */
    private static ZoneOffset middayZone() {
        return ZoneOffset.ofHours(12 - LocalTime.now(ZoneOffset.UTC).getHour());
    }

    private static Path executable(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst()
                .orElseGet(() -> fail(name + " is not on the PATH: the wallboard's browser test needs Debian's "
                        + "chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs "
                        + "them)"));
    }

    private static ChromeDriver chrome(Path chromium, Path chromedriver) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // a 1080p wall screen: the page's viewport, not the window, is 1920 x 1080
        chrome.manage().window().setSize(new Dimension(1920, 1080));
        long frame = (Long) chrome.executeScript("return window.outerHeight - window.innerHeight");
        chrome.manage().window().setSize(new Dimension(1920, 1080 + (int) frame));
        return chrome;
    }
}
