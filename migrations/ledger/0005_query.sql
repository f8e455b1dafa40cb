CREATE TABLE `counterparties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`side` text NOT NULL,
	`name` text NOT NULL,
	`search_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counterparties_name` ON `counterparties` (`side`,`name`);--> statement-breakpoint
CREATE TABLE `invoice_day_totals` (
	`side` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`colour` text NOT NULL,
	`status` text NOT NULL,
	`booking` text NOT NULL,
	`n` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	PRIMARY KEY(`side`, `day`, `kind`, `colour`, `status`, `booking`)
);
--> statement-breakpoint
CREATE TABLE `item_names` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_names_name_unique` ON `item_names` (`name`);--> statement-breakpoint
CREATE TABLE `received_lines` (
	`number` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`number`, `position`),
	FOREIGN KEY (`number`) REFERENCES `received_invoices`(`number`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `received_lines_name` ON `received_lines` (`name`,`number`);--> statement-breakpoint
DROP INDEX `invoice_lines_name`;--> statement-breakpoint
CREATE INDEX `invoice_lines_name` ON `invoice_lines` (`name`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoices_dated` ON `invoices` (coalesce(issued_at, queued_at),`id`,`kind`,`colour`,`state`,`red_status`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `invoices_kind_dated` ON `invoices` (`kind`,coalesce(issued_at, queued_at),`id`,`state`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `invoices_buyer_name` ON `invoices` (`buyer_name`,`id`,`state`,coalesce(issued_at, queued_at),`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `invoices_buyer_tax_id` ON `invoices` (`buyer_tax_id`,`state`,coalesce(issued_at, queued_at),`id`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `invoices_total` ON `invoices` (`total_fen`,`state`,coalesce(issued_at, queued_at),`id`,`amount_fen`,`tax_fen`);--> statement-breakpoint
CREATE INDEX `invoices_red_status` ON `invoices` (`red_status`,`state`,coalesce(issued_at, queued_at),`id`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `invoices_drawer` ON `invoices` (`drawer`,coalesce(issued_at, queued_at),`state`,`id`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `received_dated` ON `received_invoices` (`issued_at`,`number`,`kind`,`colour`,`red_status`,`booking`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `received_kind_dated` ON `received_invoices` (`kind`,`issued_at`);--> statement-breakpoint
CREATE INDEX `received_seller_name` ON `received_invoices` (`seller_name`,`number`,`issued_at`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `received_total` ON `received_invoices` (`total_fen`,`issued_at`,`number`,`amount_fen`,`tax_fen`);--> statement-breakpoint
CREATE INDEX `received_red_status` ON `received_invoices` (`red_status`,`issued_at`);--> statement-breakpoint
CREATE INDEX `received_booking` ON `received_invoices` (`booking`,`issued_at`);--> statement-breakpoint
-- Hand-written from here on (drizzle-kit has no FTS5 or triggers): 发票查询's 项目名称 and counterparty
-- search. search_key() is the ledger's own function (src/main/core/ledger/functions.ts).
CREATE VIRTUAL TABLE `item_names_fts` USING fts5(`name`, content='item_names', content_rowid='id', tokenize='trigram');--> statement-breakpoint
CREATE TRIGGER `item_names_fts_insert` AFTER INSERT ON `item_names` BEGIN
  INSERT INTO `item_names_fts` (rowid, `name`) VALUES (new.`id`, new.`name`);
END;--> statement-breakpoint
CREATE TRIGGER `invoice_lines_item_name` AFTER INSERT ON `invoice_lines` BEGIN
  INSERT OR IGNORE INTO `item_names` (`name`) VALUES (new.`name`);
END;--> statement-breakpoint
CREATE TRIGGER `received_lines_item_name` AFTER INSERT ON `received_lines` BEGIN
  INSERT OR IGNORE INTO `item_names` (`name`) VALUES (new.`name`);
END;--> statement-breakpoint
CREATE TRIGGER `received_lines_insert` AFTER INSERT ON `received_invoices` BEGIN
  INSERT INTO `received_lines` (`number`, `position`, `name`)
    SELECT new.`number`, `key`, coalesce(json_extract(`value`, '$.name'), '') FROM json_each(new.`document`, '$.draft.lines');
END;--> statement-breakpoint
CREATE TRIGGER `received_lines_update` AFTER UPDATE OF `document` ON `received_invoices`
  WHEN json_extract(old.`document`, '$.draft.lines') IS NOT json_extract(new.`document`, '$.draft.lines') BEGIN
  DELETE FROM `received_lines` WHERE `number` = old.`number`;
  INSERT INTO `received_lines` (`number`, `position`, `name`)
    SELECT new.`number`, `key`, coalesce(json_extract(`value`, '$.name'), '') FROM json_each(new.`document`, '$.draft.lines');
END;--> statement-breakpoint
CREATE TRIGGER `invoices_counterparty_insert` AFTER INSERT ON `invoices` WHEN new.`state` <> 'draft' BEGIN
  INSERT INTO `counterparties` (`side`, `name`, `search_key`)
    SELECT 'S', new.`buyer_name`, search_key(new.`buyer_name`)
    WHERE NOT EXISTS (SELECT 1 FROM `counterparties` WHERE `side` = 'S' AND `name` = new.`buyer_name`);
END;--> statement-breakpoint
CREATE TRIGGER `invoices_counterparty_update` AFTER UPDATE OF `buyer_name`, `state` ON `invoices` WHEN new.`state` <> 'draft' BEGIN
  INSERT INTO `counterparties` (`side`, `name`, `search_key`)
    SELECT 'S', new.`buyer_name`, search_key(new.`buyer_name`)
    WHERE NOT EXISTS (SELECT 1 FROM `counterparties` WHERE `side` = 'S' AND `name` = new.`buyer_name`);
END;--> statement-breakpoint
CREATE TRIGGER `received_counterparty_insert` AFTER INSERT ON `received_invoices` BEGIN
  INSERT INTO `counterparties` (`side`, `name`, `search_key`)
    SELECT 'P', new.`seller_name`, search_key(new.`seller_name`)
    WHERE NOT EXISTS (SELECT 1 FROM `counterparties` WHERE `side` = 'P' AND `name` = new.`seller_name`);
END;--> statement-breakpoint
CREATE TRIGGER `received_counterparty_update` AFTER UPDATE OF `seller_name` ON `received_invoices` BEGIN
  INSERT INTO `counterparties` (`side`, `name`, `search_key`)
    SELECT 'P', new.`seller_name`, search_key(new.`seller_name`)
    WHERE NOT EXISTS (SELECT 1 FROM `counterparties` WHERE `side` = 'P' AND `name` = new.`seller_name`);
END;--> statement-breakpoint
-- backfill what the ledger already holds (the triggers above see only what is written from now on)
INSERT INTO `received_lines` (`number`, `position`, `name`)
  SELECT r.`number`, j.`key`, coalesce(json_extract(j.`value`, '$.name'), '') FROM `received_invoices` r, json_each(r.`document`, '$.draft.lines') j;--> statement-breakpoint
INSERT OR IGNORE INTO `item_names` (`name`) SELECT `name` FROM `invoice_lines`;--> statement-breakpoint
INSERT INTO `counterparties` (`side`, `name`, `search_key`)
  SELECT 'S', `buyer_name`, search_key(`buyer_name`) FROM (SELECT DISTINCT `buyer_name` FROM `invoices` WHERE `state` <> 'draft');--> statement-breakpoint
INSERT INTO `counterparties` (`side`, `name`, `search_key`)
  SELECT 'P', `seller_name`, search_key(`seller_name`) FROM (SELECT DISTINCT `seller_name` FROM `received_invoices`);
--> statement-breakpoint
-- invoice_day_totals: the count and totals per day and kind, colour, status (and 入账 on 进项), kept
-- as invoices are written. A 销项 status is its 红冲状态 once issued, else queued / failed; drafts
-- are never counted. The old row is taken out and the new one put in on every change that matters.
CREATE TRIGGER `invoices_totals_insert` AFTER INSERT ON `invoices` WHEN new.`state` <> 'draft' BEGIN
  INSERT INTO `invoice_day_totals` (`side`, `day`, `kind`, `colour`, `status`, `booking`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
    VALUES ('S', coalesce(substr(coalesce(new.`issued_at`, new.`queued_at`), 1, 10), ''), new.`kind`, new.`colour`,
      CASE new.`state` WHEN 'issued' THEN new.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END, '', 1, new.`amount_fen`, new.`tax_fen`, new.`total_fen`)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`, `tax_fen` = `tax_fen` + excluded.`tax_fen`, `total_fen` = `total_fen` + excluded.`total_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `invoices_totals_update` AFTER UPDATE OF `state`, `kind`, `colour`, `red_status`, `issued_at`, `queued_at`, `amount_fen`, `tax_fen`, `total_fen` ON `invoices` BEGIN
  UPDATE `invoice_day_totals` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - old.`amount_fen`, `tax_fen` = `tax_fen` - old.`tax_fen`, `total_fen` = `total_fen` - old.`total_fen`
    WHERE old.`state` <> 'draft' AND `side` = 'S' AND `day` = coalesce(substr(coalesce(old.`issued_at`, old.`queued_at`), 1, 10), '') AND `kind` = old.`kind` AND `colour` = old.`colour`
      AND `status` = CASE old.`state` WHEN 'issued' THEN old.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END AND `booking` = '';
  INSERT INTO `invoice_day_totals` (`side`, `day`, `kind`, `colour`, `status`, `booking`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
    SELECT 'S', coalesce(substr(coalesce(new.`issued_at`, new.`queued_at`), 1, 10), ''), new.`kind`, new.`colour`,
      CASE new.`state` WHEN 'issued' THEN new.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END, '', 1, new.`amount_fen`, new.`tax_fen`, new.`total_fen`
    WHERE new.`state` <> 'draft'
    ON CONFLICT DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`, `tax_fen` = `tax_fen` + excluded.`tax_fen`, `total_fen` = `total_fen` + excluded.`total_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `invoices_totals_delete` AFTER DELETE ON `invoices` WHEN old.`state` <> 'draft' BEGIN
  UPDATE `invoice_day_totals` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - old.`amount_fen`, `tax_fen` = `tax_fen` - old.`tax_fen`, `total_fen` = `total_fen` - old.`total_fen`
    WHERE `side` = 'S' AND `day` = coalesce(substr(coalesce(old.`issued_at`, old.`queued_at`), 1, 10), '') AND `kind` = old.`kind` AND `colour` = old.`colour`
      AND `status` = CASE old.`state` WHEN 'issued' THEN old.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END AND `booking` = '';
END;--> statement-breakpoint
CREATE TRIGGER `received_totals_insert` AFTER INSERT ON `received_invoices` BEGIN
  INSERT INTO `invoice_day_totals` (`side`, `day`, `kind`, `colour`, `status`, `booking`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
    VALUES ('P', substr(new.`issued_at`, 1, 10), new.`kind`, new.`colour`, new.`red_status`, new.`booking`, 1, new.`amount_fen`, new.`tax_fen`, new.`total_fen`)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`, `tax_fen` = `tax_fen` + excluded.`tax_fen`, `total_fen` = `total_fen` + excluded.`total_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `received_totals_update` AFTER UPDATE OF `kind`, `colour`, `red_status`, `booking`, `issued_at`, `amount_fen`, `tax_fen`, `total_fen` ON `received_invoices` BEGIN
  UPDATE `invoice_day_totals` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - old.`amount_fen`, `tax_fen` = `tax_fen` - old.`tax_fen`, `total_fen` = `total_fen` - old.`total_fen`
    WHERE `side` = 'P' AND `day` = substr(old.`issued_at`, 1, 10) AND `kind` = old.`kind` AND `colour` = old.`colour` AND `status` = old.`red_status` AND `booking` = old.`booking`;
  INSERT INTO `invoice_day_totals` (`side`, `day`, `kind`, `colour`, `status`, `booking`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
    VALUES ('P', substr(new.`issued_at`, 1, 10), new.`kind`, new.`colour`, new.`red_status`, new.`booking`, 1, new.`amount_fen`, new.`tax_fen`, new.`total_fen`)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`, `tax_fen` = `tax_fen` + excluded.`tax_fen`, `total_fen` = `total_fen` + excluded.`total_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `received_totals_delete` AFTER DELETE ON `received_invoices` BEGIN
  UPDATE `invoice_day_totals` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - old.`amount_fen`, `tax_fen` = `tax_fen` - old.`tax_fen`, `total_fen` = `total_fen` - old.`total_fen`
    WHERE `side` = 'P' AND `day` = substr(old.`issued_at`, 1, 10) AND `kind` = old.`kind` AND `colour` = old.`colour` AND `status` = old.`red_status` AND `booking` = old.`booking`;
END;--> statement-breakpoint
INSERT INTO `invoice_day_totals` (`side`, `day`, `kind`, `colour`, `status`, `booking`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
  SELECT 'S', coalesce(substr(coalesce(`issued_at`, `queued_at`), 1, 10), ''), `kind`, `colour`,
    CASE `state` WHEN 'issued' THEN `red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END AS `st`, '', count(*), sum(`amount_fen`), sum(`tax_fen`), sum(`total_fen`)
  FROM `invoices` WHERE `state` <> 'draft' GROUP BY 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO `invoice_day_totals` (`side`, `day`, `kind`, `colour`, `status`, `booking`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
  SELECT 'P', substr(`issued_at`, 1, 10), `kind`, `colour`, `red_status`, `booking`, count(*), sum(`amount_fen`), sum(`tax_fen`), sum(`total_fen`)
  FROM `received_invoices` GROUP BY 2, 3, 4, 5, 6;
