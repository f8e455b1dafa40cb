CREATE TABLE `received_invoices` (
	`number` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`issued_at` text NOT NULL,
	`seller_tax_id` text NOT NULL,
	`seller_name` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`line_count` integer NOT NULL,
	`document` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `received_issued` ON `received_invoices` (`issued_at`);--> statement-breakpoint
CREATE INDEX `received_seller` ON `received_invoices` (`seller_tax_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`platform_url` text,
	`cursor` text DEFAULT '0' NOT NULL,
	`last_success_at` text,
	`last_attempt_at` text,
	`last_error` text,
	`quota` text,
	`taxcodes_version` text
);
--> statement-breakpoint
ALTER TABLE `invoices` ADD `qr` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `quota_used_fen` integer;