ALTER TABLE `taxcode_leaves` ADD `name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `taxcode_leaves` ADD `rates` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `taxcode_leaves` ADD `special_mgmt` text DEFAULT '' NOT NULL;