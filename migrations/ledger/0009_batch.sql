-- 批量开具 (issue 13): batches and their invoices by 发票流水号; special_kind on 销项 and 进项 for 发票查询 by 特定业务.

CREATE TABLE `batch_invoices` (
	`batch_id` integer NOT NULL,
	`position` integer NOT NULL,
	`serial` text NOT NULL,
	`sheet_row` integer NOT NULL,
	`invoice_id` integer,
	PRIMARY KEY(`batch_id`, `position`),
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `batch_invoices_serial` ON `batch_invoices` (`serial`,`batch_id`);--> statement-breakpoint
CREATE INDEX `batch_invoices_invoice` ON `batch_invoices` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`state` text NOT NULL,
	`invoice_count` integer NOT NULL,
	`line_count` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`queued_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `batches_state` ON `batches` (`state`,`id`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `special_kind` text;--> statement-breakpoint
CREATE INDEX `invoices_special_kind` ON `invoices` (`special_kind`,coalesce(issued_at, queued_at),`id`);--> statement-breakpoint
ALTER TABLE `received_invoices` ADD `special_kind` text;--> statement-breakpoint
CREATE INDEX `received_special_kind` ON `received_invoices` (`special_kind`,`issued_at`);