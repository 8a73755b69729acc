import Link from "next/link";
import { Field, inputClass } from "@/components/ui/field";

type Option = { value: string; label: string };

export type QueueFilterFormProps = {
  tab: string;
  values: { category?: string; channel?: string; township?: string; from?: string; to?: string; q?: string };
  options: { categories: readonly Option[]; channels: readonly Option[]; townships: readonly Option[] };
  /** Field errors by field name ("from", "to", "q"). */
  errors: Partial<Record<"from" | "to" | "q", string>>;
  resetHref: string;
  text: {
    legend: string;
    category: string;
    channel: string;
    township: string;
    from: string;
    to: string;
    search: string;
    searchHint: string;
    any: string;
    apply: string;
    reset: string;
  };
};

// The labelled controls reuse the shared Field (label, hint and error wired to aria-describedby).
function Select({
  name,
  label,
  value,
  options,
  any,
}: {
  name: string;
  label: string;
  value?: string;
  options: readonly Option[];
  any: string;
}) {
  return (
    <Field name={name} label={label}>
      {(a) => (
        <select {...a} name={name} defaultValue={value ?? ""} className={inputClass}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Input({
  name,
  label,
  type,
  value,
  error,
  hint,
}: {
  name: "from" | "to" | "q";
  label: string;
  type: "date" | "search";
  value?: string;
  error?: string;
  hint?: string;
}) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(a) => <input {...a} name={name} type={type} defaultValue={value ?? ""} className={inputClass} />}
    </Field>
  );
}

/** The queue's filters: a GET form, so the address says what is shown and it works without JavaScript. */
export function QueueFilterForm({ tab, values, options, errors, resetHref, text }: QueueFilterFormProps) {
  return (
    <form
      method="get"
      action="/staff"
      role="search"
      className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="queue-filters"
    >
      <fieldset>
        <legend className="mb-3 text-lg font-semibold text-stone-900">{text.legend}</legend>
        <input type="hidden" name="tab" value={tab} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Select
            name="category"
            label={text.category}
            value={values.category}
            options={options.categories}
            any={text.any}
          />
          <Select
            name="channel"
            label={text.channel}
            value={values.channel}
            options={options.channels}
            any={text.any}
          />
          <Select
            name="township"
            label={text.township}
            value={values.township}
            options={options.townships}
            any={text.any}
          />
          <Input name="from" type="date" label={text.from} value={values.from} error={errors.from} />
          <Input name="to" type="date" label={text.to} value={values.to} error={errors.to} />
          <Input name="q" type="search" label={text.search} value={values.q} error={errors.q} hint={text.searchHint} />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button
            type="submit"
            className="inline-flex items-center rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {text.apply}
          </button>
          <Link href={resetHref} className="text-blue-800 underline">
            {text.reset}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
