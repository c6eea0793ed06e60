-- Vietnamese alphabetical order (Ă, Â, Đ, Ê, Ô, Ơ, Ư and tones sort as Vietnamese readers expect):
-- names of units and organisations use the ICU Vietnamese collation.
ALTER TABLE "AdminUnit" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-VN-x-icu";
ALTER TABLE "AdminUnit" ALTER COLUMN "fullName" TYPE TEXT COLLATE "vi-VN-x-icu";
ALTER TABLE "Organisation" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-VN-x-icu";
