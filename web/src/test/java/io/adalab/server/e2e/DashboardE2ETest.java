package io.adalab.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adalab.server.http.ServerFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromium-driver; nothing is
 * downloaded): launch through the UI, watch a chart gain points while it trains, find every run
 * finished in the table. Skipped where the browser is not installed.
 */
class DashboardE2ETest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    // The wait only stops a hung browser; nothing here is a timing assertion.
    static final Duration HANG_GUARD = Duration.ofMinutes(3);
    @TempDir static Path tmp;
    static ServerFixture f;
    static WebDriver browser;

    @BeforeAll static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromedriver are not installed");
        f = new ServerFixture(tmp);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1600,1500");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
    }

    @AfterAll static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, HANG_GUARD, Duration.ofMillis(50));
    }

    // read in one script: the page re-renders live, so element handles go stale between calls
    private static int lossPoints() {
        Object n = ((JavascriptExecutor) browser).executeScript(
            "const c = document.querySelector('[data-chart=loss]'); return c ? Number(c.dataset.points) : 0;");
        return ((Number) n).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> runStatuses() {
        return new ArrayList<>((List<String>) ((JavascriptExecutor) browser).executeScript(
            "return [...document.querySelectorAll('#runs-table tbody tr')].map(r => r.dataset.status);"));
    }

    @Test void launchWatchTheChartGrowAndFindEveryRunFinished() {
        browser.get(f.server.url() + "#/launch");
        waiting().until(d -> !d.findElements(By.id("tab-yaml")).isEmpty());
        browser.findElement(By.id("tab-yaml")).click();
        WebElement text = browser.findElement(By.id("spec-yaml"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
            + "arguments[0].dispatchEvent(new Event('input'));", text, """
            name: e2e-bowl
            problem: {type: slow_bowl, pause_us: 3000}
            training: {steps: 2500}
            seeds: [1]
            compare:
              - {optimizer: sgd, lr: 0.01}
              - {optimizer: adam, lr: 0.05}
            """);
        browser.findElement(By.id("launch-yaml")).click();
        waiting().until(d -> d.getCurrentUrl().matches(".*#/experiments/\\d+$"));
        waiting().until(d -> lossPoints() > 0);
        int first = lossPoints();
        int firstPath = -1;
        boolean grewWhileTraining = false;
        boolean pathGrewWhileTraining = false;
        while (!(grewWhileTraining && pathGrewWhileTraining)) {
            ServerFixture.sleep(100);
            List<String> st = runStatuses();
            int path = contourPoints();
            if (lossPoints() > first && st.contains("RUNNING")) {
                grewWhileTraining = true;
            }
            if (firstPath < 0 && path > 0) {
                firstPath = path;
            } else if (firstPath > 0 && path > firstPath && st.contains("RUNNING")) {
                pathGrewWhileTraining = true;
            }
            if (!st.isEmpty() && st.stream().allMatch("FINISHED"::equals)) {
                break;
            }
        }
        assertThat(grewWhileTraining).as("the loss chart gained points while runs were training").isTrue();
        assertThat(pathGrewWhileTraining).as("the paths on the contours grew while runs were training").isTrue();
        waiting().until(d -> {
            List<String> st = runStatuses();
            return st.size() == 2 && st.stream().allMatch("FINISHED"::equals);
        });
        assertThat(lossPoints()).isGreaterThan(first);
        // reloaded, the paths come from the store: every step of both runs
        browser.navigate().refresh();
        waiting().until(d -> contourPoints() == 2 * 2500);
    }

    private int contourPoints() {
        return ((Number) js("const c = document.querySelector('[data-chart=contour]');"
            + "return c && c.dataset.points ? Number(c.dataset.points) : 0;")).intValue();
    }

    @Test void aCancelledRunResumesFromTheRunsTable() {
        long id = f.launch("""
            name: e2e-resume
            problem: {type: slow_bowl, pause_us: 1000}
            training: {steps: 3000, checkpoint_every: 200}
            seeds: [1]
            compare: [{optimizer: adam, lr: 0.05}]
            """);
        long run = f.workbench.store().runs(new io.adalab.core.store.RunStore.RunFilter(id, null, null, null, null)).get(0).id();
        while (f.server.hub().live(run).map(l -> l.step()).orElse(0L) < 500) {
            ServerFixture.sleep(10);
        }
        f.post("/api/v1/runs/" + run + "/cancel", "application/json", "");
        f.awaitDone(id);
        browser.get(f.server.url() + "#/experiments/" + id);
        waiting().until(d -> runStatuses().equals(List.of("CANCELLED")));
        browser.findElement(By.cssSelector("[data-resume='" + run + "']")).click();
        waiting().until(d -> runStatuses().equals(List.of("FINISHED")));
        assertThat(f.workbench.store().run(run).orElseThrow().steps()).isEqualTo(3000L);
    }

    @Test void yamlErrorsPointAtTheLine() {
        browser.get(f.server.url() + "#/launch");
        waiting().until(d -> !d.findElements(By.id("tab-yaml")).isEmpty());
        browser.findElement(By.id("tab-yaml")).click();
        WebElement text = browser.findElement(By.id("spec-yaml"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", text,
            "name: broken\nproblem: rosenbrock\ntraining: {steps: 10}\ncompare:\n  - {optimizer: adam, lr: -1}\n");
        browser.findElement(By.id("launch-yaml")).click();
        WebElement error = waiting().until(d -> d.findElements(By.id("launch-error")).stream().findFirst().orElse(null));
        assertThat(error.getText()).contains("line 5").contains("lr");
        assertThat(browser.findElement(By.cssSelector(".gutter .bad")).getText()).isEqualTo("5");
    }

    @Test void screenshotOfAnExperimentView() throws Exception {
        long id = f.launch("""
            name: rosenbrock-showdown
            description: four adaptive methods in the banana valley
            problem: rosenbrock
            training: {steps: 3000}
            seeds: [1, 2]
            compare:
              - {optimizer: sgd, lr: 0.0005, momentum: 0.9}
              - {optimizer: adam, lr: 0.02}
              - {optimizer: rmsprop, lr: 0.002}
              - {optimizer: adagrad, lr: 0.3}
            """);
        f.awaitDone(id);
        browser.get(f.server.url() + "#/experiments/" + id);
        waiting().until(d -> lossPoints() > 0 && runStatuses().size() == 8
            && !d.findElements(By.cssSelector("#ranking-table tbody tr")).isEmpty());
        ServerFixture.sleep(500);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path docs = Files.createDirectories(Path.of("docs"));
        Files.copy(png.toPath(), docs.resolve("screenshot-experiment.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(docs.resolve("screenshot-experiment.png"))).isGreaterThan(10_000);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test void aSweepShowsParallelCoordinatesAndLrSensitivity() {
        long id = f.launch("""
            name: e2e-sweep
            problem: slow_bowl
            training: {steps: 120}
            seeds: [1]
            compare:
              - {optimizer: sgd}
              - {optimizer: adam}
            sweep:
              method: grid
              parameters:
                lr: [0.001, 0.01, 0.05]
            """);
        f.awaitDone(id);
        browser.get(f.server.url() + "#/experiments/" + id);
        waiting().until(d -> ((Number) js("return document.querySelectorAll('#parallel-coords svg path.pc-line').length")).intValue() == 6);
        // one axis for the swept lr and one for the final metric
        assertThat(((Number) js("return document.querySelectorAll('#parallel-coords .pc-axis').length")).intValue()).isEqualTo(2);
        assertThat(((Number) js("return new Set([...document.querySelectorAll('#parallel-coords path.pc-line')]"
            + ".map(p => p.getAttribute('stroke'))).size")).intValue()).as("coloured by optimizer").isEqualTo(2);
        waiting().until(d -> ((Number) js("const c = document.querySelector('[data-chart=sensitivity]');"
            + "return c ? Number(c.dataset.points) : 0;")).intValue() == 6);
        assertThat(browser.findElements(By.cssSelector("[data-chart=sensitivity] .uplot canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("report-link")).getAttribute("href")).endsWith("/api/v1/experiments/" + id + "/report");
    }

    @Test void aRangeTestShowsItsSuggestionAndLaunchesTheComparison() {
        long id = f.launch("""
            name: e2e-range
            problem: slow_bowl
            seeds: [1]
            lr_range_test: {min_lr: 0.00001, max_lr: 1, steps: 200}
            compare:
              - {optimizer: sgd}
              - {optimizer: adam}
            """);
        f.awaitDone(id);
        browser.get(f.server.url() + "#/experiments/" + id);
        waiting().until(d -> d.findElements(By.cssSelector("#range-suggestions .suggestion")).size() == 2);
        String text = browser.findElement(By.id("range-suggestions")).getText();
        assertThat(text).contains("sgd").contains("adam").contains("suggested lr:");
        String lr = browser.findElement(By.cssSelector("#range-suggestions .suggestion[data-optimizer=sgd]")).getAttribute("data-lr");
        assertThat(Double.parseDouble(lr)).isGreaterThan(1e-4).isLessThan(0.1);
        waiting().until(d -> ((Number) js("const c = document.querySelector('[data-chart=range-test]');"
            + "return c ? Number(c.dataset.points) : 0;")).intValue() > 20);
        WebElement compare = browser.findElement(By.id("range-compare"));
        waiting().until(d -> compare.isEnabled());
        compare.click();
        waiting().until(d -> d.getCurrentUrl().matches(".*#/experiments/\\d+$") && !d.getCurrentUrl().endsWith("/" + id));
        waiting().until(d -> runStatuses().size() == 6);
        // read in one script: the header re-renders as the runs report
        waiting().until(d -> String.valueOf(js("const e = document.querySelector('h1'); return e ? e.textContent : '';"))
            .contains("e2e-range-at-suggested-lr"));
    }

    @Test void theHealthPanelShowsTheRegistrysNumbers() {
        browser.get(f.server.url() + "#/");
        waiting().until(d -> d.findElement(By.id("health")).getText().contains("steps/s"));
        browser.findElement(By.id("health")).click();
        waiting().until(d -> d.findElement(By.id("health-panel")).isDisplayed()
            && !"".equals(d.findElement(By.cssSelector("[data-health=plugins_loaded] .v")).getAttribute("data-value")));
        double plugins = Double.parseDouble(browser.findElement(By.cssSelector("[data-health=plugins_loaded] .v")).getAttribute("data-value"));
        assertThat(plugins).isEqualTo(f.workbench.plugins().plugins().size());
        assertThat(Double.parseDouble(browser.findElement(By.cssSelector("[data-health=websocket_clients] .v")).getAttribute("data-value")))
            .isGreaterThanOrEqualTo(1);
        assertThat(browser.findElement(By.id("health-panel")).getText().toLowerCase(java.util.Locale.ROOT))
            .contains("store write lag").contains("steps / s");
        browser.findElement(By.id("health")).click();
        waiting().until(d -> !d.findElement(By.id("health-panel")).isDisplayed());
    }

    @Test void theComparePageShowsAReportAcrossExperiments() {
        String spec = "name: %s%nproblem: slow_bowl%ntraining: {steps: 100}%nseeds: [1]%n"
            + "compare:%n  - {optimizer: sgd, lr: 0.01}%n  - {optimizer: adam, lr: 0.05}%n";
        long a = f.launch(String.format(spec, "e2e-report-a"));
        long b = f.launch(String.format(spec, "e2e-report-b"));
        f.awaitDone(a);
        f.awaitDone(b);
        browser.get(f.server.url() + "#/compare");
        browser.navigate().refresh();
        waiting().until(d -> !d.findElements(By.cssSelector("#report-panel input[data-experiment='" + b + "']")).isEmpty());
        browser.findElement(By.cssSelector("#report-panel input[data-experiment='" + a + "']")).click();
        browser.findElement(By.cssSelector("#report-panel input[data-experiment='" + b + "']")).click();
        browser.findElement(By.id("compare-report-show")).click();
        WebElement frame = waiting().until(d -> d.findElements(By.id("compare-report")).stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.id("compare-report-csv")).getAttribute("href")).contains("experiments=" + a + "," + b);
        browser.switchTo().frame(frame);
        try {
            waiting().until(d -> d.findElements(By.cssSelector(".uplot canvas")).size() >= 5);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Performance profile")
                .contains("e2e-report-a").contains("e2e-report-b");
        } finally {
            browser.switchTo().defaultContent();
        }
    }
}
