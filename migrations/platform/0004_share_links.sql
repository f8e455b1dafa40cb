CREATE TABLE `share_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`tax_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`number`) REFERENCES `invoices`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `share_links_expiry` ON `share_links` (`expires_at`);