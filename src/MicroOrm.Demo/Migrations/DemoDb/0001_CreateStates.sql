-- MicroOrm migration 1: CreateStates
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Create table `states`
CREATE TABLE IF NOT EXISTS `states` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(128) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
