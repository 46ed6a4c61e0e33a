-- accounts
create: CREATE TABLE IF NOT EXISTS `accounts` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `owner` VARCHAR(40) NOT NULL,
  `balance` BIGINT NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `accounts` (`owner`, `balance`) VALUES (@p0, @p1)
insert 3 rows: INSERT INTO `accounts` (`owner`, `balance`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5)
insert 3 rows, keys back: INSERT INTO `accounts` (`owner`, `balance`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `accounts` (`owner`, `balance`) VALUES (@p0, @p1) AS `microorm_new` ON DUPLICATE KEY UPDATE `owner` = `microorm_new`.`owner`, `balance` = `microorm_new`.`balance`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `accounts` (`id`, `owner`, `balance`) VALUES (@p0, @p1, @p2)
upsert with key: INSERT INTO `accounts` (`id`, `owner`, `balance`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `owner` = `microorm_new`.`owner`, `balance` = `microorm_new`.`balance`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `accounts` SET `owner` = @p0, `balance` = @p1 WHERE `id` = @p2
delete: DELETE FROM `accounts` WHERE `id` = @p0
find: SELECT `id`, `owner`, `balance` FROM `accounts` WHERE `id` = @p0

-- addresses
create: CREATE TABLE IF NOT EXISTS `addresses` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `street` VARCHAR(256) NOT NULL,
  `user_id` INT NOT NULL,
  `city_id` INT NOT NULL,
  `created_at` DATETIME(6) NOT NULL,
  `updated_at` DATETIME(6) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_addresses_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_addresses_city_id` FOREIGN KEY (`city_id`) REFERENCES `cities` (`id`) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `addresses` (`street`, `user_id`, `city_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4)
insert 3 rows: INSERT INTO `addresses` (`street`, `user_id`, `city_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4), (@p5, @p6, @p7, @p8, @p9), (@p10, @p11, @p12, @p13, @p14)
insert 3 rows, keys back: INSERT INTO `addresses` (`street`, `user_id`, `city_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4), (@p5, @p6, @p7, @p8, @p9), (@p10, @p11, @p12, @p13, @p14) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `addresses` (`street`, `user_id`, `city_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `street` = `microorm_new`.`street`, `user_id` = `microorm_new`.`user_id`, `city_id` = `microorm_new`.`city_id`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `addresses` (`id`, `street`, `user_id`, `city_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
upsert with key: INSERT INTO `addresses` (`id`, `street`, `user_id`, `city_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) AS `microorm_new` ON DUPLICATE KEY UPDATE `street` = `microorm_new`.`street`, `user_id` = `microorm_new`.`user_id`, `city_id` = `microorm_new`.`city_id`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `addresses` SET `street` = @p0, `user_id` = @p1, `city_id` = @p2, `updated_at` = @p3 WHERE `id` = @p4
delete: DELETE FROM `addresses` WHERE `id` = @p0
find: SELECT `id`, `street`, `user_id`, `city_id`, `created_at`, `updated_at` FROM `addresses` WHERE `id` = @p0

-- all_types
create: CREATE TABLE IF NOT EXISTS `all_types` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `flag` TINYINT(1) NOT NULL,
  `s_byte_value` TINYINT NOT NULL,
  `byte_value` TINYINT UNSIGNED NOT NULL,
  `short_value` SMALLINT NOT NULL,
  `u_short_value` SMALLINT UNSIGNED NOT NULL,
  `int_value` INT NOT NULL,
  `u_int_value` INT UNSIGNED NOT NULL,
  `long_value` BIGINT NOT NULL,
  `u_long_value` BIGINT UNSIGNED NOT NULL,
  `float_value` DOUBLE NOT NULL,
  `double_value` DOUBLE NOT NULL,
  `price` DECIMAL(18,4) NOT NULL,
  `huge` DECIMAL(65,30) NOT NULL,
  `text` VARCHAR(100) NOT NULL,
  `long_text` MEDIUMTEXT NOT NULL,
  `letter` VARCHAR(1) NOT NULL,
  `blob` VARBINARY(256) NOT NULL,
  `big_blob` LONGBLOB NOT NULL,
  `guid_value` CHAR(36) NOT NULL,
  `when` DATETIME(6) NOT NULL,
  `at` DATETIME(6) NOT NULL,
  `day` DATE NOT NULL,
  `clock` TIME(6) NOT NULL,
  `duration` TIME(6) NOT NULL,
  `color` INT NOT NULL,
  `color_name` VARCHAR(64) NOT NULL,
  `size` TINYINT UNSIGNED NOT NULL,
  `nullable_flag` TINYINT(1) NULL,
  `nullable_s_byte` TINYINT NULL,
  `nullable_byte` TINYINT UNSIGNED NULL,
  `nullable_short` SMALLINT NULL,
  `nullable_u_short` SMALLINT UNSIGNED NULL,
  `nullable_int` INT NULL,
  `nullable_u_int` INT UNSIGNED NULL,
  `nullable_long` BIGINT NULL,
  `nullable_u_long` BIGINT UNSIGNED NULL,
  `nullable_float` DOUBLE NULL,
  `nullable_double` DOUBLE NULL,
  `nullable_price` DECIMAL(18,4) NULL,
  `nullable_text` VARCHAR(100) NULL,
  `nullable_letter` VARCHAR(1) NULL,
  `nullable_blob` VARBINARY(256) NULL,
  `nullable_guid` CHAR(36) NULL,
  `nullable_when` DATETIME(6) NULL,
  `nullable_at` DATETIME(6) NULL,
  `nullable_day` DATE NULL,
  `nullable_clock` TIME(6) NULL,
  `nullable_duration` TIME(6) NULL,
  `nullable_color` INT NULL,
  `nullable_color_name` VARCHAR(64) NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `all_types` (`flag`, `s_byte_value`, `byte_value`, `short_value`, `u_short_value`, `int_value`, `u_int_value`, `long_value`, `u_long_value`, `float_value`, `double_value`, `price`, `huge`, `text`, `long_text`, `letter`, `blob`, `big_blob`, `guid_value`, `when`, `at`, `day`, `clock`, `duration`, `color`, `color_name`, `size`, `nullable_flag`, `nullable_s_byte`, `nullable_byte`, `nullable_short`, `nullable_u_short`, `nullable_int`, `nullable_u_int`, `nullable_long`, `nullable_u_long`, `nullable_float`, `nullable_double`, `nullable_price`, `nullable_text`, `nullable_letter`, `nullable_blob`, `nullable_guid`, `nullable_when`, `nullable_at`, `nullable_day`, `nullable_clock`, `nullable_duration`, `nullable_color`, `nullable_color_name`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26, @p27, @p28, @p29, @p30, @p31, @p32, @p33, @p34, @p35, @p36, @p37, @p38, @p39, @p40, @p41, @p42, @p43, @p44, @p45, @p46, @p47, @p48, @p49)
insert 3 rows: INSERT INTO `all_types` (`flag`, `s_byte_value`, `byte_value`, `short_value`, `u_short_value`, `int_value`, `u_int_value`, `long_value`, `u_long_value`, `float_value`, `double_value`, `price`, `huge`, `text`, `long_text`, `letter`, `blob`, `big_blob`, `guid_value`, `when`, `at`, `day`, `clock`, `duration`, `color`, `color_name`, `size`, `nullable_flag`, `nullable_s_byte`, `nullable_byte`, `nullable_short`, `nullable_u_short`, `nullable_int`, `nullable_u_int`, `nullable_long`, `nullable_u_long`, `nullable_float`, `nullable_double`, `nullable_price`, `nullable_text`, `nullable_letter`, `nullable_blob`, `nullable_guid`, `nullable_when`, `nullable_at`, `nullable_day`, `nullable_clock`, `nullable_duration`, `nullable_color`, `nullable_color_name`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26, @p27, @p28, @p29, @p30, @p31, @p32, @p33, @p34, @p35, @p36, @p37, @p38, @p39, @p40, @p41, @p42, @p43, @p44, @p45, @p46, @p47, @p48, @p49), (@p50, @p51, @p52, @p53, @p54, @p55, @p56, @p57, @p58, @p59, @p60, @p61, @p62, @p63, @p64, @p65, @p66, @p67, @p68, @p69, @p70, @p71, @p72, @p73, @p74, @p75, @p76, @p77, @p78, @p79, @p80, @p81, @p82, @p83, @p84, @p85, @p86, @p87, @p88, @p89, @p90, @p91, @p92, @p93, @p94, @p95, @p96, @p97, @p98, @p99), (@p100, @p101, @p102, @p103, @p104, @p105, @p106, @p107, @p108, @p109, @p110, @p111, @p112, @p113, @p114, @p115, @p116, @p117, @p118, @p119, @p120, @p121, @p122, @p123, @p124, @p125, @p126, @p127, @p128, @p129, @p130, @p131, @p132, @p133, @p134, @p135, @p136, @p137, @p138, @p139, @p140, @p141, @p142, @p143, @p144, @p145, @p146, @p147, @p148, @p149)
insert 3 rows, keys back: INSERT INTO `all_types` (`flag`, `s_byte_value`, `byte_value`, `short_value`, `u_short_value`, `int_value`, `u_int_value`, `long_value`, `u_long_value`, `float_value`, `double_value`, `price`, `huge`, `text`, `long_text`, `letter`, `blob`, `big_blob`, `guid_value`, `when`, `at`, `day`, `clock`, `duration`, `color`, `color_name`, `size`, `nullable_flag`, `nullable_s_byte`, `nullable_byte`, `nullable_short`, `nullable_u_short`, `nullable_int`, `nullable_u_int`, `nullable_long`, `nullable_u_long`, `nullable_float`, `nullable_double`, `nullable_price`, `nullable_text`, `nullable_letter`, `nullable_blob`, `nullable_guid`, `nullable_when`, `nullable_at`, `nullable_day`, `nullable_clock`, `nullable_duration`, `nullable_color`, `nullable_color_name`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26, @p27, @p28, @p29, @p30, @p31, @p32, @p33, @p34, @p35, @p36, @p37, @p38, @p39, @p40, @p41, @p42, @p43, @p44, @p45, @p46, @p47, @p48, @p49), (@p50, @p51, @p52, @p53, @p54, @p55, @p56, @p57, @p58, @p59, @p60, @p61, @p62, @p63, @p64, @p65, @p66, @p67, @p68, @p69, @p70, @p71, @p72, @p73, @p74, @p75, @p76, @p77, @p78, @p79, @p80, @p81, @p82, @p83, @p84, @p85, @p86, @p87, @p88, @p89, @p90, @p91, @p92, @p93, @p94, @p95, @p96, @p97, @p98, @p99), (@p100, @p101, @p102, @p103, @p104, @p105, @p106, @p107, @p108, @p109, @p110, @p111, @p112, @p113, @p114, @p115, @p116, @p117, @p118, @p119, @p120, @p121, @p122, @p123, @p124, @p125, @p126, @p127, @p128, @p129, @p130, @p131, @p132, @p133, @p134, @p135, @p136, @p137, @p138, @p139, @p140, @p141, @p142, @p143, @p144, @p145, @p146, @p147, @p148, @p149) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `all_types` (`flag`, `s_byte_value`, `byte_value`, `short_value`, `u_short_value`, `int_value`, `u_int_value`, `long_value`, `u_long_value`, `float_value`, `double_value`, `price`, `huge`, `text`, `long_text`, `letter`, `blob`, `big_blob`, `guid_value`, `when`, `at`, `day`, `clock`, `duration`, `color`, `color_name`, `size`, `nullable_flag`, `nullable_s_byte`, `nullable_byte`, `nullable_short`, `nullable_u_short`, `nullable_int`, `nullable_u_int`, `nullable_long`, `nullable_u_long`, `nullable_float`, `nullable_double`, `nullable_price`, `nullable_text`, `nullable_letter`, `nullable_blob`, `nullable_guid`, `nullable_when`, `nullable_at`, `nullable_day`, `nullable_clock`, `nullable_duration`, `nullable_color`, `nullable_color_name`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26, @p27, @p28, @p29, @p30, @p31, @p32, @p33, @p34, @p35, @p36, @p37, @p38, @p39, @p40, @p41, @p42, @p43, @p44, @p45, @p46, @p47, @p48, @p49) AS `microorm_new` ON DUPLICATE KEY UPDATE `flag` = `microorm_new`.`flag`, `s_byte_value` = `microorm_new`.`s_byte_value`, `byte_value` = `microorm_new`.`byte_value`, `short_value` = `microorm_new`.`short_value`, `u_short_value` = `microorm_new`.`u_short_value`, `int_value` = `microorm_new`.`int_value`, `u_int_value` = `microorm_new`.`u_int_value`, `long_value` = `microorm_new`.`long_value`, `u_long_value` = `microorm_new`.`u_long_value`, `float_value` = `microorm_new`.`float_value`, `double_value` = `microorm_new`.`double_value`, `price` = `microorm_new`.`price`, `huge` = `microorm_new`.`huge`, `text` = `microorm_new`.`text`, `long_text` = `microorm_new`.`long_text`, `letter` = `microorm_new`.`letter`, `blob` = `microorm_new`.`blob`, `big_blob` = `microorm_new`.`big_blob`, `guid_value` = `microorm_new`.`guid_value`, `when` = `microorm_new`.`when`, `at` = `microorm_new`.`at`, `day` = `microorm_new`.`day`, `clock` = `microorm_new`.`clock`, `duration` = `microorm_new`.`duration`, `color` = `microorm_new`.`color`, `color_name` = `microorm_new`.`color_name`, `size` = `microorm_new`.`size`, `nullable_flag` = `microorm_new`.`nullable_flag`, `nullable_s_byte` = `microorm_new`.`nullable_s_byte`, `nullable_byte` = `microorm_new`.`nullable_byte`, `nullable_short` = `microorm_new`.`nullable_short`, `nullable_u_short` = `microorm_new`.`nullable_u_short`, `nullable_int` = `microorm_new`.`nullable_int`, `nullable_u_int` = `microorm_new`.`nullable_u_int`, `nullable_long` = `microorm_new`.`nullable_long`, `nullable_u_long` = `microorm_new`.`nullable_u_long`, `nullable_float` = `microorm_new`.`nullable_float`, `nullable_double` = `microorm_new`.`nullable_double`, `nullable_price` = `microorm_new`.`nullable_price`, `nullable_text` = `microorm_new`.`nullable_text`, `nullable_letter` = `microorm_new`.`nullable_letter`, `nullable_blob` = `microorm_new`.`nullable_blob`, `nullable_guid` = `microorm_new`.`nullable_guid`, `nullable_when` = `microorm_new`.`nullable_when`, `nullable_at` = `microorm_new`.`nullable_at`, `nullable_day` = `microorm_new`.`nullable_day`, `nullable_clock` = `microorm_new`.`nullable_clock`, `nullable_duration` = `microorm_new`.`nullable_duration`, `nullable_color` = `microorm_new`.`nullable_color`, `nullable_color_name` = `microorm_new`.`nullable_color_name`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `all_types` (`id`, `flag`, `s_byte_value`, `byte_value`, `short_value`, `u_short_value`, `int_value`, `u_int_value`, `long_value`, `u_long_value`, `float_value`, `double_value`, `price`, `huge`, `text`, `long_text`, `letter`, `blob`, `big_blob`, `guid_value`, `when`, `at`, `day`, `clock`, `duration`, `color`, `color_name`, `size`, `nullable_flag`, `nullable_s_byte`, `nullable_byte`, `nullable_short`, `nullable_u_short`, `nullable_int`, `nullable_u_int`, `nullable_long`, `nullable_u_long`, `nullable_float`, `nullable_double`, `nullable_price`, `nullable_text`, `nullable_letter`, `nullable_blob`, `nullable_guid`, `nullable_when`, `nullable_at`, `nullable_day`, `nullable_clock`, `nullable_duration`, `nullable_color`, `nullable_color_name`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26, @p27, @p28, @p29, @p30, @p31, @p32, @p33, @p34, @p35, @p36, @p37, @p38, @p39, @p40, @p41, @p42, @p43, @p44, @p45, @p46, @p47, @p48, @p49, @p50)
upsert with key: INSERT INTO `all_types` (`id`, `flag`, `s_byte_value`, `byte_value`, `short_value`, `u_short_value`, `int_value`, `u_int_value`, `long_value`, `u_long_value`, `float_value`, `double_value`, `price`, `huge`, `text`, `long_text`, `letter`, `blob`, `big_blob`, `guid_value`, `when`, `at`, `day`, `clock`, `duration`, `color`, `color_name`, `size`, `nullable_flag`, `nullable_s_byte`, `nullable_byte`, `nullable_short`, `nullable_u_short`, `nullable_int`, `nullable_u_int`, `nullable_long`, `nullable_u_long`, `nullable_float`, `nullable_double`, `nullable_price`, `nullable_text`, `nullable_letter`, `nullable_blob`, `nullable_guid`, `nullable_when`, `nullable_at`, `nullable_day`, `nullable_clock`, `nullable_duration`, `nullable_color`, `nullable_color_name`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26, @p27, @p28, @p29, @p30, @p31, @p32, @p33, @p34, @p35, @p36, @p37, @p38, @p39, @p40, @p41, @p42, @p43, @p44, @p45, @p46, @p47, @p48, @p49, @p50) AS `microorm_new` ON DUPLICATE KEY UPDATE `flag` = `microorm_new`.`flag`, `s_byte_value` = `microorm_new`.`s_byte_value`, `byte_value` = `microorm_new`.`byte_value`, `short_value` = `microorm_new`.`short_value`, `u_short_value` = `microorm_new`.`u_short_value`, `int_value` = `microorm_new`.`int_value`, `u_int_value` = `microorm_new`.`u_int_value`, `long_value` = `microorm_new`.`long_value`, `u_long_value` = `microorm_new`.`u_long_value`, `float_value` = `microorm_new`.`float_value`, `double_value` = `microorm_new`.`double_value`, `price` = `microorm_new`.`price`, `huge` = `microorm_new`.`huge`, `text` = `microorm_new`.`text`, `long_text` = `microorm_new`.`long_text`, `letter` = `microorm_new`.`letter`, `blob` = `microorm_new`.`blob`, `big_blob` = `microorm_new`.`big_blob`, `guid_value` = `microorm_new`.`guid_value`, `when` = `microorm_new`.`when`, `at` = `microorm_new`.`at`, `day` = `microorm_new`.`day`, `clock` = `microorm_new`.`clock`, `duration` = `microorm_new`.`duration`, `color` = `microorm_new`.`color`, `color_name` = `microorm_new`.`color_name`, `size` = `microorm_new`.`size`, `nullable_flag` = `microorm_new`.`nullable_flag`, `nullable_s_byte` = `microorm_new`.`nullable_s_byte`, `nullable_byte` = `microorm_new`.`nullable_byte`, `nullable_short` = `microorm_new`.`nullable_short`, `nullable_u_short` = `microorm_new`.`nullable_u_short`, `nullable_int` = `microorm_new`.`nullable_int`, `nullable_u_int` = `microorm_new`.`nullable_u_int`, `nullable_long` = `microorm_new`.`nullable_long`, `nullable_u_long` = `microorm_new`.`nullable_u_long`, `nullable_float` = `microorm_new`.`nullable_float`, `nullable_double` = `microorm_new`.`nullable_double`, `nullable_price` = `microorm_new`.`nullable_price`, `nullable_text` = `microorm_new`.`nullable_text`, `nullable_letter` = `microorm_new`.`nullable_letter`, `nullable_blob` = `microorm_new`.`nullable_blob`, `nullable_guid` = `microorm_new`.`nullable_guid`, `nullable_when` = `microorm_new`.`nullable_when`, `nullable_at` = `microorm_new`.`nullable_at`, `nullable_day` = `microorm_new`.`nullable_day`, `nullable_clock` = `microorm_new`.`nullable_clock`, `nullable_duration` = `microorm_new`.`nullable_duration`, `nullable_color` = `microorm_new`.`nullable_color`, `nullable_color_name` = `microorm_new`.`nullable_color_name`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `all_types` SET `flag` = @p0, `s_byte_value` = @p1, `byte_value` = @p2, `short_value` = @p3, `u_short_value` = @p4, `int_value` = @p5, `u_int_value` = @p6, `long_value` = @p7, `u_long_value` = @p8, `float_value` = @p9, `double_value` = @p10, `price` = @p11, `huge` = @p12, `text` = @p13, `long_text` = @p14, `letter` = @p15, `blob` = @p16, `big_blob` = @p17, `guid_value` = @p18, `when` = @p19, `at` = @p20, `day` = @p21, `clock` = @p22, `duration` = @p23, `color` = @p24, `color_name` = @p25, `size` = @p26, `nullable_flag` = @p27, `nullable_s_byte` = @p28, `nullable_byte` = @p29, `nullable_short` = @p30, `nullable_u_short` = @p31, `nullable_int` = @p32, `nullable_u_int` = @p33, `nullable_long` = @p34, `nullable_u_long` = @p35, `nullable_float` = @p36, `nullable_double` = @p37, `nullable_price` = @p38, `nullable_text` = @p39, `nullable_letter` = @p40, `nullable_blob` = @p41, `nullable_guid` = @p42, `nullable_when` = @p43, `nullable_at` = @p44, `nullable_day` = @p45, `nullable_clock` = @p46, `nullable_duration` = @p47, `nullable_color` = @p48, `nullable_color_name` = @p49 WHERE `id` = @p50
delete: DELETE FROM `all_types` WHERE `id` = @p0
find: SELECT `id`, `flag`, `s_byte_value`, `byte_value`, `short_value`, `u_short_value`, `int_value`, `u_int_value`, `long_value`, `u_long_value`, `float_value`, `double_value`, `price`, `huge`, `text`, `long_text`, `letter`, `blob`, `big_blob`, `guid_value`, `when`, `at`, `day`, `clock`, `duration`, `color`, `color_name`, `size`, `nullable_flag`, `nullable_s_byte`, `nullable_byte`, `nullable_short`, `nullable_u_short`, `nullable_int`, `nullable_u_int`, `nullable_long`, `nullable_u_long`, `nullable_float`, `nullable_double`, `nullable_price`, `nullable_text`, `nullable_letter`, `nullable_blob`, `nullable_guid`, `nullable_when`, `nullable_at`, `nullable_day`, `nullable_clock`, `nullable_duration`, `nullable_color`, `nullable_color_name` FROM `all_types` WHERE `id` = @p0

-- articles
create: CREATE TABLE IF NOT EXISTS `articles` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(200) NOT NULL,
  `body` VARCHAR(2000) NOT NULL,
  `views` INT NOT NULL,
  `updated_at` DATETIME(6) NOT NULL,
  `version` INT NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `articles` (`title`, `body`, `views`, `updated_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4)
insert 3 rows: INSERT INTO `articles` (`title`, `body`, `views`, `updated_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4), (@p5, @p6, @p7, @p8, @p9), (@p10, @p11, @p12, @p13, @p14)
insert 3 rows, keys back: INSERT INTO `articles` (`title`, `body`, `views`, `updated_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4), (@p5, @p6, @p7, @p8, @p9), (@p10, @p11, @p12, @p13, @p14) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `articles` (`title`, `body`, `views`, `updated_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `title` = `microorm_new`.`title`, `body` = `microorm_new`.`body`, `views` = `microorm_new`.`views`, `updated_at` = `microorm_new`.`updated_at`, `version` = `version` + 1, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `articles` (`id`, `title`, `body`, `views`, `updated_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
upsert with key: INSERT INTO `articles` (`id`, `title`, `body`, `views`, `updated_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) AS `microorm_new` ON DUPLICATE KEY UPDATE `title` = `microorm_new`.`title`, `body` = `microorm_new`.`body`, `views` = `microorm_new`.`views`, `updated_at` = `microorm_new`.`updated_at`, `version` = `version` + 1, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `articles` SET `title` = @p0, `body` = @p1, `views` = @p2, `updated_at` = @p3, `version` = `version` + 1 WHERE `id` = @p4 AND `version` = @p5
delete: DELETE FROM `articles` WHERE `id` = @p0
delete by version: DELETE FROM `articles` WHERE `id` = @p0 AND `version` = @p1
find: SELECT `id`, `title`, `body`, `views`, `updated_at`, `version` FROM `articles` WHERE `id` = @p0

-- cities
create: CREATE TABLE IF NOT EXISTS `cities` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(128) NOT NULL,
  `state_id` INT NOT NULL,
  `created_at` DATETIME(6) NOT NULL,
  `updated_at` DATETIME(6) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_cities_state_id` FOREIGN KEY (`state_id`) REFERENCES `states` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `cities` (`name`, `state_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3)
insert 3 rows: INSERT INTO `cities` (`name`, `state_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11)
insert 3 rows, keys back: INSERT INTO `cities` (`name`, `state_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `cities` (`name`, `state_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `state_id` = `microorm_new`.`state_id`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `cities` (`id`, `name`, `state_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4)
upsert with key: INSERT INTO `cities` (`id`, `name`, `state_id`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `state_id` = `microorm_new`.`state_id`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `cities` SET `name` = @p0, `state_id` = @p1, `updated_at` = @p2 WHERE `id` = @p3
delete: DELETE FROM `cities` WHERE `id` = @p0
find: SELECT `id`, `name`, `state_id`, `created_at`, `updated_at` FROM `cities` WHERE `id` = @p0

-- counters
create: CREATE TABLE IF NOT EXISTS `counters` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `value` INT NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_counter_name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `counters` (`name`, `value`) VALUES (@p0, @p1)
insert 3 rows: INSERT INTO `counters` (`name`, `value`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5)
insert 3 rows, keys back: INSERT INTO `counters` (`name`, `value`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `counters` (`name`, `value`) VALUES (@p0, @p1) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `value` = `microorm_new`.`value`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `counters` (`id`, `name`, `value`) VALUES (@p0, @p1, @p2)
upsert with key: INSERT INTO `counters` (`id`, `name`, `value`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `value` = `microorm_new`.`value`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `counters` SET `name` = @p0, `value` = @p1 WHERE `id` = @p2
delete: DELETE FROM `counters` WHERE `id` = @p0
find: SELECT `id`, `name`, `value` FROM `counters` WHERE `id` = @p0

-- documents
create: CREATE TABLE IF NOT EXISTS `documents` (
  `id` CHAR(36) NOT NULL,
  `doc_title` VARCHAR(200) NOT NULL,
  `body` MEDIUMTEXT NOT NULL,
  `created_at` DATETIME(6) NOT NULL,
  `updated_at` DATETIME(6) NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_documents_doc_title` (`doc_title`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `documents` (`id`, `doc_title`, `body`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4)
insert 3 rows: INSERT INTO `documents` (`id`, `doc_title`, `body`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4), (@p5, @p6, @p7, @p8, @p9), (@p10, @p11, @p12, @p13, @p14)
upsert: INSERT INTO `documents` (`id`, `doc_title`, `body`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `doc_title` = `microorm_new`.`doc_title`, `body` = `microorm_new`.`body`, `updated_at` = `microorm_new`.`updated_at`
update: UPDATE `documents` SET `doc_title` = @p0, `body` = @p1, `updated_at` = @p2 WHERE `id` = @p3
delete: DELETE FROM `documents` WHERE `id` = @p0
find: SELECT `id`, `doc_title`, `body`, `created_at`, `updated_at` FROM `documents` WHERE `id` = @p0

-- invoices
create: CREATE TABLE IF NOT EXISTS `invoices` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `total` DECIMAL(12,2) NOT NULL,
  `discount` DECIMAL(12,2) NULL,
  `link` VARCHAR(300) NOT NULL,
  `customer` VARCHAR(40) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `invoices` (`total`, `discount`, `link`, `customer`) VALUES (@p0, @p1, @p2, @p3)
insert 3 rows: INSERT INTO `invoices` (`total`, `discount`, `link`, `customer`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11)
insert 3 rows, keys back: INSERT INTO `invoices` (`total`, `discount`, `link`, `customer`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `invoices` (`total`, `discount`, `link`, `customer`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `total` = `microorm_new`.`total`, `discount` = `microorm_new`.`discount`, `link` = `microorm_new`.`link`, `customer` = `microorm_new`.`customer`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `invoices` (`id`, `total`, `discount`, `link`, `customer`) VALUES (@p0, @p1, @p2, @p3, @p4)
upsert with key: INSERT INTO `invoices` (`id`, `total`, `discount`, `link`, `customer`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `total` = `microorm_new`.`total`, `discount` = `microorm_new`.`discount`, `link` = `microorm_new`.`link`, `customer` = `microorm_new`.`customer`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `invoices` SET `total` = @p0, `discount` = @p1, `link` = @p2, `customer` = @p3 WHERE `id` = @p4
delete: DELETE FROM `invoices` WHERE `id` = @p0
find: SELECT `id`, `total`, `discount`, `link`, `customer` FROM `invoices` WHERE `id` = @p0

-- member_settings
create: CREATE TABLE IF NOT EXISTS `member_settings` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `owner` VARCHAR(40) NOT NULL,
  `settings` JSON NOT NULL,
  `tags` JSON NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `member_settings` (`owner`, `settings`, `tags`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `member_settings` (`owner`, `settings`, `tags`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
insert 3 rows, keys back: INSERT INTO `member_settings` (`owner`, `settings`, `tags`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `member_settings` (`owner`, `settings`, `tags`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `owner` = `microorm_new`.`owner`, `settings` = `microorm_new`.`settings`, `tags` = `microorm_new`.`tags`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `member_settings` (`id`, `owner`, `settings`, `tags`) VALUES (@p0, @p1, @p2, @p3)
upsert with key: INSERT INTO `member_settings` (`id`, `owner`, `settings`, `tags`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `owner` = `microorm_new`.`owner`, `settings` = `microorm_new`.`settings`, `tags` = `microorm_new`.`tags`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `member_settings` SET `owner` = @p0, `settings` = @p1, `tags` = @p2 WHERE `id` = @p3
delete: DELETE FROM `member_settings` WHERE `id` = @p0
find: SELECT `id`, `owner`, `settings`, `tags` FROM `member_settings` WHERE `id` = @p0

-- memberships
create: CREATE TABLE IF NOT EXISTS `memberships` (
  `user_id` INT NOT NULL,
  `group_id` INT NOT NULL,
  `role` VARCHAR(32) NOT NULL,
  `joined_on` DATE NOT NULL,
  PRIMARY KEY (`user_id`, `group_id`),
  KEY `ix_memberships_role_joined_on` (`role`, `joined_on`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `memberships` (`user_id`, `group_id`, `role`, `joined_on`) VALUES (@p0, @p1, @p2, @p3)
insert 3 rows: INSERT INTO `memberships` (`user_id`, `group_id`, `role`, `joined_on`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11)
upsert: INSERT INTO `memberships` (`user_id`, `group_id`, `role`, `joined_on`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `role` = `microorm_new`.`role`, `joined_on` = `microorm_new`.`joined_on`
update: UPDATE `memberships` SET `role` = @p0, `joined_on` = @p1 WHERE `user_id` = @p2 AND `group_id` = @p3
delete: DELETE FROM `memberships` WHERE `user_id` = @p0 AND `group_id` = @p1
find: SELECT `user_id`, `group_id`, `role`, `joined_on` FROM `memberships` WHERE `user_id` = @p0 AND `group_id` = @p1

-- notes
create: CREATE TABLE IF NOT EXISTS `notes` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `text` VARCHAR(1000) NOT NULL,
  `run` VARCHAR(40) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `notes` (`text`, `run`) VALUES (@p0, @p1)
insert 3 rows: INSERT INTO `notes` (`text`, `run`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5)
insert 3 rows, keys back: INSERT INTO `notes` (`text`, `run`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `notes` (`text`, `run`) VALUES (@p0, @p1) AS `microorm_new` ON DUPLICATE KEY UPDATE `text` = `microorm_new`.`text`, `run` = `microorm_new`.`run`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `notes` (`id`, `text`, `run`) VALUES (@p0, @p1, @p2)
upsert with key: INSERT INTO `notes` (`id`, `text`, `run`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `text` = `microorm_new`.`text`, `run` = `microorm_new`.`run`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `notes` SET `text` = @p0, `run` = @p1 WHERE `id` = @p2
delete: DELETE FROM `notes` WHERE `id` = @p0
find: SELECT `id`, `text`, `run` FROM `notes` WHERE `id` = @p0

-- people
create: CREATE TABLE IF NOT EXISTS `people` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(100) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `people` (`name`) VALUES (@p0)
insert 3 rows: INSERT INTO `people` (`name`) VALUES (@p0), (@p1), (@p2)
insert 3 rows, keys back: INSERT INTO `people` (`name`) VALUES (@p0), (@p1), (@p2) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `people` (`name`) VALUES (@p0) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `people` (`id`, `name`) VALUES (@p0, @p1)
upsert with key: INSERT INTO `people` (`id`, `name`) VALUES (@p0, @p1) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `people` SET `name` = @p0 WHERE `id` = @p1
delete: DELETE FROM `people` WHERE `id` = @p0
find: SELECT `id`, `name` FROM `people` WHERE `id` = @p0

-- placements
create: CREATE TABLE IF NOT EXISTS `placements` (
  `slot` INT NOT NULL,
  `shelf` INT NOT NULL,
  `item` VARCHAR(40) NOT NULL,
  PRIMARY KEY (`shelf`, `slot`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `placements` (`slot`, `shelf`, `item`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `placements` (`slot`, `shelf`, `item`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
upsert: INSERT INTO `placements` (`slot`, `shelf`, `item`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `item` = `microorm_new`.`item`
update: UPDATE `placements` SET `item` = @p0 WHERE `shelf` = @p1 AND `slot` = @p2
delete: DELETE FROM `placements` WHERE `shelf` = @p0 AND `slot` = @p1
find: SELECT `slot`, `shelf`, `item` FROM `placements` WHERE `shelf` = @p0 AND `slot` = @p1

-- points
create: CREATE TABLE IF NOT EXISTS `points` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `x` DOUBLE NOT NULL,
  `y` DOUBLE NOT NULL,
  `label` VARCHAR(255) NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `points` (`x`, `y`, `label`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `points` (`x`, `y`, `label`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
insert 3 rows, keys back: INSERT INTO `points` (`x`, `y`, `label`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `points` (`x`, `y`, `label`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `x` = `microorm_new`.`x`, `y` = `microorm_new`.`y`, `label` = `microorm_new`.`label`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `points` (`id`, `x`, `y`, `label`) VALUES (@p0, @p1, @p2, @p3)
upsert with key: INSERT INTO `points` (`id`, `x`, `y`, `label`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `x` = `microorm_new`.`x`, `y` = `microorm_new`.`y`, `label` = `microorm_new`.`label`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `points` SET `x` = @p0, `y` = @p1, `label` = @p2 WHERE `id` = @p3
delete: DELETE FROM `points` WHERE `id` = @p0
find: SELECT `id`, `x`, `y`, `label` FROM `points` WHERE `id` = @p0

-- products
create: CREATE TABLE IF NOT EXISTS `products` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(100) NOT NULL,
  `category` VARCHAR(50) NULL,
  `price` DECIMAL(10,2) NOT NULL,
  `stock` INT NOT NULL,
  `reorder_level` INT NOT NULL,
  `active` TINYINT(1) NOT NULL,
  `color` INT NOT NULL,
  `finish` VARCHAR(64) NULL,
  `discontinued` DATE NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `products` (`name`, `category`, `price`, `stock`, `reorder_level`, `active`, `color`, `finish`, `discontinued`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
insert 3 rows: INSERT INTO `products` (`name`, `category`, `price`, `stock`, `reorder_level`, `active`, `color`, `finish`, `discontinued`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8), (@p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17), (@p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26)
insert 3 rows, keys back: INSERT INTO `products` (`name`, `category`, `price`, `stock`, `reorder_level`, `active`, `color`, `finish`, `discontinued`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8), (@p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17), (@p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `products` (`name`, `category`, `price`, `stock`, `reorder_level`, `active`, `color`, `finish`, `discontinued`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `category` = `microorm_new`.`category`, `price` = `microorm_new`.`price`, `stock` = `microorm_new`.`stock`, `reorder_level` = `microorm_new`.`reorder_level`, `active` = `microorm_new`.`active`, `color` = `microorm_new`.`color`, `finish` = `microorm_new`.`finish`, `discontinued` = `microorm_new`.`discontinued`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `products` (`id`, `name`, `category`, `price`, `stock`, `reorder_level`, `active`, `color`, `finish`, `discontinued`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
upsert with key: INSERT INTO `products` (`id`, `name`, `category`, `price`, `stock`, `reorder_level`, `active`, `color`, `finish`, `discontinued`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `category` = `microorm_new`.`category`, `price` = `microorm_new`.`price`, `stock` = `microorm_new`.`stock`, `reorder_level` = `microorm_new`.`reorder_level`, `active` = `microorm_new`.`active`, `color` = `microorm_new`.`color`, `finish` = `microorm_new`.`finish`, `discontinued` = `microorm_new`.`discontinued`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `products` SET `name` = @p0, `category` = @p1, `price` = @p2, `stock` = @p3, `reorder_level` = @p4, `active` = @p5, `color` = @p6, `finish` = @p7, `discontinued` = @p8 WHERE `id` = @p9
delete: DELETE FROM `products` WHERE `id` = @p0
find: SELECT `id`, `name`, `category`, `price`, `stock`, `reorder_level`, `active`, `color`, `finish`, `discontinued` FROM `products` WHERE `id` = @p0

-- profiles
create: CREATE TABLE IF NOT EXISTS `profiles` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `person_id` INT NOT NULL,
  `bio` VARCHAR(200) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_profiles_person_id` (`person_id`),
  CONSTRAINT `fk_profiles_person_id` FOREIGN KEY (`person_id`) REFERENCES `people` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `profiles` (`person_id`, `bio`) VALUES (@p0, @p1)
insert 3 rows: INSERT INTO `profiles` (`person_id`, `bio`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5)
insert 3 rows, keys back: INSERT INTO `profiles` (`person_id`, `bio`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `profiles` (`person_id`, `bio`) VALUES (@p0, @p1) AS `microorm_new` ON DUPLICATE KEY UPDATE `person_id` = `microorm_new`.`person_id`, `bio` = `microorm_new`.`bio`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `profiles` (`id`, `person_id`, `bio`) VALUES (@p0, @p1, @p2)
upsert with key: INSERT INTO `profiles` (`id`, `person_id`, `bio`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `person_id` = `microorm_new`.`person_id`, `bio` = `microorm_new`.`bio`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `profiles` SET `person_id` = @p0, `bio` = @p1 WHERE `id` = @p2
delete: DELETE FROM `profiles` WHERE `id` = @p0
find: SELECT `id`, `person_id`, `bio` FROM `profiles` WHERE `id` = @p0

-- project_tasks
create: CREATE TABLE IF NOT EXISTS `project_tasks` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `tenant_id` INT NOT NULL,
  `project_id` BIGINT NOT NULL,
  `title` VARCHAR(100) NOT NULL,
  `is_deleted` TINYINT(1) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_project_tasks_project_id` FOREIGN KEY (`project_id`) REFERENCES `projects` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `project_tasks` (`tenant_id`, `project_id`, `title`, `is_deleted`) VALUES (@p0, @p1, @p2, @p3)
insert 3 rows: INSERT INTO `project_tasks` (`tenant_id`, `project_id`, `title`, `is_deleted`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11)
insert 3 rows, keys back: INSERT INTO `project_tasks` (`tenant_id`, `project_id`, `title`, `is_deleted`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `project_tasks` (`tenant_id`, `project_id`, `title`, `is_deleted`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `tenant_id` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`tenant_id`, `tenant_id`), `project_id` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`project_id`, `project_id`), `title` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`title`, `title`), `is_deleted` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`is_deleted`, `is_deleted`), `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `project_tasks` (`id`, `tenant_id`, `project_id`, `title`, `is_deleted`) VALUES (@p0, @p1, @p2, @p3, @p4)
upsert with key: INSERT INTO `project_tasks` (`id`, `tenant_id`, `project_id`, `title`, `is_deleted`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `tenant_id` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`tenant_id`, `tenant_id`), `project_id` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`project_id`, `project_id`), `title` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`title`, `title`), `is_deleted` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`is_deleted`, `is_deleted`), `id` = LAST_INSERT_ID(`id`)
update: UPDATE `project_tasks` SET `tenant_id` = @p0, `project_id` = @p1, `title` = @p2, `is_deleted` = @p3 WHERE `id` = @p4
delete: DELETE FROM `project_tasks` WHERE `id` = @p0
find: SELECT `id`, `tenant_id`, `project_id`, `title`, `is_deleted` FROM `project_tasks` WHERE `id` = @p0

-- projects
create: CREATE TABLE IF NOT EXISTS `projects` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `tenant_id` INT NOT NULL,
  `name` VARCHAR(100) NOT NULL,
  `deleted_at` DATETIME(6) NULL,
  `version` INT NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `projects` (`tenant_id`, `name`, `deleted_at`, `version`) VALUES (@p0, @p1, @p2, @p3)
insert 3 rows: INSERT INTO `projects` (`tenant_id`, `name`, `deleted_at`, `version`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11)
insert 3 rows, keys back: INSERT INTO `projects` (`tenant_id`, `name`, `deleted_at`, `version`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `projects` (`tenant_id`, `name`, `deleted_at`, `version`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `tenant_id` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`tenant_id`, `tenant_id`), `name` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`name`, `name`), `deleted_at` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`deleted_at`, `deleted_at`), `version` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `version` + 1, `version`), `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `projects` (`id`, `tenant_id`, `name`, `deleted_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4)
upsert with key: INSERT INTO `projects` (`id`, `tenant_id`, `name`, `deleted_at`, `version`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `tenant_id` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`tenant_id`, `tenant_id`), `name` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`name`, `name`), `deleted_at` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`deleted_at`, `deleted_at`), `version` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `version` + 1, `version`), `id` = LAST_INSERT_ID(`id`)
update: UPDATE `projects` SET `tenant_id` = @p0, `name` = @p1, `deleted_at` = @p2, `version` = `version` + 1 WHERE `id` = @p3 AND `version` = @p4
delete: DELETE FROM `projects` WHERE `id` = @p0
delete by version: DELETE FROM `projects` WHERE `id` = @p0 AND `version` = @p1
find: SELECT `id`, `tenant_id`, `name`, `deleted_at`, `version` FROM `projects` WHERE `id` = @p0

-- settings
create: CREATE TABLE IF NOT EXISTS `settings` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `value` VARCHAR(256) NULL,
  `changed_at` DATETIME(6) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `settings` (`name`, `value`, `changed_at`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `settings` (`name`, `value`, `changed_at`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
insert 3 rows, keys back: INSERT INTO `settings` (`name`, `value`, `changed_at`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `settings` (`name`, `value`, `changed_at`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `value` = `microorm_new`.`value`, `changed_at` = `microorm_new`.`changed_at`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `settings` (`id`, `name`, `value`, `changed_at`) VALUES (@p0, @p1, @p2, @p3)
upsert with key: INSERT INTO `settings` (`id`, `name`, `value`, `changed_at`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `value` = `microorm_new`.`value`, `changed_at` = `microorm_new`.`changed_at`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `settings` SET `name` = @p0, `value` = @p1, `changed_at` = @p2 WHERE `id` = @p3
delete: DELETE FROM `settings` WHERE `id` = @p0
find: SELECT `id`, `name`, `value`, `changed_at` FROM `settings` WHERE `id` = @p0

-- signups
create: CREATE TABLE IF NOT EXISTS `signups` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `handle` VARCHAR(20) NOT NULL,
  `nickname` VARCHAR(255) NOT NULL,
  `age` INT NULL,
  `score` DOUBLE NOT NULL,
  `balance` DECIMAL(18,2) NOT NULL,
  `level` TINYINT UNSIGNED NOT NULL,
  `code` VARCHAR(255) NULL,
  `email` VARCHAR(254) NOT NULL,
  `note` VARCHAR(255) NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `ck_signups_age` CHECK (`age` >= 18 AND `age` <= 130),
  CONSTRAINT `ck_signups_score` CHECK (`score` >= 0.5 AND `score` <= 99.5),
  CONSTRAINT `ck_signups_balance` CHECK (`balance` >= -5 AND `balance` <= 5),
  CONSTRAINT `ck_signups_level` CHECK (`level` >= 1 AND `level` <= 300)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `signups` (`handle`, `nickname`, `age`, `score`, `balance`, `level`, `code`, `email`, `note`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
insert 3 rows: INSERT INTO `signups` (`handle`, `nickname`, `age`, `score`, `balance`, `level`, `code`, `email`, `note`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8), (@p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17), (@p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26)
insert 3 rows, keys back: INSERT INTO `signups` (`handle`, `nickname`, `age`, `score`, `balance`, `level`, `code`, `email`, `note`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8), (@p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17), (@p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25, @p26) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `signups` (`handle`, `nickname`, `age`, `score`, `balance`, `level`, `code`, `email`, `note`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) AS `microorm_new` ON DUPLICATE KEY UPDATE `handle` = `microorm_new`.`handle`, `nickname` = `microorm_new`.`nickname`, `age` = `microorm_new`.`age`, `score` = `microorm_new`.`score`, `balance` = `microorm_new`.`balance`, `level` = `microorm_new`.`level`, `code` = `microorm_new`.`code`, `email` = `microorm_new`.`email`, `note` = `microorm_new`.`note`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `signups` (`id`, `handle`, `nickname`, `age`, `score`, `balance`, `level`, `code`, `email`, `note`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
upsert with key: INSERT INTO `signups` (`id`, `handle`, `nickname`, `age`, `score`, `balance`, `level`, `code`, `email`, `note`) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) AS `microorm_new` ON DUPLICATE KEY UPDATE `handle` = `microorm_new`.`handle`, `nickname` = `microorm_new`.`nickname`, `age` = `microorm_new`.`age`, `score` = `microorm_new`.`score`, `balance` = `microorm_new`.`balance`, `level` = `microorm_new`.`level`, `code` = `microorm_new`.`code`, `email` = `microorm_new`.`email`, `note` = `microorm_new`.`note`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `signups` SET `handle` = @p0, `nickname` = @p1, `age` = @p2, `score` = @p3, `balance` = @p4, `level` = @p5, `code` = @p6, `email` = @p7, `note` = @p8 WHERE `id` = @p9
delete: DELETE FROM `signups` WHERE `id` = @p0
find: SELECT `id`, `handle`, `nickname`, `age`, `score`, `balance`, `level`, `code`, `email`, `note` FROM `signups` WHERE `id` = @p0

-- states
create: CREATE TABLE IF NOT EXISTS `states` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(128) NOT NULL,
  `created_at` DATETIME(6) NOT NULL,
  `updated_at` DATETIME(6) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `states` (`name`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `states` (`name`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
insert 3 rows, keys back: INSERT INTO `states` (`name`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `states` (`name`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `states` (`id`, `name`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3)
upsert with key: INSERT INTO `states` (`id`, `name`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `states` SET `name` = @p0, `updated_at` = @p1 WHERE `id` = @p2
delete: DELETE FROM `states` WHERE `id` = @p0
find: SELECT `id`, `name`, `created_at`, `updated_at` FROM `states` WHERE `id` = @p0

-- tallies
create: CREATE TABLE IF NOT EXISTS `tallies` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(64) NOT NULL,
  `total` BIGINT NOT NULL,
  `version` INT NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_tallies_name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `tallies` (`name`, `total`, `version`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `tallies` (`name`, `total`, `version`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
insert 3 rows, keys back: INSERT INTO `tallies` (`name`, `total`, `version`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `tallies` (`name`, `total`, `version`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `total` = `microorm_new`.`total`, `version` = `version` + 1, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `tallies` (`id`, `name`, `total`, `version`) VALUES (@p0, @p1, @p2, @p3)
upsert with key: INSERT INTO `tallies` (`id`, `name`, `total`, `version`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `total` = `microorm_new`.`total`, `version` = `version` + 1, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `tallies` SET `name` = @p0, `total` = @p1, `version` = `version` + 1 WHERE `id` = @p2 AND `version` = @p3
delete: DELETE FROM `tallies` WHERE `id` = @p0
delete by version: DELETE FROM `tallies` WHERE `id` = @p0 AND `version` = @p1
find: SELECT `id`, `name`, `total`, `version` FROM `tallies` WHERE `id` = @p0

-- team_members
create: CREATE TABLE IF NOT EXISTS `team_members` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `person_id` INT NOT NULL,
  `team_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_team_members_person_id_team_id` (`person_id`, `team_id`),
  CONSTRAINT `fk_team_members_person_id` FOREIGN KEY (`person_id`) REFERENCES `people` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_team_members_team_id` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `team_members` (`person_id`, `team_id`) VALUES (@p0, @p1)
insert 3 rows: INSERT INTO `team_members` (`person_id`, `team_id`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5)
insert 3 rows, keys back: INSERT INTO `team_members` (`person_id`, `team_id`) VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `team_members` (`person_id`, `team_id`) VALUES (@p0, @p1) AS `microorm_new` ON DUPLICATE KEY UPDATE `person_id` = `microorm_new`.`person_id`, `team_id` = `microorm_new`.`team_id`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `team_members` (`id`, `person_id`, `team_id`) VALUES (@p0, @p1, @p2)
upsert with key: INSERT INTO `team_members` (`id`, `person_id`, `team_id`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `person_id` = `microorm_new`.`person_id`, `team_id` = `microorm_new`.`team_id`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `team_members` SET `person_id` = @p0, `team_id` = @p1 WHERE `id` = @p2
delete: DELETE FROM `team_members` WHERE `id` = @p0
find: SELECT `id`, `person_id`, `team_id` FROM `team_members` WHERE `id` = @p0

-- teams
create: CREATE TABLE IF NOT EXISTS `teams` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(100) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `teams` (`name`) VALUES (@p0)
insert 3 rows: INSERT INTO `teams` (`name`) VALUES (@p0), (@p1), (@p2)
insert 3 rows, keys back: INSERT INTO `teams` (`name`) VALUES (@p0), (@p1), (@p2) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `teams` (`name`) VALUES (@p0) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `teams` (`id`, `name`) VALUES (@p0, @p1)
upsert with key: INSERT INTO `teams` (`id`, `name`) VALUES (@p0, @p1) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `teams` SET `name` = @p0 WHERE `id` = @p1
delete: DELETE FROM `teams` WHERE `id` = @p0
find: SELECT `id`, `name` FROM `teams` WHERE `id` = @p0

-- tenant_labels
create: CREATE TABLE IF NOT EXISTS `tenant_labels` (
  `code` VARCHAR(40) NOT NULL,
  `tenant_id` INT NOT NULL,
  `text` VARCHAR(100) NOT NULL,
  PRIMARY KEY (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `tenant_labels` (`code`, `tenant_id`, `text`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `tenant_labels` (`code`, `tenant_id`, `text`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
upsert: INSERT INTO `tenant_labels` (`code`, `tenant_id`, `text`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `tenant_id` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`tenant_id`, `tenant_id`), `text` = IF(`tenant_id` <=> `microorm_new`.`tenant_id`, `microorm_new`.`text`, `text`)
update: UPDATE `tenant_labels` SET `tenant_id` = @p0, `text` = @p1 WHERE `code` = @p2
delete: DELETE FROM `tenant_labels` WHERE `code` = @p0
find: SELECT `code`, `tenant_id`, `text` FROM `tenant_labels` WHERE `code` = @p0

-- trial_rows
create: CREATE TABLE IF NOT EXISTS `trial_rows` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `trial` VARCHAR(40) NOT NULL,
  `step` INT NOT NULL,
  `is_marker` TINYINT(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_trial_rows_trial` (`trial`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `trial_rows` (`trial`, `step`, `is_marker`) VALUES (@p0, @p1, @p2)
insert 3 rows: INSERT INTO `trial_rows` (`trial`, `step`, `is_marker`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8)
insert 3 rows, keys back: INSERT INTO `trial_rows` (`trial`, `step`, `is_marker`) VALUES (@p0, @p1, @p2), (@p3, @p4, @p5), (@p6, @p7, @p8) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `trial_rows` (`trial`, `step`, `is_marker`) VALUES (@p0, @p1, @p2) AS `microorm_new` ON DUPLICATE KEY UPDATE `trial` = `microorm_new`.`trial`, `step` = `microorm_new`.`step`, `is_marker` = `microorm_new`.`is_marker`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `trial_rows` (`id`, `trial`, `step`, `is_marker`) VALUES (@p0, @p1, @p2, @p3)
upsert with key: INSERT INTO `trial_rows` (`id`, `trial`, `step`, `is_marker`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `trial` = `microorm_new`.`trial`, `step` = `microorm_new`.`step`, `is_marker` = `microorm_new`.`is_marker`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `trial_rows` SET `trial` = @p0, `step` = @p1, `is_marker` = @p2 WHERE `id` = @p3
delete: DELETE FROM `trial_rows` WHERE `id` = @p0
find: SELECT `id`, `trial`, `step`, `is_marker` FROM `trial_rows` WHERE `id` = @p0

-- users
create: CREATE TABLE IF NOT EXISTS `users` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(128) NOT NULL,
  `email` VARCHAR(254) NOT NULL,
  `created_at` DATETIME(6) NOT NULL,
  `updated_at` DATETIME(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_users_email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
insert: INSERT INTO `users` (`name`, `email`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3)
insert 3 rows: INSERT INTO `users` (`name`, `email`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11)
insert 3 rows, keys back: INSERT INTO `users` (`name`, `email`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7), (@p8, @p9, @p10, @p11) (keys from LAST_INSERT_ID())
upsert: INSERT INTO `users` (`name`, `email`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `email` = `microorm_new`.`email`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
insert with key: INSERT INTO `users` (`id`, `name`, `email`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4)
upsert with key: INSERT INTO `users` (`id`, `name`, `email`, `created_at`, `updated_at`) VALUES (@p0, @p1, @p2, @p3, @p4) AS `microorm_new` ON DUPLICATE KEY UPDATE `name` = `microorm_new`.`name`, `email` = `microorm_new`.`email`, `updated_at` = `microorm_new`.`updated_at`, `id` = LAST_INSERT_ID(`id`)
update: UPDATE `users` SET `name` = @p0, `email` = @p1, `updated_at` = @p2 WHERE `id` = @p3
delete: DELETE FROM `users` WHERE `id` = @p0
find: SELECT `id`, `name`, `email`, `created_at`, `updated_at` FROM `users` WHERE `id` = @p0

-- sessions: MySQL 8.0
session present: SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = @p0
last write position: SELECT @@GLOBAL.gtid_executed
wait for position: SELECT WAIT_FOR_EXECUTED_GTID_SET(@p0, @p1)
replica status: SHOW SLAVE STATUS

-- sessions: MySQL 8.4
session present: SELECT COUNT(*) FROM performance_schema.processlist WHERE ID = @p0
last write position: SELECT @@GLOBAL.gtid_executed
wait for position: SELECT WAIT_FOR_EXECUTED_GTID_SET(@p0, @p1)
replica status: SHOW REPLICA STATUS

-- sessions: MySQL 9
session present: SELECT COUNT(*) FROM performance_schema.processlist WHERE ID = @p0
last write position: SELECT @@GLOBAL.gtid_executed
wait for position: SELECT WAIT_FOR_EXECUTED_GTID_SET(@p0, @p1)
replica status: SHOW REPLICA STATUS

