-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "metMask" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CommuneYearSummary" (
    "provinceId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL DEFAULT 0,
    "year" INTEGER NOT NULL,
    "setId" INTEGER NOT NULL,
    "assessed" INTEGER NOT NULL DEFAULT 0,
    "reached" INTEGER NOT NULL DEFAULT 0,
    "recognised" INTEGER NOT NULL DEFAULT 0,
    "advanced" INTEGER NOT NULL DEFAULT 0,
    "model" INTEGER NOT NULL DEFAULT 0,
    "criteriaSum" INTEGER NOT NULL DEFAULT 0,
    "band0" INTEGER NOT NULL DEFAULT 0,
    "band1" INTEGER NOT NULL DEFAULT 0,
    "band2" INTEGER NOT NULL DEFAULT 0,
    "band3" INTEGER NOT NULL DEFAULT 0,
    "band4" INTEGER NOT NULL DEFAULT 0,
    "pubAssessed" INTEGER NOT NULL DEFAULT 0,
    "pubReached" INTEGER NOT NULL DEFAULT 0,
    "pubCriteriaSum" INTEGER NOT NULL DEFAULT 0,
    "pubBand0" INTEGER NOT NULL DEFAULT 0,
    "pubBand1" INTEGER NOT NULL DEFAULT 0,
    "pubBand2" INTEGER NOT NULL DEFAULT 0,
    "pubBand3" INTEGER NOT NULL DEFAULT 0,
    "pubBand4" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommuneYearSummary_pkey" PRIMARY KEY ("provinceId","districtId","year","setId")
);

-- CreateTable
CREATE TABLE "CriterionYearSummary" (
    "provinceId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL DEFAULT 0,
    "year" INTEGER NOT NULL,
    "setId" INTEGER NOT NULL,
    "criterionNumber" INTEGER NOT NULL,
    "met" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CriterionYearSummary_pkey" PRIMARY KEY ("provinceId","districtId","year","setId","criterionNumber")
);

-- CreateIndex
CREATE INDEX "CommuneYearSummary_year_setId_idx" ON "CommuneYearSummary"("year", "setId");

-- CreateIndex
CREATE INDEX "CriterionYearSummary_year_setId_idx" ON "CriterionYearSummary"("year", "setId");
