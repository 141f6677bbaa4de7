-- AlterTable
ALTER TABLE "Recipe" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Path" ADD COLUMN     "callCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "functionIndex" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "kindIndex" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "operationIndex" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "ordinal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'sampled',
ADD COLUMN     "turnCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PathTurn" ADD COLUMN     "availableFromTurn" INTEGER,
ADD COLUMN     "dependsOnTurn" INTEGER,
ADD COLUMN     "missing" JSONB,
ADD COLUMN     "withheld" JSONB;

-- CreateIndex
CREATE INDEX "Path_projectId_ordinal_idx" ON "Path"("projectId", "ordinal");
