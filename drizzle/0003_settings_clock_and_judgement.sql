ALTER TABLE `settings` ADD `time_zone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `half_life_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `cap_verdict_on_red_flag` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `red_flags_for_walk_away` integer DEFAULT 2 NOT NULL;