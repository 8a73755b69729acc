// 检举控告 filed online (条例第46条): the petitioner may name the accused unit — the select is always there, so
// it works without JavaScript — and the server accepts one only with an accusation's category. An accusation
// against the petition bureau goes straight to the discipline organ, never to the bureau.
import { alertOf, expect, fillLetter, letter, readReceipt, submitLetter, test } from "./support/petition";
import { withDb } from "./support/db";

test.use({ javaScriptEnabled: false });

test("naming an accused unit on a letter that is not an accusation is refused in zh-CN, keeping what was typed", async ({
  page,
}) => {
  const l = letter(); // 城乡建设
  await page.goto("/file");
  await expect(page.locator("#f-accusedUnitId-hint")).toContainText("仅检举控告类填写");
  await fillLetter(page, l);
  await page.locator("#f-accusedUnitId").selectOption({ label: "示例县信访局" });
  await submitLetter(page);
  await expect(alertOf(page).first()).toContainText("提交失败");
  await expect(page.locator("#f-accusedUnitId-error")).toContainText(
    "只有检举控告类事项可以选择被检举控告的单位。请改选事项类别，或将此项设为“不指定”。",
  );
  await expect(page.locator("#f-title")).toHaveValue(l.title);
  await expect(page.getByTestId("receipt")).toHaveCount(0);
});

test("an accusation against the bureau is filed and starts at the discipline organ, not at the bureau", async ({
  page,
}) => {
  const l = letter({ category: "检举控告", consent: false });
  await page.goto("/file");
  await fillLetter(page, l);
  await page.locator("#f-accusedUnitId").selectOption({ label: "示例县信访局" });
  await submitLetter(page);
  const { trackingNo } = await readReceipt(page);
  // The receipt says where it went, not that the bureau will route it.
  await expect(page.getByText("已直接转送纪委监委")).toBeVisible();
  await expect(page.getByText("信访局应在")).toHaveCount(0);
  const row = withDb(
    (db) =>
      db
        .prepare(
          'SELECT u.kind AS unitKind, a.kind AS accusedKind FROM "Petition" p JOIN "Unit" u ON u.id = p."currentUnitId" JOIN "Unit" a ON a.id = p."accusedUnitId" WHERE p."trackingNo" = ?',
        )
        .get(trackingNo) as { unitKind: string; accusedKind: string },
  );
  expect(row).toEqual({ unitKind: "DISCIPLINE", accusedKind: "BUREAU" });
});
