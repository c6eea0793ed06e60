-- AlterTable
ALTER TABLE "CorrectionRequest" ADD COLUMN     "decisionNote" TEXT;

-- CreateIndex
CREATE INDEX "CorrectionRequest_assessmentId_status_idx" ON "CorrectionRequest"("assessmentId", "status");

-- One PENDING correction request per assessment at a time (lib/corrections/service.ts checks it
-- too, under the assessment's row lock; this index holds even if a writer forgets). A partial
-- unique index: Prisma's schema cannot express it, and its schema diff does not see it.
CREATE UNIQUE INDEX "CorrectionRequest_one_pending" ON "CorrectionRequest"("assessmentId") WHERE status = 'PENDING';

-- The three decisions a request can end in; anything else is refused by the database.
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_status_check" CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'));
