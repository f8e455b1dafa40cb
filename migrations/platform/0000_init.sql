CREATE TABLE `changes` (
	`cursor` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tax_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`tax_id`) REFERENCES `taxpayers`(`tax_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `changes_feed` ON `changes` (`tax_id`,`cursor`);--> statement-breakpoint
CREATE TABLE `idempotency` (
	`tax_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tax_id`, `key`),
	FOREIGN KEY (`tax_id`) REFERENCES `taxpayers`(`tax_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invoice_sequences` (
	`year` integer NOT NULL,
	`bureau` text NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`year`, `bureau`)
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`number` text PRIMARY KEY NOT NULL,
	`colour` text NOT NULL,
	`kind` text NOT NULL,
	`seller_tax_id` text NOT NULL,
	`buyer_tax_id` text NOT NULL,
	`buyer_name` text NOT NULL,
	`issued_at` text NOT NULL,
	`month` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`red_status` text DEFAULT 'normal' NOT NULL,
	`client_ref` text,
	`document` text NOT NULL,
	FOREIGN KEY (`seller_tax_id`) REFERENCES `taxpayers`(`tax_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoices_seller` ON `invoices` (`seller_tax_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `invoices_buyer` ON `invoices` (`buyer_tax_id`,`issued_at`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tax_id` text NOT NULL,
	`login` text NOT NULL,
	`password_hash` text NOT NULL,
	`salt` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tax_id`) REFERENCES `taxpayers`(`tax_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_login` ON `operators` (`tax_id`,`login`);--> statement-breakpoint
CREATE TABLE `quota_months` (
	`tax_id` text NOT NULL,
	`month` text NOT NULL,
	`total_fen` integer,
	`used_fen` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tax_id`, `month`),
	FOREIGN KEY (`tax_id`) REFERENCES `taxpayers`(`tax_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `taxcode_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` text NOT NULL,
	`file_name` text NOT NULL,
	`bytes` blob NOT NULL,
	`leaf_count` integer NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `taxcode_files_version_unique` ON `taxcode_files` (`version`);--> statement-breakpoint
CREATE TABLE `taxcode_leaves` (
	`code` text PRIMARY KEY NOT NULL,
	`file_id` integer NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `taxcode_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `taxpayers` (
	`tax_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`default_quota_fen` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`tax_id` text NOT NULL,
	`operator_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`tax_id`) REFERENCES `taxpayers`(`tax_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tokens_expiry` ON `tokens` (`expires_at`);