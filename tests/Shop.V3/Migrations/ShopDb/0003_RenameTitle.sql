-- MicroOrm migration 3: RenameTitle
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Rename column `products`.`title` to `label`
-- algorithm: INSTANT
ALTER TABLE `products` RENAME COLUMN `title` TO `label`;

-- step 2: Change column `products`.`label` from varchar(40) to varchar(60)
-- algorithm: INSTANT
ALTER TABLE `products` MODIFY COLUMN `label` VARCHAR(60) NOT NULL;
