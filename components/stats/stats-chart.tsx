"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

// One chart of the statistics page (app/[locale]/stats): drawn in the browser by Recharts from the rows its data table
// shows beneath it (components/stats/data-table.tsx) — the table is the accessible, copyable form; the chart is hidden
// from screen readers, which read the table. Labels arrive translated from the server: no catalog here.

/** A row of a chart: its label (a month, a category, a figure) and a value per series. */
export type ChartRow = { label: string } & Record<string, string | number | null>;
export type ChartSeries = { key: string; name: string };

export type ChartSpec =
  | { kind: "stackedBars" | "bars"; rows: ChartRow[]; series: ChartSeries[] }
  | { kind: "lines"; rows: ChartRow[]; series: ChartSeries[]; percent: true }
  | { kind: "pie"; rows: ChartRow[]; series: [ChartSeries] };

// Colour-blind-safe (Okabe–Ito), with enough contrast on white.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"];
const colour = (i: number) => COLOURS[i % COLOURS.length]!;
const HEIGHT = 280;

export function StatsChart({ spec }: { spec: ChartSpec }) {
  return (
    <div aria-hidden="true" className="h-[280px] w-full" data-chart={spec.kind}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        {spec.kind === "pie" ? (
          <PieChart>
            <Pie
              data={spec.rows}
              dataKey={spec.series[0].key}
              nameKey="label"
              outerRadius={100}
              isAnimationActive={false}
            >
              {spec.rows.map((row, i) => (
                <Cell key={row.label} fill={colour(i)} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        ) : spec.kind === "lines" ? (
          <LineChart data={spec.rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip />
            <Legend />
            {spec.series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={colour(i)}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={spec.rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {spec.series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={colour(i)}
                stackId={spec.kind === "stackedBars" ? "all" : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
