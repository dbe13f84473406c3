// Lighthouse's accessibility category on several pages in one browser, for tests/site/test_lighthouse.py.
//
//     CHROME_PATH=/usr/lib/chromium/chromium-headless-shell node tests/lighthouse.mjs '<request as JSON>'
//
// The request: {"pages": [{"url", "scheme": "light" | "dark", "device": "mobile" | "desktop", "probe"}…],
// "args": [Chromium's flags]}; "probe" (optional) is a CSS selector whose element's text is returned.
// Prints one JSON array on stdout, a result per page in the same order: its score (0 to 1), each audit
// that failed with the selectors of the elements it failed on, what the page was when it was read (its
// colour scheme and address as the page itself reports them, and the text of the probe's element), and
// every address the browser asked for that is not the page's own site (none is expected: the tests
// have no internet). LH_LOG=info (or verbose) prints Lighthouse's progress on stderr.
//
// One browser for every page: starting Chromium costs more than one page's run. The browser is the
// tests' own Chromium (CHROME_PATH, browsers.CHROMIUM_SHELL), never one Lighthouse or Puppeteer would
// download: puppeteer-core (Lighthouse's own dependency) downloads nothing and is given the path.
import lighthouse, { desktopConfig } from "lighthouse";
import puppeteer from "puppeteer-core";

// Only what the accessibility audits need, waiting only as long as they need. The throttling method
// stays Lighthouse's default, "simulate": it slows nothing in the browser (a slow phone is computed
// afterwards, for the performance metrics, which are not measured here), whereas "provided" or
// "devtools" make Lighthouse wait at least 5.25 s of quiet after every load. The waits: none after
// the first paint or the load event (the axe tests read a page at its load event too), then a quarter
// of a second with no request and no long task, so the scripts that draw after the load (the filters
// that read the address, the planner) have drawn before axe reads the page.
const SETTINGS = {
  onlyCategories: ["accessibility"],
  disableFullPageScreenshot: true, // the report's picture of the page; costly, and read by nothing here
  pauseAfterFcpMs: 0,
  pauseAfterLoadMs: 0,
  networkQuietThresholdMs: 250,
  cpuQuietThresholdMs: 250,
  maxWaitForLoad: 30_000,
};
// A phone is Lighthouse's default (a Moto G Power's screen, 412 pixels wide); its desktop settings
// (1350 pixels wide) are its own desktop configuration's, as PageSpeed Insights' two tabs read a page.
const CONFIGS = {
  mobile: { extends: "lighthouse:default", settings: SETTINGS },
  desktop: { extends: "lighthouse:default", settings: { ...desktopConfig.settings, ...SETTINGS } },
};

// An element as a reader of the failure can find it: its CSS selector, its start tag, and what is wrong
// with it (axe's words, e.g. the two colours and their contrast).
function node(item) {
  const found = item.node ?? item;
  if (!found || found.type !== "node") return null;
  return { selector: found.selector ?? "", snippet: found.snippet ?? "", explanation: found.explanation ?? "" };
}

function failures(lhr) {
  const category = lhr.categories.accessibility;
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => (audit.scoreDisplayMode === "binary" && audit.score !== 1) || audit.scoreDisplayMode === "error")
    .map((audit) => ({
      id: audit.id,
      title: audit.errorMessage ? `${audit.title} (the audit failed to run: ${audit.errorMessage})` : audit.title,
      nodes: (audit.details?.items ?? []).map(node).filter(Boolean),
    }));
}

async function main() {
  const request = JSON.parse(process.argv[2]);
  const executablePath = process.env.CHROME_PATH;
  if (!executablePath) throw new Error("CHROME_PATH is not set: the path of the Chromium to run");
  const browser = await puppeteer.launch({ executablePath, headless: "shell", args: request.args });
  const results = [];
  try {
    for (const { url, scheme, device, probe } of request.pages) {
      const page = await browser.newPage();
      const elsewhere = new Set();
      const origin = new URL(url).origin;
      page.on("request", (asked) => {
        const address = asked.url();
        if (/^https?:/.test(address) && new URL(address).origin !== origin) elsewhere.add(address);
      });
      // The page's media feature, set on Puppeteer's own DevTools session: Lighthouse's emulation
      // (screen size, user agent) does not touch it, so it holds through Lighthouse's navigation.
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      const { lhr } = await lighthouse(url, { logLevel: process.env.LH_LOG || "error", output: "json" }, CONFIGS[device], page);
      // What the page was when axe read it: Lighthouse leaves it loaded.
      const shown = await page.evaluate((probe) => ({
        readIn: matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light",
        address: location.href,
        probe: probe ? (document.querySelector(probe)?.textContent ?? null) : null,
      }), probe ?? null);
      results.push({
        url,
        scheme,
        device,
        ...shown,
        score: lhr.categories.accessibility.score,
        failures: failures(lhr),
        runtimeError: lhr.runtimeError?.message ?? null,
        elsewhere: [...elsewhere],
        version: `Lighthouse ${lhr.lighthouseVersion} with axe-core ${lhr.environment.credits?.["axe-core"]}`,
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
}

await main();
