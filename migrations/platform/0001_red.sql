CREATE TABLE `bookings` (
	`invoice_number` text PRIMARY KEY NOT NULL,
	`buyer_tax_id` text NOT NULL,
	`status` text NOT NULL,
	`period` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`invoice_number`) REFERENCES `invoices`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `red_confirmation_sequences` (
	`prefix` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `red_confirmations` (
	`number` text PRIMARY KEY NOT NULL,
	`blue_number` text NOT NULL,
	`seller_tax_id` text NOT NULL,
	`buyer_tax_id` text NOT NULL,
	`initiator` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`lines` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`created_at` text NOT NULL,
	`deadline` text NOT NULL,
	`decided_at` text,
	`opinion` text,
	`red_invoice_number` text,
	`client_ref` text,
	`document` text NOT NULL,
	FOREIGN KEY (`blue_number`) REFERENCES `invoices`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `red_confirmations_due` ON `red_confirmations` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `red_confirmations_blue` ON `red_confirmations` (`blue_number`);--> statement-breakpoint
CREATE INDEX `red_confirmations_seller` ON `red_confirmations` (`seller_tax_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `red_confirmations_buyer` ON `red_confirmations` (`buyer_tax_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `blue_number` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `red_confirmation_number` text;--> statement-breakpoint
CREATE INDEX `invoices_blue` ON `invoices` (`blue_number`);