-- Criteria sets by their legal dates, and thresholds with their sources:
-- each CriteriaSet records when it was in force and which annual reports it judges, with its
-- amendments (QĐ 211/QĐ-TTg of 2024 for the 318 set); indicators and thresholds taken from public
-- sources (prisma/data/ntm_indicators_sourced.csv) keep the source addresses and a confidence.

-- CreateEnum
CREATE TYPE "SourceConfidence" AS ENUM ('ONE_SOURCE', 'TWO_SOURCES');

-- AlterTable
ALTER TABLE "CriteriaSet" ADD COLUMN     "firstReportYear" INTEGER,
ADD COLUMN     "inForceFrom" DATE,
ADD COLUMN     "inForceTo" DATE,
ADD COLUMN     "lastReportYear" INTEGER,
ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "IndicatorThreshold" ADD COLUMN     "confidence" "SourceConfidence",
ADD COLUMN     "source" TEXT;

-- CreateTable
CREATE TABLE "CriteriaSetAmendment" (
    "id" SERIAL NOT NULL,
    "setId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "inForceFrom" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "indicatorsHeld" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CriteriaSetAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSetAmendment_setId_decision_key" ON "CriteriaSetAmendment"("setId", "decision");

-- AddForeignKey
ALTER TABLE "CriteriaSetAmendment" ADD CONSTRAINT "CriteriaSetAmendment_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

