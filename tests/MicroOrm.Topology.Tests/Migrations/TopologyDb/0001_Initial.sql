-- MicroOrm migration 1: Initial
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Create table `accounts`
CREATE TABLE IF NOT EXISTS `accounts` (
  `id` INT NOT NULL,
  `balance` BIGINT NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- step 2: Create table `ledger`
CREATE TABLE IF NOT EXISTS `ledger` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `unit_id` VARCHAR(40) NOT NULL,
  `account` INT NOT NULL,
  `amount` INT NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_ledger_unit_id` (`unit_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- step 3: Create table `notes`
CREATE TABLE IF NOT EXISTS `notes` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `text` VARCHAR(100) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
