-- MicroOrm migration 2: Version2
-- Written for MariaDB 10.6+. Each step is one statement; a failed run resumes at the step that failed.

-- step 1: Create table `mig_products`
CREATE TABLE IF NOT EXISTS `mig_products` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `shop_id` INT NOT NULL,
  `title` VARCHAR(40) NOT NULL,
  `price` DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_mig_products_shop_id` FOREIGN KEY (`shop_id`) REFERENCES `mig_shops` (`id`) ON DELETE CASCADE,
  CONSTRAINT `ck_mig_products_price` CHECK (`price` >= 0 AND `price` <= 100000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
