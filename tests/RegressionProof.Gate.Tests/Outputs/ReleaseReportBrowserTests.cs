using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// release-report.html in a real browser: Debian's Chromium (<c>/usr/bin/chromium</c>, installed by
/// .ci/run), driven by Playwright with that system browser; Playwright never downloads one. The
/// page is opened from disk as a release captain opens a CI artifact.
/// </summary>
public sealed class ReleaseReportBrowserTests : IDisposable, IClassFixture<ChromiumSession>
{
    private readonly TempFolder _folder = new();
    private readonly ChromiumSession _chromium;

    public ReleaseReportBrowserTests(ChromiumSession chromium) => _chromium = chromium;

    private static GateResult ThreeCards()
    {
        var release = Given.Release(cards:
        [
            Given.Card("INTAKE-1"),
            Given.Card("INTAKE-2") with { Title = HtmlReportWriterTests.HostileTitle, Owner = HtmlReportWriterTests.HostileOwner },
            Given.Card("INTAKE-3"),
        ]);
        var tests = TestResults.From(
        [
            new TestOutcome("Shop.Tests.A.Passes", "Shop.Tests.A.Passes", "Passed", "results/a.trx"),
            new TestOutcome("Shop.Tests.A.Fails", "Shop.Tests.A.Fails", "Failed", "results/a.trx"),
        ]);
        var input = Given.Input(release,
            [
                Given.Fix("INTAKE-1"), Given.Test("INTAKE-1", "Shop.Tests.A.Passes"),
                Given.Fix("INTAKE-2") with { Display = HtmlReportWriterTests.Hostile, Path = HtmlReportWriterTests.HostilePath },
                Given.Fix("INTAKE-3"), Given.Test("INTAKE-3", "Shop.Tests.A.Fails"),
            ],
            tests: tests);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [ChromiumFact]
    public async Task The_page_opens_from_disk_with_no_console_error_and_no_network_request_and_shows_the_verdict()
    {
        await using var browser = await Browser.Open(_chromium, _folder, WriteReport());

        Assert.Equal("FAIL: release 2.4.1 fails the gate", await browser.Page.InnerTextAsync("#verdict"));
        Assert.True(await browser.Page.IsVisibleAsync("#filters"), "the script shows the filter");
        Assert.Equal("3 of 3 cards shown", await browser.Page.InnerTextAsync("#shown"));
        browser.AssertQuiet();
    }

    [ChromiumFact]
    public async Task The_status_filter_and_the_search_box_hide_and_show_cards()
    {
        await using var browser = await Browser.Open(_chromium, _folder, WriteReport());
        var page = browser.Page;

        await page.CheckAsync("input[name=status][value=proven]");
        Assert.Equal(["INTAKE-1"], await VisibleCards(page));
        await page.CheckAsync("input[name=status][value=failing]");
        Assert.Equal(["INTAKE-3"], await VisibleCards(page));
        await page.CheckAsync("input[name=status][value=unproven]");
        Assert.Equal(["INTAKE-2"], await VisibleCards(page));
        await page.CheckAsync("input[name=status][value=all]");
        Assert.Equal(["INTAKE-1", "INTAKE-2", "INTAKE-3"], await VisibleCards(page));

        await page.FillAsync("#search", "intake-3");
        await page.WaitForFunctionAsync("() => document.getElementById('shown').textContent === '1 of 3 cards shown'");
        Assert.Equal(["INTAKE-3"], await VisibleCards(page));
        await page.FillAsync("#search", string.Empty);
        await page.WaitForFunctionAsync("() => document.getElementById('shown').textContent === '3 of 3 cards shown'");
        browser.AssertQuiet();
    }

    [ChromiumFact]
    public async Task Hostile_card_text_renders_as_text_and_injects_no_element()
    {
        await using var browser = await Browser.Open(_chromium, _folder, WriteReport());
        var page = browser.Page;

        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.scripts.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img, iframe, object, embed, form, base, link').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        var title = await page.InnerTextAsync("#card-2 h3");
        Assert.Contains("</h3><img src=x onerror=alert(2)><script>alert(3)</script>\"'", title, StringComparison.Ordinal);
        Assert.Contains("\\u0023#[error]X", title, StringComparison.Ordinal);
        Assert.Contains("\" onmouseover=\"alert(4)", await page.InnerTextAsync("#card-2 .meta"), StringComparison.Ordinal);
        browser.AssertQuiet();
    }

    [ChromiumFact]
    public async Task Without_its_script_every_card_shows_and_in_print_the_filter_is_gone_and_every_card_prints()
    {
        var report = WriteReport();
        await using (var noScript = await Browser.Open(_chromium, _folder, report, javaScript: false))
        {
            Assert.Equal(3, await noScript.Page.Locator("#cards .card:visible").CountAsync());
            Assert.False(await noScript.Page.IsVisibleAsync("#filters"));
        }

        await using var browser = await Browser.Open(_chromium, _folder, report);
        await browser.Page.CheckAsync("input[name=status][value=proven]");
        await browser.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await browser.Page.IsVisibleAsync("#filters"));
        Assert.Equal(3, await browser.Page.Locator("#cards .card:visible").CountAsync());
        browser.AssertQuiet();
    }

    [ChromiumFact]
    public async Task On_a_phone_the_page_fits_the_screen_width()
    {
        await using var browser = await Browser.Open(_chromium, _folder, WriteReport());
        await browser.Page.SetViewportSizeAsync(390, 844);

        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        Assert.True(await browser.Page.IsVisibleAsync("#verdict"));
        browser.AssertQuiet();
    }

    [ChromiumFact]
    public async Task Since_the_previous_release_and_the_trend_chart_render_under_the_pages_policy_and_in_print()
    {
        var entry = new CoverageTrendEntry { Version = "2.3.0", AsOf = "2026-11-01", Verdict = "pass", Cards = 1, Proven = 1, Manual = 0, Errors = 0, Warnings = 0, Waived = 0 };
        var baseline = Given.Baseline([Given.Test("INTAKE-1")], cards: ["INTAKE-1"]) with { Trend = [entry, entry with { Version = "2.4.0", Cards = 2 }] };
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2") with { Title = HtmlReportWriterTests.HostileTitle }]);
        var input = Given.Input(release, [Given.Test("INTAKE-1"), Given.Test("INTAKE-2", "Shop.Tests.T.Second")], baseline: baseline);
        var report = _folder.Write("release-report.html", HtmlReportWriter.Write(new GateResult(input, Gatekeeper.Decide(input))));
        await using var browser = await Browser.Open(_chromium, _folder, report);
        var page = browser.Page;

        Assert.True(await page.IsVisibleAsync("#since-previous"));
        Assert.Equal("Cards added (1)", await page.InnerTextAsync("#cards-added"));
        var added = await page.InnerTextAsync("#cards-added + ul");
        Assert.StartsWith("INTAKE-2 \\u0023#[error]X", added, StringComparison.Ordinal);
        Assert.Contains("</h3><img src=x onerror=alert(2)>", added, StringComparison.Ordinal);
        Assert.Contains("automated test Shop.Tests.T.Second", await page.InnerTextAsync("#proofs-added + ul"), StringComparison.Ordinal);

        // The chart is drawn by the page itself: an SVG with a line and a point per release for each series, and room on screen.
        var chart = page.Locator("#trend-chart");
        Assert.True(await chart.IsVisibleAsync());
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"the chart is {box?.Width}x{box?.Height}");
        Assert.Equal(TrendChart.Series.Length, await page.Locator("#trend-chart polyline").CountAsync());
        Assert.Equal(3 * TrendChart.Series.Length, await page.Locator("#trend-chart circle").CountAsync());
        Assert.Equal("none", await page.EvalOnSelectorAsync<string>("#trend-chart polyline", "e => getComputedStyle(e).fill"));
        Assert.Equal("8px, 4px", await page.EvalOnSelectorAsync<string>(".s-manual polyline", "e => getComputedStyle(e).strokeDasharray"));
        Assert.Equal("Trend of 3 releases, 2.3.0 to 2.4.1", await page.EvaluateAsync<string>("() => document.getElementById(document.getElementById('trend-chart').getAttribute('aria-labelledby').split(' ')[0]).textContent"));

        // The figures, for screen readers and the record, one row per release.
        await page.ClickAsync("#trend details summary");
        Assert.Equal(["2.3.0", "2.4.0", "2.4.1"], await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#trend tbody th')].map(th => th.textContent)"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await chart.IsVisibleAsync());
        Assert.True(await page.IsVisibleAsync("#since-previous"));
        browser.AssertQuiet();
    }

    private string WriteReport() => _folder.Write("release-report.html", HtmlReportWriter.Write(ThreeCards()));

    private static async Task<IReadOnlyList<string>> VisibleCards(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#cards .card')].filter(c => !c.hidden).map(c => c.querySelector('h3 .mono').textContent)");

    public void Dispose() => _folder.Dispose();

    /// <summary>A page on the report, and everything the page did that it must not.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly ChromiumSession? _own;
        private readonly List<string> _problems = [];

        private Browser(IPage page, ChromiumSession? own)
        {
            Page = page;
            _own = own;
        }

        public IPage Page { get; }

        /// <summary>A new page of the class's shared browser; a page without script gets a browser of its own (script is set per profile).</summary>
        public static async Task<Browser> Open(ChromiumSession shared, TempFolder folder, string report, bool javaScript = true)
        {
            var own = javaScript ? null : new ChromiumSession(folder.Path, javaScript);
            var context = await (own ?? shared).Context();
            var page = await context.NewPageAsync();
            var browser = new Browser(page, own);
            var url = new Uri(report).AbsoluteUri;
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    browser._problems.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => browser._problems.Add("page error: " + error);
            page.Dialog += (_, dialog) => browser._problems.Add("dialog: " + dialog.Message);
            page.Request += (_, request) =>
            {
                if (request.Url != url)
                {
                    browser._problems.Add("request: " + request.Url);
                }
            };
            await page.GotoAsync(url);
            return browser;
        }

        public void AssertQuiet() => Assert.Empty(_problems);

        public async ValueTask DisposeAsync()
        {
            await Page.CloseAsync();
            if (_own is not null)
            {
                await _own.DisposeAsync();
            }
        }
    }
}

/// <summary>
/// Debian's Chromium with a fresh profile, started on first use and shared by the tests of a class:
/// starting a browser costs seconds, a page milliseconds.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly string _profile;
    private readonly bool _javaScript;
    private readonly SemaphoreSlim _starting = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    public ChromiumSession()
        : this(Path.GetTempPath(), javaScript: true)
    {
    }

    internal ChromiumSession(string folder, bool javaScript)
    {
        _profile = Path.Combine(folder, "chromium-profile-" + Guid.NewGuid().ToString("N"));
        _javaScript = javaScript;
    }

    internal async Task<IBrowserContext> Context()
    {
        await _starting.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _context ??= await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumFactAttribute.Chromium,
                Headless = true,
                JavaScriptEnabled = _javaScript,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _playwright?.Dispose();
        _starting.Dispose();
        if (Directory.Exists(_profile))
        {
            Directory.Delete(_profile, recursive: true);
        }
    }
}

/// <summary>
/// A fact that needs Debian's Chromium. .ci/run installs it where it can (root or sudo); only a
/// machine where it is absent and could not be installed skips the browser tests, and says why.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is missing: install the Debian package chromium (.ci/run does, as root or with sudo) to run the HTML report's browser tests";
        }
    }
}
