// The petitioner's path, end to end: a real browser against `next start` on a real (throw-away) database.
// 我要写信 → receipt → 查询 → 补充材料 → 撤回 → the public page and its audit chain.
import type { Page } from "@playwright/test";
import { scanPersonalData } from "../lib/domain/personal-data-scanner";
import {
  countPetitions,
  countPetitionsMarked,
  eventTypes,
  findPetition,
  lastPetitionRowid,
  petitionsAfter,
} from "./support/db";
import {
  alertOf,
  expect,
  fileLetter,
  fillLetter,
  letter,
  lookUp,
  openCase,
  readReceipt,
  submitLetter,
  tag,
  test,
  waitForHydration,
  WRONG_PAIR,
  type Letter,
} from "./support/petition";

const KEEP_IT = "查询码只显示这一次，工作人员也无法找回。请立即抄写、打印或截图保存，不要告诉他人。";
const REFUSED = "提交失败，请检查标出的项目。";
const RATE_LIMITED = /尝试次数过多，请 \d+ 分钟后再试。/;

// Independent tests run in parallel; the one-letter journey below stays serial, in one worker.
test.describe.configure({ mode: "parallel" });

const fieldError = (page: Page, name: string) => page.locator(`#f-${name}-error`);

test.describe("我要写信 with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts to the server action and the server renders the receipt", async ({ page }) => {
    const l = letter();
    await page.goto("/file");
    await fillLetter(page, l);
    // A real document POST (no fetch: there is no JavaScript), answered with the receipt.
    const post = page.waitForRequest((r) => r.isNavigationRequest() && r.method() === "POST");
    await submitLetter(page);
    await post;
    const receipt = page.getByTestId("receipt");
    await expect(receipt).toBeVisible();
    await expect(receipt.getByTestId("tracking-no")).toHaveText(/^XF\d{10}$/);
    await expect(receipt.getByTestId("query-code")).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(receipt).toContainText(KEEP_IT);
    const trackingNo = (await receipt.getByTestId("tracking-no").innerText()).trim();
    expect(findPetition(trackingNo)).toMatchObject({
      title: l.title,
      name: l.name,
      phone: l.phone,
      idNumber: l.idNumber,
      email: l.email,
      address: l.address,
    });
  });

  test("a refused letter comes back from the server with the messages and what was typed", async ({ page }) => {
    const l = letter({ phone: "12345" });
    await page.goto("/file");
    await fillLetter(page, l);
    await submitLetter(page);
    await expect(alertOf(page)).toHaveText(REFUSED);
    await expect(fieldError(page, "phone")).toHaveText("请输入 11 位手机号码。");
    await expect(page.locator("#f-title")).toHaveValue(l.title);
    await expect(page.locator("#f-content")).toHaveValue(l.content);
    await expect(page.locator("#f-name")).toHaveValue(l.name);
    await expect(page.locator("#f-phone")).toHaveValue("12345");
    expect(countPetitionsMarked(l.name)).toBe(0);
  });
});

test.describe("我要写信: bad input writes nothing and keeps what was typed", () => {
  test("an empty form: a message at every required field, nothing written", async ({ page }) => {
    await page.goto("/file");
    await waitForHydration(page);
    const before = countPetitions();
    const mark = lastPetitionRowid();
    await submitLetter(page);
    await expect(alertOf(page)).toHaveText(REFUSED);
    await expect(fieldError(page, "categoryId")).toHaveText("请从列表中选择。");
    await expect(fieldError(page, "placeId")).toHaveText("请从列表中选择。");
    for (const name of ["title", "content", "name", "phone", "address"]) {
      await expect(fieldError(page, name), name).toHaveText("请填写此项。");
      await expect(page.locator(`#f-${name}`), name).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator(`#f-${name}`), name).toHaveAttribute("aria-describedby", new RegExp(`f-${name}-error`));
    }
    // The optional fields are not required.
    await expect(fieldError(page, "idNumber")).toHaveCount(0);
    await expect(fieldError(page, "email")).toHaveCount(0);
    // Nothing was written. Another spec file in a parallel worker may file a letter meanwhile, so the
    // total may only differ by such letters: complete ones, unlike anything an empty form could leave.
    const written = petitionsAfter(mark);
    expect(countPetitions()).toBe(before + written.length);
    for (const row of written) expect([row.title, row.name, row.phone, row.address]).not.toContain("");
  });

  const refusals: { what: string; change: Partial<Letter>; field: string; message: string }[] = [
    { what: "an invalid mobile number", change: { phone: "12345" }, field: "phone", message: "请输入 11 位手机号码。" },
    {
      what: "an ID number with a wrong check digit",
      change: { idNumber: "110105194912310021" },
      field: "idNumber",
      message: "身份证号码不正确，请核对。",
    },
    {
      what: "content over 5000 characters",
      change: { content: "路".repeat(5001) },
      field: "content",
      message: "最多 5000 个字。",
    },
  ];
  for (const r of refusals) {
    test(`${r.what} is refused at that field, what was typed stays`, async ({ page }) => {
      const l = letter(r.change);
      await page.goto("/file");
      await waitForHydration(page);
      await fillLetter(page, l);
      await submitLetter(page);
      await expect(alertOf(page)).toHaveText(REFUSED);
      await expect(fieldError(page, r.field)).toHaveText(r.message);
      await expect(page.locator(`#f-${r.field}`)).toHaveAttribute("aria-invalid", "true");
      // Only that field is marked.
      await expect(page.locator('[id$="-error"]')).toHaveCount(1);
      // Everything typed is still there.
      await expect(page.locator("#f-title")).toHaveValue(l.title);
      await expect(page.locator("#f-content")).toHaveValue(l.content);
      await expect(page.locator("#f-name")).toHaveValue(l.name);
      await expect(page.locator("#f-phone")).toHaveValue(l.phone);
      await expect(page.locator("#f-address")).toHaveValue(l.address);
      await expect(page.locator("#f-idNumber")).toHaveValue(l.idNumber);
      await expect(page.locator("#f-email")).toHaveValue(l.email);
      await expect(page.locator("#f-consentPublic")).toBeChecked();
      await expect(page.locator("#f-categoryId option:checked")).toHaveText(l.category);
      await expect(page.locator("#f-placeId option:checked")).toHaveText(l.township);
      expect(countPetitionsMarked(l.name)).toBe(0);
    });
  }

  test("a forged category id (not in the list) is refused by the server: 请从列表中选择。", async ({ page }) => {
    const l = letter();
    await page.goto("/file");
    await waitForHydration(page);
    await fillLetter(page, l);
    // What a forged POST sends: a category that does not exist, bypassing the list.
    await page.locator("#f-categoryId").evaluate((select: HTMLSelectElement) => {
      const option = select.options[select.selectedIndex]!;
      option.value = "cat-does-not-exist";
      select.value = "cat-does-not-exist";
    });
    await expect(page.locator("#f-categoryId")).toHaveValue("cat-does-not-exist");
    await submitLetter(page);
    await expect(alertOf(page)).toHaveText(REFUSED);
    await expect(fieldError(page, "categoryId")).toHaveText("请从列表中选择。");
    await expect(page.locator("#f-title")).toHaveValue(l.title);
    expect(countPetitionsMarked(l.name)).toBe(0);
  });

  test("HTML and script in the title and content are kept as text and never run", async ({ page }) => {
    const script = "<script>window.__pwned=1</script>";
    const payload = `${script}<img src=x onerror="window.__pwned=1">`;
    const l = letter({ title: `标题${script}`, content: `内容说明：${payload} 以上是原样保存的文字。` });
    const { trackingNo, queryCode } = await fileLetter(page, l);
    expect(findPetition(trackingNo)).toMatchObject({ title: l.title, content: l.content });
    await openCase(page, trackingNo, queryCode);
    // Shown literally, as typed.
    await expect(page.getByText(l.title, { exact: true })).toBeVisible();
    await expect(page.getByText(l.content, { exact: true })).toBeVisible();
    // No element was made of it: in the DOM and in the HTML the server sends, it is escaped text.
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.content()).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    const served = await (await page.request.get("/track/case")).text(); // with this browser's cookie
    expect(served).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(served).not.toContain(script);
    expect(served).not.toContain("<img src=x");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // Reload (a full server render, not a client transition) and check again.
    await page.reload();
    await expect(page.getByText(l.content, { exact: true })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});

test.describe.serial("one letter from filing to withdrawal", () => {
  let filed: { trackingNo: string; queryCode: string; letter: Letter };
  const supplement = `补充材料：积水照片已拍摄，时间为每天傍晚。${tag()}`;
  const withdrawReason = `问题已经解决，不再需要办理。${tag()}`;

  test("files online with JavaScript: every field, the receipt with number, code and the warning", async ({ page }) => {
    const l = letter();
    await page.goto("/file");
    await waitForHydration(page);
    // A marker in the page's memory survives only if the page is not reloaded: the action runs in place.
    await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
    await fillLetter(page, l);
    await submitLetter(page);
    filed = { ...(await readReceipt(page)), letter: l };
    await expect(page).toHaveURL(/\/file$/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect(page.getByTestId("receipt")).toContainText(KEEP_IT);
    await expect(page.getByRole("heading", { name: "信件已提交" })).toBeVisible();
    expect(findPetition(filed.trackingNo)).toMatchObject({
      title: l.title,
      content: l.content,
      name: l.name,
      phone: l.phone,
      idNumber: l.idNumber,
      email: l.email,
      address: l.address,
      consentPublic: 1,
      state: "SUBMITTED",
    });
    expect(eventTypes(filed.trackingNo)).toEqual(["SUBMITTED"]);
  });

  test("a wrong code and an unknown number get the same message; the code is never echoed", async ({ page }) => {
    const wrongCode = filed.queryCode.startsWith("A") ? "BBBB-BBBB-BBBB" : "AAAA-AAAA-AAAA";
    expect(await lookUp(page, filed.trackingNo, wrongCode)).toBe(WRONG_PAIR);
    await expect(page).toHaveURL(/\/track$/);
    expect(page.url()).not.toContain(wrongCode);
    // The number is kept for correcting the code; the code field is empty and the code is nowhere in the page.
    await expect(page.locator("#f-trackingNo")).toHaveValue(filed.trackingNo);
    await expect(page.locator("#f-queryCode")).toHaveValue("");
    expect(await page.content()).not.toContain(wrongCode);

    // An unknown number, with the right code of another case: word for word the same answer.
    expect(await lookUp(page, "XF2026999999", filed.queryCode)).toBe(WRONG_PAIR);
    expect(page.url()).not.toContain(filed.queryCode);
    await expect(page.locator("#f-queryCode")).toHaveValue("");
    expect(await page.content()).not.toContain(filed.queryCode);
  });

  test("the right code opens the petitioner view: 待受理 and the SUBMITTED event", async ({ page }) => {
    await openCase(page, filed.trackingNo, filed.queryCode);
    const url = page.url();
    expect(url).not.toContain(filed.queryCode);
    expect(url).not.toContain(filed.queryCode.replace(/-/g, ""));
    expect(new URL(url).search).toBe("");
    await expect(page.getByTestId("state")).toHaveText("待受理");
    const submitted = page.getByTestId("timeline").locator('li[data-event-type="SUBMITTED"]');
    await expect(submitted).toHaveCount(1);
    await expect(submitted).toContainText("信件已提交");
    await expect(page.getByText(filed.letter.title, { exact: true })).toBeVisible();
    await expect(page.getByText(filed.letter.content, { exact: true })).toBeVisible();
    expect(await page.content()).not.toContain(filed.queryCode);
  });

  test("补充材料 appears in the timeline", async ({ page }) => {
    await openCase(page, filed.trackingNo, filed.queryCode);
    await page.getByLabel("补充材料").fill(supplement);
    await page.getByRole("button", { name: "提交补充材料" }).click();
    await expect(page.getByRole("status")).toHaveText("补充材料已提交。");
    const added = page.getByTestId("timeline").locator('li[data-event-type="SUPPLEMENTED"]');
    await expect(added).toHaveCount(1);
    await expect(added).toContainText("信访人补充材料");
    await expect(added).toContainText(supplement);
    await expect(page.getByTestId("state")).toHaveText("待受理");
    expect(eventTypes(filed.trackingNo)).toEqual(["SUBMITTED", "SUPPLEMENTED"]);
  });

  test("撤回 needs the confirmation box; with it the letter is withdrawn and the forms are gone", async ({ page }) => {
    await openCase(page, filed.trackingNo, filed.queryCode);
    const withdraw = page.getByRole("button", { name: "撤回信件" });
    const confirm = page.getByLabel("我确认撤回这封信件");

    await page.getByLabel("撤回原因（选填）").fill(withdrawReason);
    await withdraw.click();
    await expect(page.getByText("请勾选确认。")).toBeVisible();
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("撤回原因（选填）")).toHaveValue(withdrawReason);
    await expect(page.getByTestId("state")).toHaveText("待受理");
    expect(findPetition(filed.trackingNo)?.state).toBe("SUBMITTED");
    expect(eventTypes(filed.trackingNo)).toEqual(["SUBMITTED", "SUPPLEMENTED"]);

    await confirm.check();
    await withdraw.click();
    await expect(page.getByTestId("state")).toHaveText("已撤回");
    await expect(page.getByTestId("timeline").locator('li[data-event-type="WITHDRAWN"]')).toContainText("信访人撤回");
    await expect(page.getByTestId("timeline").locator('li[data-event-type="WITHDRAWAL_REASON"]')).toContainText(
      withdrawReason,
    );
    await expect(page.getByRole("button", { name: "撤回信件" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "提交补充材料" })).toHaveCount(0);
    await expect(page.getByLabel("补充材料")).toHaveCount(0);
    expect(findPetition(filed.trackingNo)?.state).toBe("WITHDRAWN");

    // Still so after a fresh server render.
    await page.reload();
    await expect(page.getByTestId("state")).toHaveText("已撤回");
    await expect(page.getByRole("button", { name: "撤回信件" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "提交补充材料" })).toHaveCount(0);
  });

  test("the public page shows the state, public events and head hash — and none of the personal data", async ({
    page,
    request,
  }) => {
    const l = filed.letter;
    const response = await page.goto(`/cases/${filed.trackingNo}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("state")).toHaveText("已撤回");
    const timeline = page.getByTestId("timeline");
    await expect(timeline.locator('li[data-event-type="SUBMITTED"]')).toContainText("信件已提交");
    await expect(timeline.locator('li[data-event-type="WITHDRAWN"]')).toContainText("信访人撤回");
    // Only public events: the supplement and the withdrawal reason are for the petitioner and staff.
    await expect(timeline.locator("li")).toHaveCount(2);
    const headHash = (await page.getByTestId("head-hash").innerText()).trim();
    expect(headHash).toMatch(/^[0-9a-f]{64}$/);

    const secrets: Record<string, string> = {
      name: l.name,
      phone: l.phone,
      idNumber: l.idNumber,
      idNumberLower: l.idNumber.toLowerCase(),
      address: l.address,
      email: l.email,
      title: l.title,
      content: l.content,
      contentStart: l.content.slice(0, 12),
      supplement,
      withdrawReason,
      queryCode: filed.queryCode,
    };
    const text = await page.locator("body").innerText();
    const html = await page.content();
    const raw = await (await request.get(`/cases/${filed.trackingNo}`)).text();
    for (const [where, output] of Object.entries({ text, html, raw })) {
      for (const [what, secret] of Object.entries(secrets)) {
        expect(output.includes(secret), `${what} in the public page's ${where}`).toBe(false);
      }
    }
    // And no personal data of any kind (phone, ID, e-mail patterns; the name and address as typed).
    // The head hash is hex and could contain a digit run that looks like a phone number: left out.
    expect(scanPersonalData(text.replace(headHash, ""), { names: [l.name], addresses: [l.address] })).toEqual([]);

    const chain = await request.get(`/api/cases/${filed.trackingNo}/chain`);
    expect(chain.status()).toBe(200);
    const verdict = (await chain.json()) as { ok: boolean; length: number; headHash: string };
    const events = eventTypes(filed.trackingNo);
    expect(events).toEqual(["SUBMITTED", "SUPPLEMENTED", "WITHDRAWN", "WITHDRAWAL_REASON"]);
    expect(verdict.ok).toBe(true);
    expect(verdict.headHash).toBe(headHash);
    expect(verdict.length).toBe(events.length);
    await expect(page.getByText(`${events.length} 条记录`)).toBeVisible();
    // The chain answer holds nothing personal either.
    const chainText = JSON.stringify(verdict);
    for (const secret of Object.values(secrets)) expect(chainText).not.toContain(secret);
  });
});

test.describe("查询 rate limit (10 tries / 15 min)", () => {
  test("per tracking number: after 10 wrong codes from different addresses, the right code is refused too", async ({
    page,
  }) => {
    const { trackingNo, queryCode } = await fileLetter(page);
    for (let i = 1; i <= 10; i++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.78.${test.info().workerIndex % 256}.${i}` });
      expect(await lookUp(page, trackingNo, "2222-2222-2222"), `try ${i}`).toBe(WRONG_PAIR);
    }
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.78.${test.info().workerIndex % 256}.200` });
    expect(await lookUp(page, trackingNo, queryCode)).toMatch(RATE_LIMITED);
    await expect(page).toHaveURL(/\/track$/);
    // It is the case that is blocked, not that address: it may still look up another number.
    expect(await lookUp(page, "XF2026999998", "2222-2222-2222")).toBe(WRONG_PAIR);
  });

  test("per client address: after 10 wrong tries, the right pair of another case is refused from that address", async ({
    page,
  }) => {
    const { trackingNo, queryCode } = await fileLetter(page);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.79.${test.info().workerIndex % 256}.1` });
    for (let i = 1; i <= 10; i++) {
      expect(await lookUp(page, `XF2026${String(990000 + i)}`, "2222-2222-2222"), `try ${i}`).toBe(WRONG_PAIR);
    }
    expect(await lookUp(page, trackingNo, queryCode)).toMatch(RATE_LIMITED);
    // From another address the same pair still opens the case: the case itself was not blocked.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.79.${test.info().workerIndex % 256}.2` });
    await openCase(page, trackingNo, queryCode);
  });
});

test.describe("public case page for numbers that do not exist", () => {
  for (const no of ["XF2026999999", "abc"]) {
    test(`/cases/${no} is a 404 with 没有找到这封信件`, async ({ page, request }) => {
      const response = await page.goto(`/cases/${no}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "没有找到这封信件" })).toBeVisible();
      expect((await request.get(`/api/cases/${no}/chain`)).status()).toBe(404);
    });
  }
});
