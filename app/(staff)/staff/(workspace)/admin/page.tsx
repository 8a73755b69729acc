import type { Metadata } from "next";
import Link from "next/link";
import { requireViewerPage } from "@/lib/auth/viewer";
import { findAdminOverview, type AdminUnitNode } from "@/lib/data/admin";
import { findSettingsForAdmin } from "@/lib/data/settings";
import { SettingForm } from "@/components/staff/settings-form";
import { now } from "@/lib/clock";
import { formatDateTime, type Translate } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("staffAdmin.title") };
}

// 管理: admins only; anyone else is sent to their workspace. The units and accounts (read-only) and the settings.
export default async function AdminPage() {
  const viewer = await requireViewerPage(["admin"]);
  const [{ t }, overview, settings] = await Promise.all([
    getT(),
    findAdminOverview(viewer),
    findSettingsForAdmin(viewer),
  ]);
  const at = now().getTime();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("staffAdmin.title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("staffAdmin.lead")}</p>
      </header>

      <Card>
        <p>
          <Link
            href="/staff/admin/import"
            className="font-semibold text-brand-700 underline"
            data-testid="admin-import"
          >
            {t("import.adminLink")}
          </Link>
        </p>
        <p className="mt-1 text-sm text-stone-700">{t("import.adminLinkHint")}</p>
      </Card>

      <Card title={t("settings.title")}>
        <p className="mb-4 max-w-3xl text-sm text-stone-700">{t("settings.lead")}</p>
        <ul className="space-y-5" data-testid="admin-settings">
          {settings.map((s) => (
            <li key={s.key} className="space-y-1 border-b border-stone-200 pb-4 last:border-0">
              <SettingForm settingKey={s.key} input={s.input} value={s.value} />
              <p className="text-sm text-stone-600">
                {t("settings.defaultValue", { value: shown(s.input.kind, s.defaultValue, t) })} ·{" "}
                {s.changedAt ? t("settings.changedAt", { date: formatDateTime(s.changedAt) }) : t("settings.never")}
              </p>
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t("staffAdmin.units")}>
        <p className="mb-3 text-sm text-stone-600">{t("staffAdmin.unitCount", { count: overview.unitCount })}</p>
        <UnitList nodes={overview.unitTree} t={t} top />
      </Card>

      <Card title={t("staffAdmin.users")}>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="admin-users">
            <caption className="mb-2 text-left text-stone-600">
              {t("staffAdmin.userCount", { count: overview.users.length })}
            </caption>
            <thead>
              <tr className="border-b-2 border-stone-300">
                {(["username", "displayName", "role", "unit", "status", "lockedUntil"] as const).map((k) => (
                  <th key={k} scope="col" className="px-2 py-2 font-semibold">
                    {t(`staffAdmin.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.users.map((u) => {
                const locked = u.lockedUntil && u.lockedUntil.getTime() > at ? u.lockedUntil : null;
                return (
                  <tr key={u.id} className="border-b border-stone-200">
                    <th scope="row" className="px-2 py-1.5 font-mono font-normal">
                      {u.username}
                    </th>
                    <td className="px-2 py-1.5">{u.displayName}</td>
                    <td className="px-2 py-1.5">{t(`staffShell.role.${u.role}`)}</td>
                    <td className="px-2 py-1.5">{u.unit.name}</td>
                    <td className="px-2 py-1.5">
                      {u.active ? (
                        t("staffAdmin.active")
                      ) : (
                        <strong className="text-red-800">{t("staffAdmin.inactive")}</strong>
                      )}
                    </td>
                    <td className="px-2 py-1.5">
                      {locked ? (
                        <strong className="text-red-800">{formatDateTime(locked)}</strong>
                      ) : (
                        t("staffAdmin.notLocked")
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

/** Nested lists: the hierarchy reaches assistive technology as list levels, not as indentation alone. */
function UnitList({ nodes, t, top = false }: { nodes: AdminUnitNode[]; t: Translate; top?: boolean }) {
  return (
    <ul
      className={top ? "space-y-1" : "mt-1 space-y-1 border-l border-stone-300 pl-5"}
      data-testid={top ? "admin-units" : undefined}
    >
      {nodes.map((u) => (
        <li key={u.id}>
          <span className="font-medium">{u.name}</span>{" "}
          <span className="font-mono text-sm text-stone-600">{u.code}</span>{" "}
          <span className="text-sm text-stone-700">
            <span className="sr-only">{t("staffAdmin.kindLabel")}：</span>（{t(`staffAdmin.kind.${u.kind}`)}）
          </span>
          {u.active ? null : <strong className="ml-2 text-sm text-red-800">{t("staffAdmin.inactiveUnit")}</strong>}
          {u.children.length > 0 ? <UnitList nodes={u.children as AdminUnitNode[]} t={t} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A setting's value as the admin reads it: 开启 / 关闭 for a switch, the number otherwise. */
function shown(kind: "number" | "boolean", value: string, t: Translate): string {
  if (kind === "number") return value;
  return value === "true" ? t("settings.on") : t("settings.off");
}
