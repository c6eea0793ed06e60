-- Uploaded files' content in the database, in chunks of 256 KiB, written in the transaction that
-- records the StoredFile row: every instance of the portal serves every file, a backup holds them
-- all, and a failed save leaves no file behind. Files kept on disk before this are loaded into it
-- by the next setup (scripts/lib/uploads-to-database.ts).

-- CreateTable
CREATE TABLE "StoredFileChunk" (
    "fileId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "StoredFileChunk_pkey" PRIMARY KEY ("fileId","seq")
);

-- AddForeignKey
ALTER TABLE "StoredFileChunk" ADD CONSTRAINT "StoredFileChunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept out of line and not compressed: the files are mostly PDFs and images, compressed already.
ALTER TABLE "StoredFileChunk" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
