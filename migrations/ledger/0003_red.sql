CREATE TABLE `red_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text,
	`blue_number` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`initiator` text NOT NULL,
	`role` text NOT NULL,
	`status` text,
	`counterparty_tax_id` text NOT NULL,
	`counterparty_name` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`lines` text NOT NULL,
	`document` text,
	`deadline` text,
	`red_invoice_number` text,
	`failure` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `red_confirmations_number_unique` ON `red_confirmations` (`number`);--> statement-breakpoint
CREATE INDEX `red_blue` ON `red_confirmations` (`blue_number`);--> statement-breakpoint
CREATE INDEX `red_status` ON `red_confirmations` (`status`,`updated_at`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `colour` text DEFAULT 'blue' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `red_status` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `blue_number` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `red_confirmation_number` text;--> statement-breakpoint
ALTER TABLE `received_invoices` ADD `colour` text DEFAULT 'blue' NOT NULL;--> statement-breakpoint
ALTER TABLE `received_invoices` ADD `red_status` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `received_invoices` ADD `booking` text DEFAULT '01' NOT NULL;