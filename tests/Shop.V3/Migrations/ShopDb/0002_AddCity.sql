-- MicroOrm migration 2: AddCity
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Add column `shops`.`city` (VARCHAR(80) NULL)
-- algorithm: INSTANT
ALTER TABLE `shops` ADD COLUMN `city` VARCHAR(80) NULL;

-- step 2: Add index `shops`.`ix_shops_city` on (city)
-- algorithm: INPLACE
ALTER TABLE `shops` ADD KEY `ix_shops_city` (`city`);
