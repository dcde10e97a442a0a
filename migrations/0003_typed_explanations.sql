ALTER TABLE `placements` ADD `steps` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `decision_hash` text;