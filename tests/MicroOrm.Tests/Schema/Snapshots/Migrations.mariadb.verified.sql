-- version 1
-- Create table `mig_shops` [NotApplicable]
CREATE TABLE IF NOT EXISTS `mig_shops` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(100) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
-- version 2
-- Create table `mig_products` [NotApplicable]
CREATE TABLE IF NOT EXISTS `mig_products` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `shop_id` INT NOT NULL,
  `title` VARCHAR(40) NOT NULL,
  `price` DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_mig_products_shop_id` FOREIGN KEY (`shop_id`) REFERENCES `mig_shops` (`id`) ON DELETE CASCADE,
  CONSTRAINT `ck_mig_products_price` CHECK (`price` >= 0 AND `price` <= 100000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
-- version 3
-- Add column `mig_shops`.`city` (VARCHAR(80) NULL) [Instant]
ALTER TABLE `mig_shops` ADD COLUMN `city` VARCHAR(80) NULL;
-- Add index `mig_shops`.`ix_mig_shops_city` on (city) [Inplace]
ALTER TABLE `mig_shops` ADD KEY `ix_mig_shops_city` (`city`);
-- version 4
-- Rename column `mig_products`.`title` to `label` [Instant]
ALTER TABLE `mig_products` RENAME COLUMN `title` TO `label`;
-- Change column `mig_products`.`label` from varchar(40) to varchar(60) [Instant]
ALTER TABLE `mig_products` MODIFY COLUMN `label` VARCHAR(60) NOT NULL;
-- version 5
-- Drop index `mig_shops`.`ix_mig_shops_city` [Inplace]
ALTER TABLE `mig_shops` DROP INDEX `ix_mig_shops_city`;
-- Change column `mig_shops`.`name` from varchar(100) to varchar(50), which may not hold every value it has [Copy, loses data]
ALTER TABLE `mig_shops` MODIFY COLUMN `name` VARCHAR(50) NOT NULL;
-- Drop column `mig_shops`.`city` and its values [Instant, loses data]
ALTER TABLE `mig_shops` DROP COLUMN `city`;
