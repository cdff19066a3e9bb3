package io.adalab.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adalab.server.cli.AdalabCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The exported HTML report opened in real headless Chromium: its charts are drawn and its tables filled. */
class ReportBrowserTest {
    @TempDir
    Path dir;

    private static int cli(String... args) {
        return AdalabCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void theHtmlReportOpensOfflineAndShowsItsCharts() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
            "needs Debian's chromium and chromium-driver (installed by .ci/run)");
        Path data = dir.resolve("data");
        Path spec = dir.resolve("tour.yaml");
        Files.writeString(spec, """
            name: tour
            problem: rosenbrock
            training: {steps: 300}
            compare:
              - {optimizer: sgd, lr: 0.001}
              - {optimizer: sgd, lr: 0.0005}
              - {optimizer: adam, lr: 0.05}
            """);
        Path quad = dir.resolve("quad.yaml");
        Files.writeString(quad, """
            name: quad
            problem: quadratic
            training: {steps: 200}
            compare:
              - {optimizer: sgd, lr: 0.001}
              - {optimizer: adam, lr: 0.05}
            """);
        assertThat(cli("run", spec.toString(), "--data-dir", data.toString(), "--progress", "none")).isZero();
        assertThat(cli("run", quad.toString(), "--data-dir", data.toString(), "--progress", "none")).isZero();
        Path html = dir.resolve("report.html");
        assertThat(cli("report", "tour", "quad", "--data-dir", data.toString(), "-o", html.toString())).isZero();
        assertThat(Files.readString(html)).doesNotContain("src=\"http").doesNotContain("href=\"http");

        ChromeOptions o = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
            "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, o);
        try {
            browser.get(html.toUri().toString());
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".uplot canvas")).size() >= 5);
            List<WebElement> charts = browser.findElements(By.cssSelector(".uplot"));
            // per problem: loss curves + LR sensitivity; plus one performance profile across both problems
            assertThat(charts).hasSize(5);
            for (WebElement c : charts) {
                assertThat(c.findElement(By.tagName("canvas")).getSize().getWidth()).isGreaterThan(200);
            }
            assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Performance profile").contains("tour").contains("quad").contains("adam lr=0.05").contains("steps to target");
        } finally {
            browser.quit();
        }
    }
}
