import { Field, inputClass } from "@/components/ui/field";

type Option = { value: string; label: string };

export type ScorecardPeriodFormProps = {
  values: { period: string; from?: string; to?: string };
  /** The current sort, kept when another period is chosen. */
  sort: { column: string; dir: string } | null;
  periods: readonly Option[];
  errors: Partial<Record<"from" | "to", string>>;
  text: { legend: string; period: string; from: string; to: string; rangeHint: string; apply: string };
};

/** The period of 单位考评: a GET form, so the address says what is shown and it works without JavaScript. */
export function ScorecardPeriodForm({ values, sort, periods, errors, text }: ScorecardPeriodFormProps) {
  return (
    <form
      method="get"
      action="/staff/scorecards"
      className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="scorecard-period"
    >
      <fieldset>
        <legend className="mb-3 text-lg font-semibold text-stone-900">{text.legend}</legend>
        {sort ? (
          <>
            <input type="hidden" name="sort" value={sort.column} />
            <input type="hidden" name="dir" value={sort.dir} />
          </>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Field name="period" label={text.period}>
            {(a) => (
              <select {...a} name="period" defaultValue={values.period} className={inputClass}>
                {periods.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="from" label={text.from} hint={text.rangeHint} error={errors.from}>
            {(a) => <input {...a} name="from" type="date" defaultValue={values.from ?? ""} className={inputClass} />}
          </Field>
          <Field name="to" label={text.to} error={errors.to}>
            {(a) => <input {...a} name="to" type="date" defaultValue={values.to ?? ""} className={inputClass} />}
          </Field>
        </div>
        <div className="mt-4">
          <button
            type="submit"
            className="inline-flex items-center rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {text.apply}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
