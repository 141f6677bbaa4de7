-- AlterTable
ALTER TABLE "Function" ADD COLUMN     "executor" JSONB;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "cacheHits" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "requests" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "tokensIn" SET DATA TYPE BIGINT,
ALTER COLUMN "tokensOut" SET DATA TYPE BIGINT,
ALTER COLUMN "costMicros" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "startedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "LlmExchange" ADD COLUMN     "cached" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Trajectory" ADD COLUMN     "failure" TEXT;

-- AlterTable
ALTER TABLE "Turn" ADD COLUMN     "tools" JSONB;

-- CreateTable
CREATE TABLE "Teacher" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "baseURL" TEXT,
    "model" TEXT NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Teacher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromptTemplate" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Teacher_projectId_name_key" ON "Teacher"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PromptTemplate_projectId_operation_version_key" ON "PromptTemplate"("projectId", "operation", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Trajectory_runId_pathId_key" ON "Trajectory"("runId", "pathId");

-- AddForeignKey
ALTER TABLE "Teacher" ADD CONSTRAINT "Teacher_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptTemplate" ADD CONSTRAINT "PromptTemplate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
