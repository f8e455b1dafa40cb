CREATE TABLE `invoice_lines` (
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`nature` text NOT NULL,
	`name` text NOT NULL,
	`tax_code` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`quantity` text,
	`unit_price` text,
	`amount_fen` integer NOT NULL,
	`tax_rate` text NOT NULL,
	`tax_fen` integer NOT NULL,
	`policy` text,
	PRIMARY KEY(`invoice_id`, `position`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_name` ON `invoice_lines` (`name`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state` text NOT NULL,
	`kind` text NOT NULL,
	`buyer_name` text DEFAULT '' NOT NULL,
	`buyer_tax_id` text DEFAULT '' NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`tax_fen` integer DEFAULT 0 NOT NULL,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`line_count` integer DEFAULT 0 NOT NULL,
	`document` text NOT NULL,
	`drawer` text DEFAULT '' NOT NULL,
	`number` text,
	`failure` text,
	`queued_at` text,
	`issued_at` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invoices_state` ON `invoices` (`state`,`updated_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number` ON `invoices` (`number`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`command` text NOT NULL,
	`document_type` text NOT NULL,
	`document_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_document` ON `outbox` (`document_type`,`document_id`);