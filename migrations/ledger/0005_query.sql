CREATE TABLE `counterparties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`side` text NOT NULL,
	`name` text NOT NULL,
	`search_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counterparties_name` ON `counterparties` (`side`,`name`);--> statement-breakpoint
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
CREATE INDEX `received_lines_name` ON `received_lines` (`name`);--> statement-breakpoint
CREATE INDEX `invoices_dated` ON `invoices` (coalesce(issued_at, queued_at),`id`,`kind`,`colour`,`state`,`red_status`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `invoices_kind_dated` ON `invoices` (`kind`,coalesce(issued_at, queued_at),`id`);--> statement-breakpoint
CREATE INDEX `invoices_buyer_name` ON `invoices` (`buyer_name`,coalesce(issued_at, queued_at));--> statement-breakpoint
CREATE INDEX `invoices_buyer_tax_id` ON `invoices` (`buyer_tax_id`,coalesce(issued_at, queued_at));--> statement-breakpoint
CREATE INDEX `invoices_total` ON `invoices` (`total_fen`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_red_status` ON `invoices` (`red_status`,coalesce(issued_at, queued_at));--> statement-breakpoint
CREATE INDEX `invoices_drawer` ON `invoices` (`drawer`,coalesce(issued_at, queued_at));--> statement-breakpoint
CREATE INDEX `received_dated` ON `received_invoices` (`issued_at`,`number`,`kind`,`colour`,`red_status`,`booking`,`amount_fen`,`tax_fen`,`total_fen`);--> statement-breakpoint
CREATE INDEX `received_kind_dated` ON `received_invoices` (`kind`,`issued_at`);--> statement-breakpoint
CREATE INDEX `received_seller_name` ON `received_invoices` (`seller_name`,`issued_at`);--> statement-breakpoint
CREATE INDEX `received_total` ON `received_invoices` (`total_fen`,`number`);--> statement-breakpoint
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
