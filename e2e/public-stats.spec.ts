// 统计 and 年度报告 (issue 10), against the production build: the charts render in the real browser and every table
// beneath them agrees with stats.json; the report's prose says the API's figures; the choice form works without
// JavaScript and each choice is an address of its own; a letter filed a moment ago is counted on the next request.
import type { Page } from "@playwright/test";
import { expect, fileLetter, letter, test } from "./support/petition";
import zhCN from "../lib/i18n/messages/zh-CN";
import en from "../lib/i18n/messages/en";
import { STAT_COUNT_KEYS } from "../lib/domain/statistics";

type Stats = Record<string, number | null>;
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

async function statsJson(page: Page, query: string): Promise<Stats> {
  const response = await page.request.get(`/api/open/stats.json?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Stats;
}

/** A section's table as rows of cell texts (the row's header cell first). */
async function tableOf(page: Page, section: string): Promise<string[][]> {
  return page
    .locator(`[data-section="${section}"] table tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent ?? "")));
}

/** A page's percent ("94.5%") against the API's fraction (0.9449, 4 places): the page rounds num ÷ den exactly. */
function expectPercent(shown: string, fraction: number | null, what: string) {
  if (fraction === null) return expect(shown, what).toBe("—");
  expect(shown, what).toMatch(/^\d+\.\d%$/);
  expect(Math.abs(Number.parseFloat(shown) - fraction * 100), what).toBeLessThanOrEqual(0.051);
}

test("the charts render, and every figure and table agrees with stats.json", async ({ page }) => {
  // Last year: the other tests file letters into this one while the page and the API are compared.
  const year = thisYear() - 1;
  const api = await statsJson(page, `year=${year}`);
  expect(api.cases).toBeGreaterThan(0); // the demo data: the check below compares real figures
  await page.goto(`/stats/${year}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhCN.stats.title);

  // Six charts, drawn by Recharts in the browser, with bars, lines and pie sectors.
  await expect(page.locator(".recharts-surface")).not.toHaveCount(0);
  for (const section of ["monthly", "visits", "collective", "categories", "rates", "yoy"])
    await expect(page.locator(`[data-section="${section}"] .recharts-surface`).first(), section).toBeVisible();
  expect(await page.locator('[data-section="monthly"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-section="categories"] .recharts-pie-sector').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-section="rates"] .recharts-line').count()).toBe(4);

  // The headline figures and their 同比.
  for (const key of STAT_COUNT_KEYS) {
    const card = page.getByTestId("stats-counts").locator(`[data-key="${key}"] dd`);
    await expect(card.first(), key).toHaveText(String(api[key]));
  }
  for (const key of ["timely_acceptance_rate", "on_time_completion_rate", "satisfaction_rate", "review_rate"]) {
    const shown = await page.getByTestId("stats-rates").locator(`[data-key="${key}"] dd`).first().textContent();
    expectPercent(shown ?? "", api[key]!, key);
  }

  // The monthly table adds up to the year's cases, channel by channel.
  const monthly = await tableOf(page, "monthly");
  expect(monthly).toHaveLength(12);
  const column = (i: number) => monthly.reduce((sum, row) => sum + Number(row[i]), 0);
  expect(column(1)).toBe(api.online);
  expect(column(2)).toBe(api.letters);
  expect(column(3)).toBe(api.visit_batches);
  expect(column(4)).toBe(api.phone);
  expect(column(5)).toBe(api.fax);
  expect(column(6)).toBe(api.from_higher);
  expect(column(7)).toBe(api.cases);
  const visits = await tableOf(page, "visits");
  expect(visits.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(api.visit_persons);
  // The collective table's total row: batches, persons and their shares of all visits.
  const collective = await tableOf(page, "collective");
  const total = collective.at(-1)!;
  expect(total.slice(0, 3)).toEqual([
    zhCN.stats.table.total,
    String(api.collective_batches),
    String(api.collective_persons),
  ]);
  expectPercent(total[3]!, api.collective_batch_share!, "collective batch share");
  expectPercent(total[4]!, api.collective_person_share!, "collective person share");
  const categories = await tableOf(page, "categories");
  expect(categories.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(api.cases);
  // Year on year: this period, the same period last year, the change.
  const yoy = await tableOf(page, "yoy");
  expect(yoy).toHaveLength(STAT_COUNT_KEYS.length);
  STAT_COUNT_KEYS.forEach((key, i) => {
    expect(yoy[i]![1], key).toBe(String(api[key]));
    const pct = api[`${key}_yoy_pct`] ?? null;
    const change =
      pct === null
        ? zhCN.stats.yoy.none
        : pct === 0
          ? zhCN.stats.yoy.flat
          : (pct > 0 ? zhCN.stats.yoy.up : zhCN.stats.yoy.down).replace("{pct}", Math.abs(pct).toFixed(1));
    expect(yoy[i]![3], key).toBe(change);
  });
});

test("the report says the API's figures, in both languages, for a year and a quarter", async ({ page }) => {
  const year = thisYear() - 1; // as above: a year no other test files letters into
  const api = await statsJson(page, `year=${year}`);
  await page.goto(`/report/${year}`);
  const text = page.getByTestId("report-text");
  await expect(text).toContainText(`共受理信访总量${api.total_person_times}件次`);
  await expect(text).toContainText(`涉及信访事项${api.cases}件`);
  await expect(text).toContainText(`其中来信${api.letters}件`);
  await expect(text).toContainText(`来访${api.visit_batches}批${api.visit_persons}人次`);
  const timely = /及时受理率(\d+\.\d%|—)/.exec((await text.textContent()) ?? "");
  expectPercent(timely![1]!, api.timely_acceptance_rate!, "timely acceptance in the report");

  const q = await statsJson(page, `year=${year}&quarter=1`);
  await page.goto(`/en/report/${year}/q/1`);
  await expect(page.getByTestId("report-title")).toContainText(`Q1 ${year}`);
  await expect(page.getByTestId("report-text")).toContainText(`totalling ${q.total_person_times} person-times`);
  await expect(page.getByTestId("report-text")).toContainText(`Letters: ${q.letters} (`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the choice form leads to the chosen address; the figures and tables are there without the charts", async ({
    page,
  }) => {
    const year = thisYear();
    await page.goto("/stats");
    await page.getByLabel(zhCN.stats.quarter).selectOption({ label: zhCN.stats.quarterName.q2 });
    const unit = page.getByLabel(zhCN.stats.unit);
    const firstUnit = await unit.locator("option").nth(1).getAttribute("value");
    await unit.selectOption(firstUnit!);
    await page.getByRole("button", { name: zhCN.stats.submit }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/stats/${year}/q/2/unit/${firstUnit}`);
    const api = await statsJson(page, `year=${year}&quarter=2&unit=${firstUnit}`);
    await expect(page.getByTestId("stats-counts").locator('[data-key="cases"] dd').first()).toHaveText(
      String(api.cases),
    );
    expect(await tableOf(page, "monthly")).toHaveLength(3);
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL((url) => url.pathname === `/en/stats/${year}/q/2/unit/${firstUnit}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.stats.title);
    await page.getByRole("link", { name: en.stats.report }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/en/report/${year}/q/2/unit/${firstUnit}`);
    // Not an address of the page: 404; an unknown unit: 404.
    for (const bad of [`/stats/${year}/q/5`, `/stats/${year}/unit`, "/stats/x", `/report/${year}/unit/no-such-unit`])
      expect((await page.request.get(bad)).status(), bad).toBe(404);
  });
});

test("a letter filed a moment ago is counted on the next request, on the page and in the API", async ({ page }) => {
  const year = thisYear();
  const before = await statsJson(page, `year=${year}`);
  const cardOf = async () => {
    await page.goto("/stats");
    return Number(await page.getByTestId("stats-counts").locator('[data-key="online"] dd').first().textContent());
  };
  expect(await cardOf()).toBe(before.online);
  await fileLetter(page, letter());
  // Other tests may file at the same time: at least this one more.
  expect(await cardOf()).toBeGreaterThanOrEqual(before.online! + 1);
  const after = await statsJson(page, `year=${year}`);
  expect(after.online).toBeGreaterThanOrEqual(before.online! + 1);
  expect(after.cases).toBeGreaterThanOrEqual(before.cases! + 1);
});

test("stats.json refuses bad parameters in the language asked for", async ({ request }) => {
  const bad = await request.get("/api/open/stats.json?year=2026&quarter=5&lang=en");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual([{ code: 400, description: en.openData.errors.badQuarter }]);
  const missing = await request.get("/api/open/stats.json");
  expect(missing.status()).toBe(400);
  const unknown = await request.get("/api/open/stats.json?year=2026&unit=no-such-unit");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["access-control-allow-origin"]).toBe("*");
});

test("单位: every unit side by side with each rate's parts; a unit's page; a new letter is pending at once", async ({
  page,
}) => {
  await page.goto("/units");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhCN.units.title);
  const table = page.getByTestId("scorecard-table");
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(3);
  // Each rate shows its numerator and denominator beneath it.
  await expect(table.locator("tfoot td").nth(3)).toContainText("/");
  // The total of received is the sum of the rows' (villages without cases are left out of the rows only).
  const received = await rows.locator("td:nth-child(2)").allTextContents();
  const totalReceived = Number(await table.locator("tfoot td").first().textContent());
  expect(received.reduce((s, v) => s + Number(v), 0)).toBeLessThanOrEqual(totalReceived);

  const pendingAtBureau = async () => {
    await page.goto("/units");
    const bureau = page.getByTestId("scorecard-table").locator("tbody tr", { hasText: "信访局" }).first();
    return Number(await bureau.locator("td:nth-child(3)").textContent());
  };
  const before = await pendingAtBureau();
  await fileLetter(page, letter());
  expect(await pendingAtBureau()).toBeGreaterThanOrEqual(before + 1);

  await page
    .getByTestId("scorecard-table")
    .locator("tbody tr", { hasText: "信访局" })
    .first()
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/units\/\d{4}\/unit\/[^/]+$/);
  await expect(page.getByTestId("unit-letters").locator("li").first()).toBeVisible();
  await page.getByRole("link", { name: zhCN.units.moreLetters }).click();
  await expect(page).toHaveURL(/\/letters\/unit\/[^/]+$/);
});
