// Issue 10's must-show: a small hand-made CSV (e2e/fixtures/hand-made-2019-2020.csv: five cases of 2019, thirteen of
// 2020 — one 涉法涉诉, which counts nowhere), imported with `npm run import` into the e2e database, gives the figures
// computed by hand below — every stats.json key, the 同比 changes, the collective-visit shares — in the API, on the
// statistics page and in the report's prose. The demo data starts in December 2024: 2019 and 2020 hold this file's
// cases alone.
//
// By hand, 2020 (2019 in brackets): 12 cases [5]; 件次 = 12 − 4 visits + 22 visit persons = 30 [6]; letters 2 [1];
// visits 4 batches, 22 persons (12 + 3 + 6 + 1) [1, 2]; collective (5 or more) 2 batches, 18 persons [0, 0] — 2/4 =
// 50.0% of the batches, 18/22 = 81.8% of the persons; online 3 [2]; phone 1 [1]; fax 1 [0]; from higher levels 1 [0].
// Acceptance: 12 decided, one late (received 10-12, accepted 11-20) → 11/12. Handling deadlines in 2020: 10 (the case
// accepted 11-20 is due in 2021), two answered late (04-08 → 07-20, 09-08 → 12-20) → 8/10. Accepted 11, all answered
// → 11/11. Evaluation windows ending in 2020: 9 (the two answered in December end in 2021), 6 rated → 6/9; 满意 or
// 基本满意 5 of 6, 满意 alone 4 of 6. Repeat 1 of 12; supervised 0 of 11; 复查 requested 1 of the 11 answered.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { scriptEnv } from "./support/db";
import { expect, test } from "./support/petition";
import zhCN from "../lib/i18n/messages/zh-CN";
import { STAT_COUNT_KEYS } from "../lib/domain/statistics";

const ROOT = path.resolve(__dirname, "..");
const FILE = path.join(__dirname, "fixtures/hand-made-2019-2020.csv");

const YEAR_2020 = {
  year: 2020,
  quarter: null,
  unit: null,
  total_person_times: 30,
  total_person_times_yoy_pct: 400,
  cases: 12,
  cases_yoy_pct: 140,
  letters: 2,
  letters_yoy_pct: 100,
  visit_batches: 4,
  visit_batches_yoy_pct: 300,
  visit_persons: 22,
  visit_persons_yoy_pct: 1000,
  collective_batches: 2,
  collective_batches_yoy_pct: null,
  collective_persons: 18,
  collective_persons_yoy_pct: null,
  online: 3,
  online_yoy_pct: 50,
  phone: 1,
  phone_yoy_pct: 0,
  fax: 1,
  fax_yoy_pct: null,
  from_higher: 1,
  from_higher_yoy_pct: null,
  timely_acceptance_rate: 0.9167,
  on_time_completion_rate: 0.8,
  completion_rate: 1,
  participation_rate: 0.6667,
  satisfaction_rate: 0.8333,
  satisfied_rate: 0.6667,
  repeat_rate: 0.0833,
  supervision_rate: 0,
  review_rate: 0.0909,
  collective_batch_share: 0.5,
  collective_person_share: 0.8182,
};

// The second quarter: received April–June — 6 cases [3], 件次 1 + 12 + 3 + 1 + 1 + 1 = 19 [4].
const Q2_2020_COUNTS = {
  total_person_times: 19,
  total_person_times_yoy_pct: 375,
  cases: 6,
  cases_yoy_pct: 100,
  letters: 1,
  letters_yoy_pct: null,
  visit_batches: 2,
  visit_batches_yoy_pct: 100,
  visit_persons: 15,
  visit_persons_yoy_pct: 650,
  collective_batches: 1,
  collective_persons: 12,
  online: 2,
  online_yoy_pct: 0,
  phone: 1,
  phone_yoy_pct: null,
  fax: 0,
  fax_yoy_pct: null,
  collective_batch_share: 0.5,
  collective_person_share: 0.8,
};

const REPORT_2020 = [
  "2020年，示例县人民政府共受理信访总量30件次，同比增400.0%；涉及信访事项12件，同比增140.0%。其中来信2件，同比增100.0%；来访4批22人次，批次同比增300.0%，人次同比增1000.0%；网上信访3件，同比增50.0%；来电1件，与上年同期持平；传真1件，上年同期为零；上级转交办1件，上年同期为零。",
  "集体访2批18人次，分别占来访批次的50.0%和来访人次的81.8%；批次上年同期为零，人次上年同期为零。",
  "及时受理率91.7%，按期办结率80.0%，办结率100.0%；参评率66.7%，满意率83.3%（其中“满意”66.7%）。",
  "重复信访1件，重复信访率8.3%；督办0件，督办率0.0%；申请复查1件，复查率9.1%。",
];

/** `npm run import` on the e2e database, telling both e2e servers to drop what changed, as on a county's server. */
function importFile() {
  const env = scriptEnv();
  const script = ["--conditions=react-server", "--import", "tsx", "scripts/import.ts", FILE];
  try {
    return execFileSync(process.execPath, script, { cwd: ROOT, env, encoding: "utf8", stdio: "pipe" });
  } catch (err) {
    // A retry of this test finds the file imported already (an import is never repeated): that is the state wanted.
    const out = `${(err as { stdout?: string }).stdout ?? ""}${(err as { stderr?: string }).stderr ?? ""}`;
    if (out.includes(zhCN.import.issues.alreadyImported.split("{date}")[0]!)) return out;
    throw new Error(`import failed:\n${out}`);
  }
}

async function statsJson(page: Page, query: string) {
  const response = await page.request.get(`/api/open/stats.json?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, number | null>;
}

test("a hand-made CSV, imported, gives the figures computed by hand: API, statistics page, report", async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(importFile()).toMatch(/已导入 18 件|不再重复导入/);

  // The API: every key, exactly.
  expect(await statsJson(page, "year=2020")).toEqual(YEAR_2020);
  expect(await statsJson(page, "year=2020&quarter=2")).toMatchObject(Q2_2020_COUNTS);
  // 涉法涉诉 counts nowhere: the court's own figures are empty.
  expect(await statsJson(page, "year=2020&unit=FY")).toMatchObject({ cases: 0, timely_acceptance_rate: null });

  // The statistics page: the figures, their 同比, the rates with their parts, the collective shares.
  await page.goto("/stats/2020");
  const counts = page.getByTestId("stats-counts");
  for (const key of STAT_COUNT_KEYS)
    await expect(counts.locator(`[data-key="${key}"] dd`).first(), key).toHaveText(String(YEAR_2020[key]));
  await expect(counts.locator('[data-key="total_person_times"] dd').nth(1)).toHaveText("同比增400.0%");
  await expect(counts.locator('[data-key="phone"] dd').nth(1)).toHaveText("与上年同期持平");
  await expect(counts.locator('[data-key="fax"] dd').nth(1)).toHaveText("上年同期为零");
  const rates = page.getByTestId("stats-rates");
  const rate = async (key: string) => (await rates.locator(`[data-key="${key}"] dd`).allTextContents()).join(" ");
  expect(await rate("timely_acceptance_rate")).toBe("91.7% 11 / 12");
  expect(await rate("on_time_completion_rate")).toBe("80.0% 8 / 10");
  expect(await rate("completion_rate")).toBe("100.0% 11 / 11");
  expect(await rate("participation_rate")).toBe("66.7% 6 / 9");
  expect(await rate("satisfaction_rate")).toBe("83.3% 5 / 6");
  expect(await rate("satisfied_rate")).toBe("66.7% 4 / 6");
  expect(await rate("repeat_rate")).toBe("8.3% 1 / 12");
  expect(await rate("supervision_rate")).toBe("0.0% 0 / 11");
  expect(await rate("review_rate")).toBe("9.1% 1 / 11");
  expect(await rate("collective_batch_share")).toBe("50.0% 2 / 4");
  expect(await rate("collective_person_share")).toBe("81.8% 18 / 22");
  // The collective table's total row, and the year-on-year table's rows.
  const rows = (section: string) =>
    page
      .locator(`[data-section="${section}"] table tbody tr`)
      .evaluateAll((trs) => trs.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent ?? "")));
  expect((await rows("collective")).at(-1)).toEqual([zhCN.stats.table.total, "2", "18", "50.0%", "81.8%"]);
  const yoy = await rows("yoy");
  expect(yoy[0]).toEqual([zhCN.stats.keys.total_person_times, "30", "6", "同比增400.0%"]);
  expect(yoy[4]).toEqual([zhCN.stats.keys.visit_persons, "22", "2", "同比增1000.0%"]);
  // The monthly table: April 2020 had one letter and one visit (of 12 persons).
  expect((await rows("monthly"))[3]).toEqual(["2020-04", "0", "1", "1", "0", "0", "0", "2"]);

  // The report's prose, paragraph by paragraph.
  await page.goto("/report/2020");
  await expect(page.getByTestId("report-title")).toHaveText("示例县人民政府2020年信访工作数据");
  await expect(page.getByTestId("report-text").locator("p")).toHaveText(REPORT_2020);
});
