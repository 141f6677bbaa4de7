-- AlterTable
ALTER TABLE "Function" ADD COLUMN "executor" JSONB;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN "finishedAt" DATETIME;
ALTER TABLE "Job" ADD COLUMN "startedAt" DATETIME;

-- AlterTable
ALTER TABLE "Trajectory" ADD COLUMN "failure" TEXT;

-- AlterTable
ALTER TABLE "Turn" ADD COLUMN "tools" JSONB;

-- CreateTable
CREATE TABLE "Teacher" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "baseURL" TEXT,
    "model" TEXT NOT NULL,
    "temperature" REAL NOT NULL DEFAULT 0.7,
    "maxTokens" INTEGER,
    "timeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "maxRetries" INTEGER NOT NULL DEFAULT 3,
    "concurrency" INTEGER NOT NULL DEFAULT 8,
    "requestsPerMinute" INTEGER,
    "tokensPerMinute" INTEGER,
    "inputCostPerMTok" INTEGER NOT NULL DEFAULT 0,
    "outputCostPerMTok" INTEGER NOT NULL DEFAULT 0,
    "apiKeyEnv" TEXT,
    "apiKeyCipher" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Teacher_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromptTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PromptTemplate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "name" TEXT NOT NULL DEFAULT '',
    "teacher" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "cacheHits" INTEGER NOT NULL DEFAULT 0,
    "tokensIn" BIGINT NOT NULL DEFAULT 0,
    "tokensOut" BIGINT NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Run_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("config", "costMicros", "createdAt", "error", "failed", "finishedAt", "id", "kind", "projectId", "startedAt", "status", "succeeded", "teacher", "tokensIn", "tokensOut", "total") SELECT "config", "costMicros", "createdAt", "error", "failed", "finishedAt", "id", "kind", "projectId", "startedAt", "status", "succeeded", "teacher", "tokensIn", "tokensOut", "total" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE INDEX "Run_projectId_createdAt_idx" ON "Run"("projectId", "createdAt");
CREATE TABLE "new_LlmExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT,
    "jobId" TEXT,
    "teacher" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "response" JSONB,
    "error" TEXT,
    "tokensIn" INTEGER NOT NULL DEFAULT 0,
    "tokensOut" INTEGER NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "cached" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LlmExchange_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LlmExchange" ("createdAt", "error", "id", "jobId", "latencyMs", "operation", "request", "requestHash", "response", "runId", "teacher", "tokensIn", "tokensOut") SELECT "createdAt", "error", "id", "jobId", "latencyMs", "operation", "request", "requestHash", "response", "runId", "teacher", "tokensIn", "tokensOut" FROM "LlmExchange";
DROP TABLE "LlmExchange";
ALTER TABLE "new_LlmExchange" RENAME TO "LlmExchange";
CREATE INDEX "LlmExchange_requestHash_idx" ON "LlmExchange"("requestHash");
CREATE INDEX "LlmExchange_runId_idx" ON "LlmExchange"("runId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Teacher_projectId_name_key" ON "Teacher"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PromptTemplate_projectId_operation_version_key" ON "PromptTemplate"("projectId", "operation", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Trajectory_runId_pathId_key" ON "Trajectory"("runId", "pathId");
