// `npm run verify -- --site URL [--case XF…] [--state FILE]`: checks the portal's audit log from its public site alone
// (lib/verify/site-verifier.ts; docs/verify.md): every checkpoint's signature and link, the log against every signed
// root, the consistency proofs, and each case's chain, history and inclusion proof. It keeps what it saw in the state
// file (default: verify-state.json here), as a monitor does, so that the next run notices a history that shrank or
// changed. Exit code 0: all checked; 1: a failure, printed exactly; 2: bad arguments or an unreachable site.
//
//   npm run verify -- --site https://xf.example.gov.cn
//   npm run verify -- --site http://localhost:3000 --case XF2026000123 --state ~/monitor/county.json
import fs from "node:fs";
import path from "node:path";
import { EMPTY_STATE, reportText, verifySite, type MonitorState } from "../lib/verify/site-verifier";

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

async function main() {
  const site = arg("site");
  if (!site || !/^https?:\/\//.test(site)) {
    console.error("usage: npm run verify -- --site URL [--case XF…] [--state FILE]");
    process.exit(2);
  }
  const cases = process.argv.flatMap((a, i) => (process.argv[i - 1] === "--case" ? [a.trim().toUpperCase()] : []));
  const stateFile = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg("state") ?? "verify-state.json");
  const previous: MonitorState = fs.existsSync(stateFile)
    ? JSON.parse(fs.readFileSync(stateFile, "utf8"))
    : EMPTY_STATE;
  const base = site.replace(/\/+$/, "");
  const report = await verifySite(
    async (p) => {
      const r = await fetch(`${base}${p}`, { headers: { accept: "application/json" } });
      return { status: r.status, json: () => r.json() };
    },
    previous,
    cases.length > 0 ? cases : null,
  );
  console.log(`${base}: ${reportText(report)}`);
  if (report.ok) fs.writeFileSync(stateFile, JSON.stringify(report.state));
  process.exit(report.ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`could not verify: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
