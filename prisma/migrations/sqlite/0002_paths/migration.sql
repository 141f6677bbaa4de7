-- AlterTable
ALTER TABLE "PathTurn" ADD COLUMN "availableFromTurn" INTEGER;
ALTER TABLE "PathTurn" ADD COLUMN "dependsOnTurn" INTEGER;
ALTER TABLE "PathTurn" ADD COLUMN "missing" JSONB;
ALTER TABLE "PathTurn" ADD COLUMN "withheld" JSONB;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Recipe" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Recipe_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Recipe" ("config", "createdAt", "id", "name", "projectId") SELECT "config", "createdAt", "id", "name", "projectId" FROM "Recipe";
DROP TABLE "Recipe";
ALTER TABLE "new_Recipe" RENAME TO "Recipe";
CREATE UNIQUE INDEX "Recipe_projectId_name_key" ON "Recipe"("projectId", "name");
CREATE TABLE "new_Path" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL DEFAULT 0,
    "origin" TEXT NOT NULL DEFAULT 'sampled',
    "name" TEXT NOT NULL DEFAULT '',
    "recipeId" TEXT,
    "seed" TEXT,
    "recipe" JSONB,
    "history" JSONB NOT NULL,
    "stopReason" TEXT,
    "turnCount" INTEGER NOT NULL DEFAULT 0,
    "callCount" INTEGER NOT NULL DEFAULT 0,
    "functionIndex" TEXT NOT NULL DEFAULT '',
    "operationIndex" TEXT NOT NULL DEFAULT '',
    "kindIndex" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Path_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Path_recipeId_fkey" FOREIGN KEY ("recipeId") REFERENCES "Recipe" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Path" ("createdAt", "history", "id", "projectId", "recipe", "recipeId", "seed", "stopReason", "updatedAt", "version") SELECT "createdAt", "history", "id", "projectId", "recipe", "recipeId", "seed", "stopReason", "updatedAt", "version" FROM "Path";
DROP TABLE "Path";
ALTER TABLE "new_Path" RENAME TO "Path";
CREATE INDEX "Path_projectId_createdAt_idx" ON "Path"("projectId", "createdAt");
CREATE INDEX "Path_projectId_ordinal_idx" ON "Path"("projectId", "ordinal");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
