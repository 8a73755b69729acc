-- The figures' summary gains the handling unit and the statistics' metrics (lib/domain/figures.ts). The counters
-- are derived data: the table is made anew empty, and the application rebuilds it from the cases on its first read
-- (lib/data/figures.ts ensureFigures), with the same rule that keeps it current.
DROP TABLE "FigureCell";
CREATE TABLE "FigureCell" (
    "month" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("month", "unitId", "metric")
);
