-- MicroOrm migration 5: Version5
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Drop index `mig_shops`.`ix_mig_shops_city`
-- algorithm: INPLACE
ALTER TABLE `mig_shops` DROP INDEX `ix_mig_shops_city`;

-- step 2: Change column `mig_shops`.`name` from varchar(100) to varchar(50), which may not hold every value it has
-- algorithm: COPY (the server copies the table and blocks writes meanwhile: on a large table, plan for it)
-- LOSES DATA
ALTER TABLE `mig_shops` MODIFY COLUMN `name` VARCHAR(50) NOT NULL;

-- step 3: Drop column `mig_shops`.`city` and its values
-- algorithm: INSTANT
-- LOSES DATA
ALTER TABLE `mig_shops` DROP COLUMN `city`;
