-- The public figures as monthly counters, kept current by the transactions that change cases
-- (lib/data/figures.ts). Existing databases: the counters are rebuilt from the cases below, with the
-- same rule as lib/domain/figures.ts (figureCellsOf); months are Asia/Shanghai (UTC+8, no DST).
CREATE TABLE "FigureCell" (
    "month" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("month", "metric")
);
