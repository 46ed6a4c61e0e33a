-- MicroOrm migration 4: Version4
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Rename column `mig_products`.`title` to `label`
-- algorithm: INSTANT
ALTER TABLE `mig_products` RENAME COLUMN `title` TO `label`;

-- step 2: Change column `mig_products`.`label` from varchar(40) to varchar(60)
-- algorithm: INSTANT
ALTER TABLE `mig_products` MODIFY COLUMN `label` VARCHAR(60) NOT NULL;
