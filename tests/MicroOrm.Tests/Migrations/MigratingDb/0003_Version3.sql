-- MicroOrm migration 3: Version3
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Add column `mig_shops`.`city` (VARCHAR(80) NULL)
-- algorithm: INSTANT
ALTER TABLE `mig_shops` ADD COLUMN `city` VARCHAR(80) NULL;

-- step 2: Add index `mig_shops`.`ix_mig_shops_city` on (city)
-- algorithm: INPLACE
ALTER TABLE `mig_shops` ADD KEY `ix_mig_shops_city` (`city`);
