-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('TINH', 'THANH_PHO_TW', 'HUYEN', 'QUAN', 'THI_XA', 'THANH_PHO_THUOC_TINH', 'THANH_PHO_THUOC_TP', 'XA', 'PHUONG', 'THI_TRAN', 'DAC_KHU');

-- CreateEnum
CREATE TYPE "NtmRegion" AS ENUM ('TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL');

-- CreateEnum
CREATE TYPE "SuccessionKind" AS ENUM ('FULL', 'PARTIAL');

-- CreateEnum
CREATE TYPE "SetLevel" AS ENUM ('COMMUNE', 'COMMUNE_ADVANCED', 'COMMUNE_MODEL', 'DISTRICT', 'DISTRICT_ADVANCED');

-- CreateEnum
CREATE TYPE "GroupingScheme" AS ENUM ('REGION_7', 'COMMUNE_GROUP_3');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('NUMBER', 'PERCENT', 'BOOLEAN');

-- CreateEnum
CREATE TYPE "Comparison" AS ENUM ('GTE', 'LTE', 'EQ');

-- CreateEnum
CREATE TYPE "WorkflowStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'VERIFIED', 'APPRAISED', 'RECOGNISED', 'RETURNED', 'REVOKED');

-- CreateEnum
CREATE TYPE "CriterionStatus" AS ENUM ('MET', 'BASIC', 'NOT_MET');

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('NONE', 'NTM', 'ADVANCED', 'MODEL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PROVINCE_OFFICER', 'DISTRICT_OFFICER', 'COMMUNE_OFFICER', 'DEPARTMENT_OFFICER', 'LEADER', 'EDITOR');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('PEOPLES_COMMITTEE', 'STEERING_COMMITTEE', 'COORDINATION_OFFICE', 'DEPARTMENT', 'MASS_ORGANISATION', 'OTHER');

-- CreateEnum
CREATE TYPE "PublishStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "ProducerKind" AS ENUM ('ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD');

-- CreateEnum
CREATE TYPE "OcopGroup" AS ENUM ('FOOD', 'DRINK', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM');

-- CreateEnum
CREATE TYPE "CouncilLevel" AS ENUM ('DISTRICT', 'PROVINCE', 'CENTRAL');

-- CreateEnum
CREATE TYPE "PlanTarget" AS ENUM ('NTM', 'ADVANCED', 'MODEL');

-- CreateEnum
CREATE TYPE "CapitalSource" AS ENUM ('NSTW_DTPT', 'NSTW_SN', 'NSDP', 'LONG_GHEP', 'TIN_DUNG', 'DOANH_NGHIEP', 'DAN_GOP');

-- CreateTable
CREATE TABLE "AdminUnit" (
    "id" SERIAL NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "type" "UnitType" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameEn" TEXT,
    "slug" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "parentId" INTEGER,
    "provinceId" INTEGER,
    "districtId" INTEGER,
    "region" "NtmRegion",
    "communeGroup" INTEGER,
    "communeGroupIsSample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AdminUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitSuccession" (
    "id" SERIAL NOT NULL,
    "predecessorId" INTEGER NOT NULL,
    "successorId" INTEGER NOT NULL,
    "kind" "SuccessionKind" NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "legalBasis" TEXT NOT NULL,

    CONSTRAINT "UnitSuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Phase" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,

    CONSTRAINT "Phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "phaseId" INTEGER NOT NULL,
    "level" "SetLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decisionDate" DATE,
    "groupingScheme" "GroupingScheme" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" SERIAL NOT NULL,
    "setId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "groupName" TEXT NOT NULL,
    "groupOrder" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "responsibleDepartment" TEXT,
    "isKey" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "kind" "IndicatorKind" NOT NULL,
    "comparison" "Comparison" NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorThreshold" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "region" "NtmRegion",
    "communeGroup" INTEGER,
    "provinceId" INTEGER,
    "value" DECIMAL(14,2),
    "isSample" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "IndicatorThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "setId" INTEGER NOT NULL,
    "status" "WorkflowStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "criteriaMet" INTEGER NOT NULL DEFAULT 0,
    "criteriaTotal" INTEGER NOT NULL DEFAULT 0,
    "reachedStandard" BOOLEAN NOT NULL DEFAULT false,
    "tier" "Tier" NOT NULL DEFAULT 'NONE',
    "councilVotesFor" INTEGER,
    "councilVotesTotal" INTEGER,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "decisionSigner" TEXT,
    "returnComment" TEXT,
    "revocationReason" TEXT,
    "revocationDecision" TEXT,
    "revocationDate" DATE,
    "submittedAt" TIMESTAMP(3),
    "recognisedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionResult" (
    "id" SERIAL NOT NULL,
    "assessmentId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "computedStatus" "CriterionStatus" NOT NULL DEFAULT 'NOT_MET',
    "overrideStatus" "CriterionStatus",
    "overrideReason" TEXT,
    "status" "CriterionStatus" NOT NULL DEFAULT 'NOT_MET',
    "evidenceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "CriterionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" SERIAL NOT NULL,
    "assessmentId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "numberValue" DECIMAL(14,2),
    "boolValue" BOOLEAN,
    "met" BOOLEAN,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" SERIAL NOT NULL,
    "criterionResultId" INTEGER NOT NULL,
    "fileId" INTEGER NOT NULL,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" SERIAL NOT NULL,
    "assessmentId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requestedById" INTEGER NOT NULL,
    "decidedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "CorrectionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "OrgKind" NOT NULL,
    "unitId" INTEGER,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" INTEGER,
    "organisationId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "unitId" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" SERIAL NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "author" TEXT,
    "source" TEXT,
    "sourceUrl" TEXT,
    "categoryId" INTEGER,
    "coverId" INTEGER,
    "status" "PublishStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "unitId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "issuedDate" DATE NOT NULL,
    "meetingDate" DATE,
    "issuingBody" TEXT NOT NULL,
    "signer" TEXT,
    "signerTitle" TEXT,
    "source" TEXT,
    "sourceUrl" TEXT,
    "attachmentId" INTEGER,
    "status" "PublishStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "unitId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeTask" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "assigneeText" TEXT NOT NULL,
    "assigneeOrgId" INTEGER,
    "deadline" DATE,
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "completedAt" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticeTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskProgress" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "fileId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeTaskCriterion" (
    "taskId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,

    CONSTRAINT "NoticeTaskCriterion_pkey" PRIMARY KEY ("taskId","criterionId")
);

-- CreateTable
CREATE TABLE "NoticeTaskUnit" (
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "NoticeTaskUnit_pkey" PRIMARY KEY ("taskId","unitId")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "docType" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuedDate" DATE NOT NULL,
    "effectiveDate" DATE,
    "summary" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "fileId" INTEGER,
    "status" "PublishStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "unitId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentRevision" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "ContentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitDay" (
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VisitDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "SiteSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "SiteSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OcopProducer" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProducerKind" NOT NULL,
    "communeId" INTEGER NOT NULL,
    "address" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "OcopProducer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OcopProduct" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "producerId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "group" "OcopGroup" NOT NULL,
    "subgroup" TEXT,
    "description" TEXT,
    "photoId" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OcopProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OcopEvaluation" (
    "id" SERIAL NOT NULL,
    "productId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "councilLevel" "CouncilLevel" NOT NULL,
    "scoreA" DECIMAL(5,2) NOT NULL,
    "scoreB" DECIMAL(5,2) NOT NULL,
    "scoreC" DECIMAL(5,2) NOT NULL,
    "totalScore" DECIMAL(5,2) NOT NULL,
    "stars" INTEGER NOT NULL,
    "decisionNo" TEXT,
    "decisionDate" DATE,
    "certificateNo" TEXT,
    "expiresAt" DATE,

    CONSTRAINT "OcopEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEntry" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "target" "PlanTarget" NOT NULL,
    "targetDate" DATE,
    "note" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoadmapItem" (
    "id" SERIAL NOT NULL,
    "planEntryId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "targetDate" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "RoadmapItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapitalLine" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "source" "CapitalSource" NOT NULL,
    "project" TEXT,
    "criterionId" INTEGER,
    "planned" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "allocated" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "disbursementDeadline" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapitalLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapitalDisbursement" (
    "id" SERIAL NOT NULL,
    "lineId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "note" TEXT,

    CONSTRAINT "CapitalDisbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" SERIAL NOT NULL,
    "communeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "deviceHash" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "satisfied" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminUnit_parentId_idx" ON "AdminUnit"("parentId");

-- CreateIndex
CREATE INDEX "AdminUnit_provinceId_level_idx" ON "AdminUnit"("provinceId", "level");

-- CreateIndex
CREATE INDEX "AdminUnit_districtId_idx" ON "AdminUnit"("districtId");

-- CreateIndex
CREATE INDEX "AdminUnit_level_validTo_idx" ON "AdminUnit"("level", "validTo");

-- CreateIndex
CREATE UNIQUE INDEX "AdminUnit_level_code_validFrom_key" ON "AdminUnit"("level", "code", "validFrom");

-- CreateIndex
CREATE INDEX "UnitSuccession_successorId_idx" ON "UnitSuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSuccession_predecessorId_successorId_key" ON "UnitSuccession"("predecessorId", "successorId");

-- CreateIndex
CREATE UNIQUE INDEX "Phase_code_key" ON "Phase"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_code_key" ON "CriteriaSet"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_phaseId_level_version_key" ON "CriteriaSet"("phaseId", "level", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_setId_number_key" ON "Criterion"("setId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_criterionId_code_key" ON "Indicator"("criterionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorThreshold_indicatorId_region_communeGroup_province_key" ON "IndicatorThreshold"("indicatorId", "region", "communeGroup", "provinceId");

-- CreateIndex
CREATE INDEX "Assessment_year_status_idx" ON "Assessment"("year", "status");

-- CreateIndex
CREATE INDEX "Assessment_setId_year_idx" ON "Assessment"("setId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_unitId_year_setId_key" ON "Assessment"("unitId", "year", "setId");

-- CreateIndex
CREATE INDEX "CriterionResult_criterionId_status_idx" ON "CriterionResult"("criterionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionResult_assessmentId_criterionId_key" ON "CriterionResult"("assessmentId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_assessmentId_indicatorId_key" ON "IndicatorValue"("assessmentId", "indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_criterionResultId_fileId_key" ON "EvidenceFile"("criterionResultId", "fileId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_unitId_name_key" ON "Organisation"("unitId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_unitId_at_idx" ON "AuditLog"("unitId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_userId_at_idx" ON "AuditLog"("userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_slug_key" ON "Notice"("slug");

-- CreateIndex
CREATE INDEX "Notice_status_publishedAt_idx" ON "Notice"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "NoticeTask_assigneeOrgId_status_idx" ON "NoticeTask"("assigneeOrgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE INDEX "Document_status_publishedAt_idx" ON "Document"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "ContentRevision_entityType_entityId_createdAt_idx" ON "ContentRevision"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OcopProduct_slug_key" ON "OcopProduct"("slug");

-- CreateIndex
CREATE INDEX "OcopProduct_communeId_idx" ON "OcopProduct"("communeId");

-- CreateIndex
CREATE INDEX "OcopEvaluation_productId_year_idx" ON "OcopEvaluation"("productId", "year");

-- CreateIndex
CREATE INDEX "PlanEntry_provinceId_year_idx" ON "PlanEntry"("provinceId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "PlanEntry_year_communeId_target_key" ON "PlanEntry"("year", "communeId", "target");

-- CreateIndex
CREATE UNIQUE INDEX "RoadmapItem_planEntryId_criterionId_key" ON "RoadmapItem"("planEntryId", "criterionId");

-- CreateIndex
CREATE INDEX "CapitalLine_year_unitId_idx" ON "CapitalLine"("year", "unitId");

-- CreateIndex
CREATE INDEX "CapitalDisbursement_lineId_date_idx" ON "CapitalDisbursement"("lineId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_communeId_year_key" ON "Survey"("communeId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_deviceHash_key" ON "SurveyResponse"("surveyId", "deviceHash");

-- AddForeignKey
ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSet" ADD CONSTRAINT "CriteriaSet_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorThreshold" ADD CONSTRAINT "IndicatorThreshold_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorThreshold" ADD CONSTRAINT "IndicatorThreshold_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionResult" ADD CONSTRAINT "CriterionResult_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionResult" ADD CONSTRAINT "CriterionResult_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionResult" ADD CONSTRAINT "CriterionResult_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_criterionResultId_fkey" FOREIGN KEY ("criterionResultId") REFERENCES "CriterionResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_coverId_fkey" FOREIGN KEY ("coverId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeTask" ADD CONSTRAINT "NoticeTask_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeTask" ADD CONSTRAINT "NoticeTask_assigneeOrgId_fkey" FOREIGN KEY ("assigneeOrgId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "NoticeTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeTaskCriterion" ADD CONSTRAINT "NoticeTaskCriterion_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "NoticeTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeTaskCriterion" ADD CONSTRAINT "NoticeTaskCriterion_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeTaskUnit" ADD CONSTRAINT "NoticeTaskUnit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "NoticeTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeTaskUnit" ADD CONSTRAINT "NoticeTaskUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcopProducer" ADD CONSTRAINT "OcopProducer_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcopProduct" ADD CONSTRAINT "OcopProduct_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "OcopProducer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcopProduct" ADD CONSTRAINT "OcopProduct_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcopProduct" ADD CONSTRAINT "OcopProduct_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcopEvaluation" ADD CONSTRAINT "OcopEvaluation_productId_fkey" FOREIGN KEY ("productId") REFERENCES "OcopProduct"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEntry" ADD CONSTRAINT "PlanEntry_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoadmapItem" ADD CONSTRAINT "RoadmapItem_planEntryId_fkey" FOREIGN KEY ("planEntryId") REFERENCES "PlanEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoadmapItem" ADD CONSTRAINT "RoadmapItem_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapitalLine" ADD CONSTRAINT "CapitalLine_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapitalLine" ADD CONSTRAINT "CapitalLine_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapitalDisbursement" ADD CONSTRAINT "CapitalDisbursement_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "CapitalLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
