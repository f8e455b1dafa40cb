-- Hand-written (drizzle-kit has no WITHOUT ROWID tables or triggers): 发票查询's 项目名称 filter at a
-- million invoices. invoice_items holds one row per 销项 invoice (never a draft) and distinct
-- 项目名称 of its lines, with what the filter and its count and totals need: 开票日期 (as
-- invoices_dated has it), 票种, 红蓝字, status (as invoice_day_totals codes it) and the amounts. A
-- 项目名称 search then reads a few narrow rows per matching invoice, in date order within each name,
-- instead of each invoice's full row (and its document's overflow pages).
-- other_mask: bit (id % 52) of each other name of the invoice — or more bits, never fewer. A row
-- whose other_mask shares no bit with the matching names' bits is its invoice's only matching row,
-- so only the other rows need grouping by invoice to count an invoice with two matching names once.
CREATE TABLE `invoice_items` (
	`name_id` integer NOT NULL,
	`dated` text NOT NULL,
	`invoice_id` integer NOT NULL,
	`kind` text NOT NULL,
	`colour` text NOT NULL,
	`status` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`other_mask` integer NOT NULL,
	PRIMARY KEY (`name_id`, `dated`, `invoice_id`)
) WITHOUT ROWID;--> statement-breakpoint
-- backfill what the ledger already holds, in key order (a WITHOUT ROWID table fills fastest so)
INSERT OR IGNORE INTO `invoice_items` (`name_id`, `dated`, `invoice_id`, `kind`, `colour`, `status`, `amount_fen`, `tax_fen`, `total_fen`, `other_mask`)
  SELECT n.`id`, coalesce(i.`issued_at`, i.`queued_at`, ''), i.`id`, i.`kind`, i.`colour`,
    CASE i.`state` WHEN 'issued' THEN i.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END, i.`amount_fen`, i.`tax_fen`, i.`total_fen`,
    (SELECT coalesce(sum(DISTINCT 1 << (m.`id` % 52)), 0) FROM `invoice_lines` o JOIN `item_names` m ON m.`name` = o.`name` WHERE o.`invoice_id` = i.`id` AND m.`id` <> n.`id`)
  FROM `invoices` i JOIN `invoice_lines` l ON l.`invoice_id` = i.`id` JOIN `item_names` n ON n.`name` = l.`name`
  WHERE i.`state` <> 'draft'
  ORDER BY 1, 2, 3;--> statement-breakpoint
-- the triggers find an invoice's rows by it (made after the backfill: one sort, not a million inserts)
CREATE UNIQUE INDEX `invoice_items_invoice` ON `invoice_items` (`invoice_id`, `name_id`);--> statement-breakpoint
-- A line written: its name (invoice_lines_item_name may not have run yet), its bit in the other
-- rows of the invoice, and its own row (once per name) with the bits of the names already there —
-- any one other row's mask and its own bit hold them all, so a line of a 2,000-line invoice does
-- not read the other 1,999.
CREATE TRIGGER `invoice_items_line_insert` AFTER INSERT ON `invoice_lines` BEGIN
  INSERT OR IGNORE INTO `item_names` (`name`) VALUES (new.`name`);
  UPDATE `invoice_items` SET `other_mask` = `other_mask` | (1 << (SELECT `id` % 52 FROM `item_names` WHERE `name` = new.`name`))
    WHERE `invoice_id` = new.`invoice_id` AND `name_id` <> (SELECT `id` FROM `item_names` WHERE `name` = new.`name`)
      AND (`other_mask` & (1 << (SELECT `id` % 52 FROM `item_names` WHERE `name` = new.`name`))) = 0;
  INSERT OR IGNORE INTO `invoice_items` (`name_id`, `dated`, `invoice_id`, `kind`, `colour`, `status`, `amount_fen`, `tax_fen`, `total_fen`, `other_mask`)
    SELECT n.`id`, coalesce(i.`issued_at`, i.`queued_at`, ''), i.`id`, i.`kind`, i.`colour`,
      CASE i.`state` WHEN 'issued' THEN i.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END, i.`amount_fen`, i.`tax_fen`, i.`total_fen`,
      coalesce((SELECT o.`other_mask` | (1 << (o.`name_id` % 52)) FROM `invoice_items` o WHERE o.`invoice_id` = i.`id` AND o.`name_id` <> n.`id` LIMIT 1), 0)
    FROM `invoices` i, `item_names` n WHERE i.`id` = new.`invoice_id` AND i.`state` <> 'draft' AND n.`name` = new.`name`;
END;--> statement-breakpoint
-- A line removed: the name's row goes once no other line of the invoice carries it. The other rows
-- keep its bit: more bits only send a row to the grouped count, never a wrong one.
CREATE TRIGGER `invoice_items_line_delete` AFTER DELETE ON `invoice_lines` BEGIN
  DELETE FROM `invoice_items` WHERE `invoice_id` = old.`invoice_id` AND `name_id` = (SELECT `id` FROM `item_names` WHERE `name` = old.`name`)
    AND NOT EXISTS (SELECT 1 FROM `invoice_lines` WHERE `invoice_id` = old.`invoice_id` AND `name` = old.`name`);
END;--> statement-breakpoint
CREATE TRIGGER `invoice_items_line_update` AFTER UPDATE OF `invoice_id`, `name` ON `invoice_lines` BEGIN
  DELETE FROM `invoice_items` WHERE `invoice_id` = old.`invoice_id` AND `name_id` = (SELECT `id` FROM `item_names` WHERE `name` = old.`name`)
    AND NOT EXISTS (SELECT 1 FROM `invoice_lines` WHERE `invoice_id` = old.`invoice_id` AND `name` = old.`name`);
  INSERT OR IGNORE INTO `item_names` (`name`) VALUES (new.`name`);
  UPDATE `invoice_items` SET `other_mask` = `other_mask` | (1 << (SELECT `id` % 52 FROM `item_names` WHERE `name` = new.`name`))
    WHERE `invoice_id` = new.`invoice_id` AND `name_id` <> (SELECT `id` FROM `item_names` WHERE `name` = new.`name`)
      AND (`other_mask` & (1 << (SELECT `id` % 52 FROM `item_names` WHERE `name` = new.`name`))) = 0;
  INSERT OR IGNORE INTO `invoice_items` (`name_id`, `dated`, `invoice_id`, `kind`, `colour`, `status`, `amount_fen`, `tax_fen`, `total_fen`, `other_mask`)
    SELECT n.`id`, coalesce(i.`issued_at`, i.`queued_at`, ''), i.`id`, i.`kind`, i.`colour`,
      CASE i.`state` WHEN 'issued' THEN i.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END, i.`amount_fen`, i.`tax_fen`, i.`total_fen`,
      coalesce((SELECT o.`other_mask` | (1 << (o.`name_id` % 52)) FROM `invoice_items` o WHERE o.`invoice_id` = i.`id` AND o.`name_id` <> n.`id` LIMIT 1), 0)
    FROM `invoices` i, `item_names` n WHERE i.`id` = new.`invoice_id` AND i.`state` <> 'draft' AND n.`name` = new.`name`;
END;--> statement-breakpoint
-- The invoice changed (开票, 开具, 红冲, a refusal…): its rows take the new values in place; a draft
-- has none; one leaving the drafts gets a row per name of the lines it already has, each with the
-- bits of all its names (its own too: one mask for all, read once — more bits are allowed).
CREATE TRIGGER `invoice_items_invoice_update` AFTER UPDATE OF `state`, `kind`, `colour`, `red_status`, `issued_at`, `queued_at`, `amount_fen`, `tax_fen`, `total_fen` ON `invoices` BEGIN
  DELETE FROM `invoice_items` WHERE `invoice_id` = old.`id` AND new.`state` = 'draft';
  UPDATE `invoice_items` SET `dated` = coalesce(new.`issued_at`, new.`queued_at`, ''), `kind` = new.`kind`, `colour` = new.`colour`,
      `status` = CASE new.`state` WHEN 'issued' THEN new.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END,
      `amount_fen` = new.`amount_fen`, `tax_fen` = new.`tax_fen`, `total_fen` = new.`total_fen`
    WHERE `invoice_id` = new.`id`;
  INSERT OR IGNORE INTO `invoice_items` (`name_id`, `dated`, `invoice_id`, `kind`, `colour`, `status`, `amount_fen`, `tax_fen`, `total_fen`, `other_mask`)
    SELECT n.`id`, coalesce(new.`issued_at`, new.`queued_at`, ''), new.`id`, new.`kind`, new.`colour`,
      CASE new.`state` WHEN 'issued' THEN new.`red_status` WHEN 'failed' THEN 'failed' ELSE 'queued' END, new.`amount_fen`, new.`tax_fen`, new.`total_fen`,
      (SELECT coalesce(sum(DISTINCT 1 << (m.`id` % 52)), 0) FROM `invoice_lines` o JOIN `item_names` m ON m.`name` = o.`name` WHERE o.`invoice_id` = new.`id`)
    FROM `item_names` n
    WHERE new.`state` <> 'draft' AND old.`state` = 'draft' AND n.`name` IN (SELECT `name` FROM `invoice_lines` WHERE `invoice_id` = new.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `invoice_items_invoice_delete` AFTER DELETE ON `invoices` BEGIN
  DELETE FROM `invoice_items` WHERE `invoice_id` = old.`id`;
END;
--> statement-breakpoint
-- item_name_totals: per name, 票种, 红蓝字 and status, the count and amounts of its rows in
-- invoice_items (an invoice with several names is in several), kept by triggers on invoice_items.
-- Without dates, a 项目名称 filter's count starts from its names' totals here; only the rows whose
-- invoice may carry two matching names are read, to take the repeats out.
CREATE TABLE `item_name_totals` (
	`name_id` integer NOT NULL,
	`kind` text NOT NULL,
	`colour` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	PRIMARY KEY (`name_id`, `kind`, `colour`, `status`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `item_name_totals` (`name_id`, `kind`, `colour`, `status`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
  SELECT `name_id`, `kind`, `colour`, `status`, count(*), sum(`amount_fen`), sum(`tax_fen`), sum(`total_fen`) FROM `invoice_items` GROUP BY 1, 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER `item_name_totals_insert` AFTER INSERT ON `invoice_items` BEGIN
  INSERT INTO `item_name_totals` (`name_id`, `kind`, `colour`, `status`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
    VALUES (new.`name_id`, new.`kind`, new.`colour`, new.`status`, 1, new.`amount_fen`, new.`tax_fen`, new.`total_fen`)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`, `tax_fen` = `tax_fen` + excluded.`tax_fen`, `total_fen` = `total_fen` + excluded.`total_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `item_name_totals_delete` AFTER DELETE ON `invoice_items` BEGIN
  UPDATE `item_name_totals` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - old.`amount_fen`, `tax_fen` = `tax_fen` - old.`tax_fen`, `total_fen` = `total_fen` - old.`total_fen`
    WHERE `name_id` = old.`name_id` AND `kind` = old.`kind` AND `colour` = old.`colour` AND `status` = old.`status`;
END;--> statement-breakpoint
CREATE TRIGGER `item_name_totals_update` AFTER UPDATE OF `name_id`, `kind`, `colour`, `status`, `amount_fen`, `tax_fen`, `total_fen` ON `invoice_items` BEGIN
  UPDATE `item_name_totals` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - old.`amount_fen`, `tax_fen` = `tax_fen` - old.`tax_fen`, `total_fen` = `total_fen` - old.`total_fen`
    WHERE `name_id` = old.`name_id` AND `kind` = old.`kind` AND `colour` = old.`colour` AND `status` = old.`status`;
  INSERT INTO `item_name_totals` (`name_id`, `kind`, `colour`, `status`, `n`, `amount_fen`, `tax_fen`, `total_fen`)
    VALUES (new.`name_id`, new.`kind`, new.`colour`, new.`status`, 1, new.`amount_fen`, new.`tax_fen`, new.`total_fen`)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`, `tax_fen` = `tax_fen` + excluded.`tax_fen`, `total_fen` = `total_fen` + excluded.`total_fen`;
END;
