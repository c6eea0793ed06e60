-- CreateEnum
CREATE TYPE "LoginOutcome" AS ENUM ('PENDING', 'FAILED', 'SUCCEEDED', 'BLOCKED', 'CLEARED');

-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil",
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "outcome" "LoginOutcome" NOT NULL DEFAULT 'PENDING',

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_address_at_idx" ON "LoginAttempt"("address", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_at_idx" ON "LoginAttempt"("at");

-- Demo accounts share the password published in the README: outside demo mode (DEMO_MODE=0)
-- they must choose their own before anything else (lib/users/rules.ts passwordChangeRequired).
UPDATE "User" SET "mustChangePassword" = true WHERE "isDemo" AND "passwordChangedAt" IS NULL;
